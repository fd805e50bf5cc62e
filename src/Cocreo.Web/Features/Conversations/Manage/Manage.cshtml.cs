using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The team runs a conversation: its question and settings, seed statements, pinning, closing and reopening, and
/// accepting or rejecting statements (through the shared moderation, so the decisions are in the public moderation
/// log and the process's queue).
/// </summary>
public sealed class ManageModel(ConversationAccessReader conversations, CocreoDbContext db, ChangeRunner changes, StatementProposalLinks proposals, IStringLocalizer<ConversationText> t) : PageModel
{
    [BindProperty]
    public ConversationForm Input { get; set; } = new();

    public ConversationView View { get; private set; } = null!;
    public Conversation Conversation => View.Conversation;
    public List<ConversationStatement> Statements { get; private set; } = [];
    public Dictionary<int, int> VotesPerStatement { get; private set; } = [];
    public bool CanModerate { get; private set; }

    /// <summary>Whether the reader may make accepted statements into proposals (the team, while the process is open).</summary>
    public bool MayPropose { get; private set; }

    /// <summary>Statement id to the proposal it became.</summary>
    public IReadOnlyDictionary<int, ProposalMade> Proposals { get; private set; } = new Dictionary<int, ProposalMade>();

    /// <summary>A seed statement as typed, kept when it is refused.</summary>
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ChangeConversation.Handler change, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var questions = ModelState.IsValid ? Input.ParseQuestions(ModelState, t) : null;
        if (!ModelState.IsValid || questions is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(change, new ChangeConversation.Command(id, Input.ToSettings(), questions), cancellationToken);
        return this.Done(t["Your changes were saved and logged."], $"/conversations/{id}/manage");
    }

    public async Task<IActionResult> OnPostSeedAsync(int id, string? text, [FromServices] AddSeedStatement.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        ModelState.Clear();
        Text = text;
        await changes.RunAsync(add, new AddSeedStatement.Command(id, text ?? ""), cancellationToken);
        return this.Done(t["The statement was added."], $"/conversations/{id}/manage#statements");
    }

    public async Task<IActionResult> OnPostPinAsync(int id, int statementId, bool pinned, [FromServices] PinStatement.Handler pin, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        await changes.RunAsync(pin, new PinStatement.Command(id, statementId, pinned), cancellationToken);
        return this.Done(pinned ? t["The statement is pinned: everyone sees it first."] : t["The statement is no longer pinned."], $"/conversations/{id}/manage#statements");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, bool close, [FromServices] CloseConversation.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        var outcome = await changes.RunAsync(handler, new CloseConversation.Command(id, close), cancellationToken);
        return this.Done(!outcome.Changed ? t["Nothing changed."] : close ? t["The conversation is closed. The map stays."] : t["The conversation is open again."], $"/conversations/{id}/manage");
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, int statementId, string? reason, [FromServices] HideContent.Handler hide, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        ModelState.Clear();
        var statement = Statements.FirstOrDefault(s => s.Id == statementId) ?? throw new RefusedException(Refusal.NotFound);
        await changes.RunAsync(hide, new HideContent.Command(View.Process.Id, ConversationStatements.Kind, statement.Id, reason ?? ""), cancellationToken);
        return this.Done(t["The statement was rejected; the reason is public."], $"/conversations/{id}/manage#statements");
    }

    /// <summary>
    /// Merges a duplicate into another statement: the duplicate is rejected (through the shared moderation) with the
    /// public reason naming the statement it repeats. Its votes stay on it and are not moved: a participant may have
    /// voted differently on each, and moving would count someone twice or overwrite a choice.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int statementId, int intoId, [FromServices] HideContent.Handler hide, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        ModelState.Clear();
        var statement = Statements.FirstOrDefault(s => s.Id == statementId) ?? throw new RefusedException(Refusal.NotFound);
        var into = Statements.FirstOrDefault(s => s.Id == intoId && s.Id != statementId && s.IsVotable)
            ?? throw new RefusedException(new ConversationRuleException("MergeTarget").ToRefusal());
        await changes.RunAsync(hide, new HideContent.Command(View.Process.Id, ConversationStatements.Kind, statement.Id, t["Merged into the statement “{0}”.", into.Text]), cancellationToken);
        return this.Done(t["The duplicate was merged: it is rejected with a reason that names the statement it repeats."], $"/conversations/{id}/manage#statements");
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int statementId, [FromServices] KeepContent.Handler keep, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input.From(Conversation, Questions);
        var statement = Statements.FirstOrDefault(s => s.Id == statementId) ?? throw new RefusedException(Refusal.NotFound);
        var hasCase = await db.Set<ModerationCase>().AnyAsync(c => c.Kind == ConversationStatements.Kind && c.ItemId == statement.Id, cancellationToken);
        if (hasCase)
        {
            await changes.RunAsync(keep, new KeepContent.Command(View.Process.Id, ConversationStatements.Kind, statement.Id), cancellationToken);
        }
        return this.Done(t["The statement is open for voting."], $"/conversations/{id}/manage#statements");
    }

    /// <summary>The demographic questions, for the settings form (shown again whatever handler answers, so saving the form keeps them).</summary>
    public List<ConversationQuestion> Questions { get; private set; } = [];

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.View, cancellationToken);
        var edit = View.Decide(ConversationAction.Edit);
        var moderate = View.Decide(ConversationAction.Moderate);
        if (!edit.IsAllowed && !moderate.IsAllowed)
        {
            RefusedException.Unless(moderate, View.Access.IsAuthenticated);
        }
        CanModerate = moderate.IsAllowed;
        MayPropose = View.Can(ConversationAction.MakeProposal);
        Proposals = await proposals.OfConversationAsync(id, cancellationToken);
        Questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        Statements = await db.Set<ConversationStatement>().AsNoTracking().Where(s => s.ConversationId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        VotesPerStatement = await db.Set<ConversationVote>().Where(v => v.ConversationId == id).GroupBy(v => v.StatementId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
