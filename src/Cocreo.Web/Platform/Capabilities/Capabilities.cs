using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Commitments;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Home;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.Readiness;
using Cocreo.Web.Features.Search;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Features.Transparency;

namespace Cocreo.Web.Platform.Capabilities;

/// <summary>
/// Every capability of the platform, in order: the order in which their slots appear where they share a place, and
/// in which their parts of the demo city are made (later ones may build on earlier ones). A new capability is one
/// folder under Features/ with its manifest, and one line here.
/// </summary>
public static class Capabilities
{
    public static IReadOnlyList<Capability> All { get; } =
    [
        new HomeCapability(),
        new AccountsCapability(),
        new OrganisationsCapability(),
        new ProcessesCapability(),
        new TransparencyCapability(),
        new ModerationCapability(),
        new JourneyMappingCapability(),
        new AssessmentsCapability(),
        new ReadinessCapability(),
        new ServiceSelectionCapability(),
        new ProcessQualityCapability(),
        new BudgetingCapability(),
        new ConversationsCapability(),
        new ProposalsCapability(),
        new DebateCapability(),
        new ParticipatoryTextsCapability(),
        new AmendmentsCapability(),
        new MeetingsCapability(),
        new CommitmentsCapability(),
        new SearchCapability(),
        new NotificationsCapability(),
        new DemoCapability(),
    ];
}
