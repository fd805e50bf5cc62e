using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// "Make this a proposal": the team chooses a budget of the process that collects proposals, and the statement's
/// text is the proposal's title and description to start from. A statement that became a proposal already links to it.
/// </summary>
public sealed class MakeProposalModel(ConversationAccessReader conversations, CocreoDbContext db, IEnumerable<IProposalTargets> targets, StatementProposalLinks links,
    ChangeRunner changes, IStringLocalizer<ConversationText> t) : PageModel
{
    public ConversationView View { get; private set; } = null!;
    public ConversationStatement Statement { get; private set; } = null!;
    public IReadOnlyList<ProposalDestination> Destinations { get; private set; } = [];

    /// <summary>The proposal the statement became, when it did.</summary>
    public ProposalMade? Became { get; private set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public sealed class ProposalInput
    {
        /// <summary>The place, as kind:id ("budget:4").</summary>
        [Required(ErrorMessage = "Choose where the proposal goes: a budget of this process that collects proposals, or the process's own proposals.")]
        public string? Destination { get; set; }

        [Required(ErrorMessage = "A proposal needs a title (at most 200 characters) and a description.")]
        [StringLength(200, ErrorMessage = "A proposal needs a title (at most 200 characters) and a description.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "A proposal needs a title (at most 200 characters) and a description.")]
        [StringLength(20_000, ErrorMessage = "A proposal needs a title (at most 200 characters) and a description.")]
        public string? Description { get; set; }

        [StringLength(200, ErrorMessage = "A proposal needs a title (at most 200 characters) and a description.")]
        public string? Location { get; set; }

        public string? Category { get; set; }

        /// <summary>Asked by a budget (its use case refuses a missing one), not by the process's own proposals.</summary>
        [RegularExpression(@"^\s*[0-9]{1,13}([.,][0-9]{1,2})?\s*$", ErrorMessage = "Enter an estimated cost from 0 up to the whole budget.")]
        public string? EstimatedCost { get; set; }

        public ProposalDraft Draft() => new(Title ?? "", Description ?? "", Location ?? "", Category ?? "", ParseCost(EstimatedCost) ?? -1, Platform.Localization.Cultures.Current);

        public (string Kind, int Id)? Place() => Parse(Destination);
    }

    public async Task<IActionResult> OnGetAsync(int id, int statementId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, statementId, cancellationToken);
        if (Became is null)
        {
            Input.Title = Statement.Text.Length > 200 ? Statement.Text[..200] : Statement.Text;
            Input.Description = t["From the conversation “{0}”: a statement that took part in the opinion map.", View.Conversation.Question] + "\n\n> " + Statement.Text;
            Input.Destination = Destinations.FirstOrDefault(d => d.Accepting) is { } first ? $"{first.Kind}:{first.Id}" : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int statementId, [FromServices] MakeProposal.Handler make, CancellationToken cancellationToken)
    {
        await LoadAsync(id, statementId, cancellationToken);
        var place = Input.Place();
        if (Input.Destination is not null && place is null)
        {
            ModelState.AddModelError("Input.Destination", t["Choose where the proposal goes: a budget of this process that collects proposals, or the process's own proposals."]);
        }
        if (!ModelState.IsValid && Became is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var (kind, destination) = place ?? ("", 0);
        var outcome = await changes.RunAsync(make, new MakeProposal.Command(id, statementId, kind, destination, Input.Draft()), cancellationToken);
        return this.Done(outcome.Made
            ? t["The statement became the proposal “{0}”.", outcome.Title]
            : t["This statement became the proposal “{0}” already; nothing changed.", outcome.Title], outcome.Link);
    }

    private async Task LoadAsync(int id, int statementId, CancellationToken cancellationToken)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.MakeProposal, cancellationToken);
        Statement = RefusedException.IfMissing(await db.Set<ConversationStatement>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == statementId && s.ConversationId == id, cancellationToken));
        Became = (await links.OfConversationAsync(id, cancellationToken)).GetValueOrDefault(statementId);
        var all = new List<ProposalDestination>();
        foreach (var target in targets)
        {
            all.AddRange(await target.ListAsync(View.Process.Id, User, cancellationToken));
        }
        Destinations = all;
    }

    public static (string Kind, int Id)? Parse(string? destination) =>
        destination?.Split(':') is [var kind, var number] && int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (kind, id) : null;

    public static decimal? ParseCost(string? text) =>
        text is not null && decimal.TryParse(text.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var cost)
            ? cost : null;
}
