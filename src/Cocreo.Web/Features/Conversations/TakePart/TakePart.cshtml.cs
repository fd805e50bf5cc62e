using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// Taking part, phone first: one statement at a time with Agree / Disagree / Pass (a plain form; with JavaScript the
/// next statement is swapped in without a reload), chosen by the engine's routing, and a form to add a statement
/// where participants may. A link conversation needs no account: the browser keeps a participant key in a cookie.
/// </summary>
public sealed class TakePartModel(ConversationAccessReader conversations, StatementRouting routing, ChangeRunner changes, Platform.Markdown.MarkdownRenderer markdown,
    Moderation.ModerationDirectory moderation, Data.CocreoDbContext db, IStringLocalizer<ConversationText> t, IStringLocalizer<Processes.ProcessText> processText, IStringLocalizer<Moderation.ModerationText> moderationText) : PageModel
{
    public ConversationView View { get; private set; } = null!;
    public Conversation Conversation => View.Conversation;

    /// <summary>The question, context and questions about the participant in the reader's language where translated.</summary>
    public ConversationWords Words { get; private set; } = null!;

    public ConversationStatement? Next { get; private set; }
    public int Voted { get; private set; }
    public int Open { get; private set; }

    /// <summary>Why the person cannot take part now, or null when they can.</summary>
    public string? CannotTakePart { get; private set; }

    public bool NeedsSignIn { get; private set; }

    public Platform.Markdown.MarkdownRenderer Markdown => markdown;

    /// <summary>Whether the reader may report the statement shown (signed in, not its author, not reported by them yet).</summary>
    public bool CanReport { get; private set; }

    /// <summary>Whether the reader reported the statement shown already.</summary>
    public bool Reported { get; private set; }

    /// <summary>After this many votes (or when nothing is left to vote on) a participant is asked the questions about themselves, once.</summary>
    public const int AskAfterVotes = 3;

    /// <summary>The conversation's demographic questions, in order.</summary>
    public List<ConversationQuestion> Questions { get; private set; } = [];

    /// <summary>The participant's answers so far (question id → option, null for "prefer not to say").</summary>
    public Dictionary<int, int?> Answers { get; private set; } = [];

    /// <summary>Whether the page shows the questions about the participant instead of the next statement.</summary>
    public bool AskQuestions { get; private set; }

    /// <summary>The statement being written, kept when it is refused.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <param name="questions">Show the questions about the participant again, to change the answers.</param>
    public async Task<IActionResult> OnGetAsync(int id, bool questions, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, questions);
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, int statementId, ConversationChoice choice, bool important, [FromServices] CastVote.Handler cast, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        await cast.CastAsync(new CastVote.Command(id, KeyForChange(), statementId, choice, important), User, cancellationToken);
        return Redirect($"/conversations/{id}#statement");
    }

    /// <summary>Answers the questions about the participant (each may be "prefer not to say"), or skips them all.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, List<int?>? answers, bool skip, [FromServices] AnswerQuestions.Handler answer, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, ask: true);
        ModelState.Remove(nameof(Text));
        await changes.RunAsync(answer, new AnswerQuestions.Command(id, KeyForChange(), skip ? [] : (IReadOnlyList<int?>?)answers ?? []), cancellationToken);
        return this.Done(skip ? t["You skipped the questions about yourself. Thank you for taking part."] : t["Thank you: your answers help show who took part."], $"/conversations/{id}#statement");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, [FromServices] AddStatement.Handler add, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var outcome = await changes.RunAsync(add, new AddStatement.Command(id, KeyForChange(), Text ?? ""), cancellationToken);
        return this.Done(outcome.Held
            ? t["Thank you. Your statement waits for a moderator; others vote on it once it is accepted."]
            : t["Thank you. Your statement was added: others vote on it now."], $"/conversations/{id}");
    }

    /// <summary>Reports a statement to the moderators (the shared moderation: counted once per person, hidden after the process's threshold).</summary>
    public async Task<IActionResult> OnPostReportAsync(int id, int statementId, Moderation.ReportReason? reportReason, string? reportDetails, Guid reportSubmissionId,
        [FromServices] Moderation.ReportContent.Handler report, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        ModelState.Remove(nameof(Text));
        if (!await conversations.HasStatementAsync(id, statementId, cancellationToken))
        {
            return NotFound();
        }
        if (!Moderation.ReportForm.Check(Moderation.ReportForm.Field("statementId", statementId), reportReason, reportDetails, ModelState, moderationText))
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await changes.RunAsync(report, new Moderation.ReportContent.Command(ConversationStatements.Kind, statementId, reportReason!.Value, reportDetails, reportSubmissionId), cancellationToken);
        return this.Done(outcome.Counted ? moderationText["Thank you: the moderators will look at it."] : moderationText["You reported it already; the moderators will look at it."],
            $"/conversations/{id}#statement");
    }

    /// <summary>The browser's participant key, made only when the person may take part (signed-in people take part with their account; their key, if any, is read so what they did by link becomes theirs).</summary>
    private string? KeyForChange() =>
        User.Identity?.IsAuthenticated == true ? ParticipantKeys.Read(HttpContext)
        : View.Can(ConversationAction.TakePart) ? ParticipantKeys.Ensure(HttpContext)
        : ParticipantKeys.Read(HttpContext);

    private async Task LoadAsync(int id, CancellationToken cancellationToken, bool ask = false)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.View, cancellationToken);
        var decision = View.Decide(ConversationAction.TakePart);
        if (!decision.IsAllowed)
        {
            var reason = decision.Reason ?? "";
            CannotTakePart = t[reason].ResourceNotFound ? processText[reason] : t[reason];
            NeedsSignIn = !View.Access.IsAuthenticated && decision.Kind == DecisionKind.NotYours;
        }
        var participant = await conversations.ParticipantIdAsync(id, User, ParticipantKeys.Read(HttpContext), cancellationToken);
        Next = await routing.NextAsync(id, participant, cancellationToken);
        (Voted, Open) = await routing.ProgressAsync(id, participant, cancellationToken);
        Questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        Words = await conversations.WordsAsync(Conversation, Platform.Localization.Cultures.Current, cancellationToken);
        if (Questions.Count > 0 && CannotTakePart is null)
        {
            Answers = participant is { } p
                ? await db.Set<ConversationAnswer>().AsNoTracking().Where(a => a.ParticipantId == p).ToDictionaryAsync(a => a.QuestionId, a => a.Option, cancellationToken)
                : [];
            // Asked once, after the first votes (or when nothing is left to vote on), until answered or skipped; again when asked for.
            AskQuestions = ask || (participant is not null && Answers.Count == 0 && (Voted >= AskAfterVotes || Next is null));
        }
        if (Next is not null && View.Access.IsAuthenticated)
        {
            Reported = (await moderation.ReportedByAsync(ConversationStatements.Kind, [Next.Id], View.Access.UserId, cancellationToken)).Contains(Next.Id);
            CanReport = !Reported && (participant is null || Next.AuthorParticipantId != participant);
        }
    }
}
