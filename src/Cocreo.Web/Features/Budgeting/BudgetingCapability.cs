using System.Threading.RateLimiting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.RateLimiting;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>Limits on voting, bound from <c>Budgeting</c>.</summary>
public sealed class BudgetingOptions
{
    public const string Section = "Budgeting";

    /// <summary>
    /// Ballots (and failed attempts) one network address may send per minute. A polling station shares one address,
    /// so this is generous; guessing codes is hopeless anyway (80 bits).
    /// </summary>
    public int BallotsPerMinutePerAddress { get; set; } = 120;

    /// <summary>
    /// The folder of the election keys (<see cref="ElectionKeys"/>), relative to the content root or absolute. Every
    /// instance must see the same folder; keep it out of the database's backups (a key exists only while its vote is open).
    /// </summary>
    public string ElectionKeysPath { get; set; } = "App_Data/election-keys";
}

public sealed class BudgetingCapability : Capability
{
    public const string BallotLimit = "ballots";

    public override string Name => "budgeting";

    public override Type Text => typeof(BudgetingText);

    public override Type Permissions => typeof(BudgetingPermissions);

    public override Type DemoSeed => typeof(BudgetingDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Sections, typeof(ProcessBudgetsViewComponent), Order: 10)];

    // Casting a ballot is not logged one by one: an entry per voter, with its time, would undo the secrecy of
    // the vote. The log has the totals and the digest of the ballots when voting closes and when results are out.
    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("budget.created", "Created a participatory budget"),
        ("budget.changed", "Changed a budget's settings"),
        ("budget.phase-planned", "Planned a phase of a budget"),
        ("budget.phase-advanced", "Moved a budget to its next phase"),
        ("budget.phase-reverted", "Took a budget back from the review to collecting proposals, before any review"),
        ("budget.deleted", "Deleted an empty budget before voting"),
        ("budget.census-uploaded", "Uploaded the census of people who may vote"),
        ("budget.code-reissue-requested", "Asked for a new voting code for someone on the census"),
        ("budget.code-reissued", "Gave a new voting code to someone on the census"),
        ("budget.code-reissue-rejected", "Rejected a request for a new voting code"),
        ("budget.reconciliation-accepted", "Explained a difference between the ballots and the marked register"),
        ("budget.voting-opened", "Opened voting and published the ballot and the counting rule"),
        ("budget.voting-closed", "Closed voting"),
        ("budget.results-published", "Published the results"),
        ("budget.translated", "Translated a budget"),
        ("proposal.submitted", "Submitted a proposal"),
        ("proposal.edited", "Edited their proposal"),
        ("proposal.withdrawn", "Withdrew their proposal"),
        ("proposal.translated", "Translated a proposal"),
        ("proposal.supported", "Supported a proposal"),
        ("proposal.support-withdrawn", "Withdrew support for a proposal"),
        ("proposal.commented", "Commented on a proposal"),
        ("proposal.comment-edited", "Edited their comment on a proposal"),
        ("proposal.comment-deleted", "Deleted their comment on a proposal"),
        ("proposal.image-added", "Added a picture to a proposal"),
        ("proposal.image-removed", "Removed a picture from a proposal"),
        ("proposal.reviewed", "Reviewed a proposal"),
        ("proposal.merged", "Merged a duplicate proposal"),
        ("paper-ballot.counted", "Counted a paper ballot entered by two people"),
        ("paper-ballot.discarded", "Discarded a paper ballot entry"),
        ("project.progress", "Reported progress on a funded project"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddScoped<BudgetAccess>();
        services.AddScoped<Debate.IDebateTargets, ProposalDebateTargets>();
        services.AddScoped<Amendments.IAmendmentTargets, BudgetProjectAmendmentTargets>();
        services.AddScoped<IModeratedContent, ProposalContents>();
        services.AddScoped<Accounts.IPersonalData, BudgetingPersonalData>();
        services.AddScoped<Processes.IProcessActivity, BudgetingProcessActivity>();
        services.AddScoped<BallotPapers>();
        services.AddScoped<BallotTitles>();
        services.AddScoped<Notifications.IFollowTargets, BudgetFollowTargets>();
        services.AddScoped<Conversations.IProposalTargets, BudgetProposalTargets>();
        services.AddScoped<Voting>();
        services.AddScoped<PublishedResults>();
        services.AddScoped<Census>();
        services.AddScoped<Reconciliation>();
        services.AddScoped<PaperBallots>();
        services.AddScoped<ElectionExport>();
        services.AddScoped<TurnoutReport>();
        services.AddSingleton<BallotBox>();
        services.AddHostedService(provider => provider.GetRequiredService<BallotBox>());
        services.AddSingleton<ElectionKeys>();
        services.AddHostedService<ElectionKeySweep>();
        services.AddSingleton<EarlierPictures>();
        services.AddHostedService(provider => provider.GetRequiredService<EarlierPictures>());
        services.AddSingleton<BudgetSchedule>();
        services.AddHostedService(provider => provider.GetRequiredService<BudgetSchedule>());

        var options = configuration.GetSection(BudgetingOptions.Section).Get<BudgetingOptions>() ?? new BudgetingOptions();
        services.Configure<BudgetingOptions>(configuration.GetSection(BudgetingOptions.Section));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(BallotLimit, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetTokenBucketLimiter("ballots:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.BallotsPerMinutePerAddress,
                TokensPerPeriod = options.BallotsPerMinutePerAddress,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read")));

    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBudgetingApi();
}
