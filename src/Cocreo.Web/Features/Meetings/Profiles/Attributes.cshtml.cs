using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>The attributes form: what people are asked at registration and what tables are mixed on.</summary>
public sealed class AttributesForm
{
    public string? Text { get; set; }
}

/// <summary>
/// The team defines the meeting's mixing attributes. With none yet and a budget in the process that asks demographic
/// questions with population shares, the form starts from those.
/// </summary>
public sealed class AttributesModel(MeetingAccessReader meetings, MeetingProfiles profiles, CocreoDbContext db, ChangeRunner changes, IStringLocalizer<ProfileText> t) : PageModel
{
    [BindProperty]
    public AttributesForm Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = null!;

    public bool FromBudget { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var attributes = await profiles.AttributesAsync(id, cancellationToken);
        if (attributes.Count == 0)
        {
            var questions = await db.Set<Budget>().AsNoTracking().Where(b => b.ProcessId == Meeting.ProcessId)
                .OrderByDescending(b => b.Id).Select(b => b.Questions).FirstOrDefaultAsync(cancellationToken) ?? [];
            var usable = questions.Where(q => q.Options.Count >= 2).Take(MixingLimits.Attributes).ToList();
            if (usable.Count > 0)
            {
                Input.Text = BudgetForm.QuestionsText(usable);
                FromBudget = true;
            }
        }
        else
        {
            Input.Text = MeetingAttributeSet.Text(attributes);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] SetMeetingAttributes.Handler set, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var count = await changes.RunAsync(set, new SetMeetingAttributes.Command(id, Input.Text), cancellationToken);
        return this.Done(t.Plural("{0, plural, one {The meeting has # attribute.} other {The meeting has # attributes.}}", count), $"/meetings/{id}/attributes");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken) =>
        Meeting = (await meetings.ReadAsync(id, User, MeetingAction.Edit, cancellationToken)).Meeting;
}
