using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// Conversations as data under <c>/api/v1/conversations/{id}</c>: the same use cases as the pages. A participant is
/// their account (sign-in cookie) or, in a link conversation, the participant-key cookie the API sets on the first
/// vote; a change needs the <c>X-CSRF-TOKEN</c> header with the cookies, as every cookie-authenticated change does.
/// </summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/conversations").WithTags("Conversations");
        api.MapGet("/{id:int}", Get).WithName("GetConversation").WithSummary("A conversation: its question, context, settings and the statements open for voting.");
        api.MapGet("/{id:int}/next", Next).WithName("GetNextStatement").WithSummary("The statement the caller should vote on next (204 when none is left).");
        api.MapPost("/{id:int}/votes", Vote).WithName("CastConversationVote")
            .WithSummary("Votes agree, disagree or pass on a statement; voting again replaces the choice.").DisableAntiforgery();
        api.MapPost("/{id:int}/statements", AddStatement).WithName("AddConversationStatement")
            .WithSummary("Adds a statement (where participants may); it may wait for moderation.").DisableAntiforgery();
        api.MapPost("/{id:int}/answers", Answer).WithName("AnswerConversationQuestions")
            .WithSummary("Answers the conversation's questions about the participant (each an option's number, or null for prefer not to say; an empty list skips them); answering again replaces the answers.").DisableAntiforgery();
        api.MapPost("/{id:int}/statements/{statementId:int}/proposal", MakeProposal).WithName("MakeStatementProposal")
            .WithSummary("The team makes an accepted statement into a proposal of a budget of the process that collects proposals; done once (a repeat answers the first proposal).").DisableAntiforgery();
        api.MapPut("/{id:int}/translations/{language}", TranslateAsync).WithName("TranslateConversation")
            .WithSummary("Adds or replaces the conversation's translation into a language (question, context, the questions about the participants and their answers), as its translations page does. The team only; with the sign-in cookie and the X-CSRF-TOKEN header. 422 with each field's problem.")
            .ProducesValidationProblem();
        api.MapGet("/{id:int}/map", Map).WithName("GetConversationMap").WithSummary("The opinion map: groups with their representative statements, consensus, group-aware consensus, and when it was computed.");
        return api;
    }

    private static async Task<Ok<ConversationDocument>> Get(int id, HttpContext http, ConversationAccessReader conversations, CocreoDbContext db, CancellationToken cancellationToken)
    {
        var view = await conversations.ReadAsync(id, http.User, ConversationAction.View, cancellationToken);
        var c = view.Conversation;
        var statements = await db.Set<ConversationStatement>().AsNoTracking()
            .Where(s => s.ConversationId == id && s.Status == StatementStatus.Accepted)
            .OrderBy(s => s.Id)
            .Select(s => new StatementDocument(s.Id, s.Text, s.IsSeed, s.IsPinned))
            .ToListAsync(cancellationToken);
        var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var words = await conversations.WordsAsync(c, Platform.Localization.Cultures.Current, cancellationToken);
        var participant = await conversations.ParticipantIdAsync(id, http.User, ParticipantKeys.Read(http), cancellationToken);
        var answers = participant is { } p
            ? await db.Set<ConversationAnswer>().AsNoTracking().Where(a => a.ParticipantId == p).ToDictionaryAsync(a => a.QuestionId, a => a.Option, cancellationToken)
            : [];
        return TypedResults.Ok(new ConversationDocument(c.Id, c.ProcessId, words.Question.Text, words.Context.Text, c.Access, c.ParticipantsMayAdd, c.Moderation, c.StatementLimit, c.State,
            view.Can(ConversationAction.TakePart), statements, c.AskImportance,
            questions.Select((q, i) => new QuestionDocument(q.Id, words.Questions[i].Text.Text, words.Questions[i].Options.Select(o => o.Text).ToList(), q.PopulationShares, words.Questions[i].Text.Language)).ToList(),
            answers.Count == 0 ? null : questions.Select(q => answers.GetValueOrDefault(q.Id)).ToList(),
            words.Question.Language, c.Language));
    }

    private static async Task<IResult> Next(int id, HttpContext http, ConversationAccessReader conversations, StatementRouting routing, CancellationToken cancellationToken)
    {
        await conversations.ReadAsync(id, http.User, ConversationAction.View, cancellationToken);
        var participant = await conversations.ParticipantIdAsync(id, http.User, ParticipantKeys.Read(http), cancellationToken);
        var next = await routing.NextAsync(id, participant, cancellationToken);
        var (voted, open) = await routing.ProgressAsync(id, participant, cancellationToken);
        return next is null
            ? TypedResults.NoContent()
            : TypedResults.Ok(new NextDocument(new StatementDocument(next.Id, next.Text, next.IsSeed, next.IsPinned), voted, open));
    }

    private static async Task<IResult> Vote(int id, VoteRequest request, HttpContext http, CastVote.Handler cast, IAntiforgery antiforgery, IStringLocalizer<ConversationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var key = http.User.Identity?.IsAuthenticated == true ? ParticipantKeys.Read(http) : ParticipantKeys.Ensure(http);
        var outcome = await cast.CastAsync(new CastVote.Command(id, key, request.StatementId, request.Choice, request.Important ?? false), http.User, cancellationToken);
        return TypedResults.Ok(new VoteDocument(request.StatementId, request.Choice, outcome.Changed));
    }

    private static async Task<IResult> Answer(int id, AnswersRequest request, HttpContext http, ChangeRunner changes, AnswerQuestions.Handler answer, IAntiforgery antiforgery, IStringLocalizer<ConversationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var key = http.User.Identity?.IsAuthenticated == true ? null : ParticipantKeys.Ensure(http);
        var outcome = await changes.RunAsync(answer, new AnswerQuestions.Command(id, key, request.Answers ?? []), cancellationToken);
        return TypedResults.Ok(new AnswersDocument(request.Answers ?? [], outcome.Changed));
    }

    private static async Task<IResult> AddStatement(int id, StatementRequest request, HttpContext http, ChangeRunner changes, AddStatement.Handler add, IAntiforgery antiforgery, IStringLocalizer<ConversationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var key = http.User.Identity?.IsAuthenticated == true ? ParticipantKeys.Read(http) : ParticipantKeys.Ensure(http);
        var outcome = await changes.RunAsync(add, new AddStatement.Command(id, key, request.Text ?? ""), cancellationToken);
        return TypedResults.Created($"/api/v1/conversations/{id}", new AddedDocument(outcome.StatementId, outcome.Held ? StatementStatus.Pending : StatementStatus.Accepted));
    }

    private static async Task<IResult> MakeProposal(int id, int statementId, ProposalRequest request, HttpContext http, ChangeRunner changes, MakeProposal.Handler make, IAntiforgery antiforgery,
        IStringLocalizer<ConversationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var draft = new ProposalDraft(request.Title ?? "", request.Description ?? "", request.Location ?? "", request.Category ?? "", request.EstimatedCost ?? -1, request.Language);
        var outcome = await changes.RunAsync(make, new MakeProposal.Command(id, statementId, request.Kind ?? "budget", request.DestinationId, draft), cancellationToken);
        var document = new ProposalMadeDocument(statementId, outcome.ProposalId, outcome.Title, outcome.Link, outcome.Made);
        return outcome.Made ? TypedResults.Created(outcome.Link, document) : TypedResults.Ok(document);
    }

    private static async Task<Ok<MapDocument>> Map(int id, HttpContext http, ConversationAccessReader conversations, ConversationMaps maps, Representativeness representativeness, CancellationToken cancellationToken)
    {
        var view = await conversations.ReadAsync(id, http.User, ConversationAction.View, cancellationToken);
        var map = await maps.CurrentAsync(id, cancellationToken);
        var participant = await conversations.ParticipantIdAsync(id, http.User, ParticipantKeys.Read(http), cancellationToken);
        var important = view.Conversation.AskImportance ? await representativeness.ImportantAsync(id, cancellationToken) : null;
        return TypedResults.Ok(new MapDocument(map.ComputedAt, map.ParticipantCount, map.InConversationCount, map.VoteCount, map.Groups, map.ConsensusAgree, map.ConsensusDisagree,
            map.Statements.Select(s => new StatementFigures(s.StatementId, s.Agree, s.Disagree, s.Seen, s.GroupAwareConsensus, s.IsModeratedOut, important?.GetValueOrDefault(s.StatementId))).ToList(),
            participant is { } p && map.Participants.TryGetValue(p, out var you) ? you.GroupId : null, map.Bridging,
            await representativeness.ForAsync(id, map, cancellationToken, await conversations.WordsAsync(view.Conversation, Platform.Localization.Cultures.Current, cancellationToken))));
    }

    /// <summary>The conversation's translations page's use case, with the page's input and its checks.</summary>
    private static async Task<IResult> TranslateAsync(int id, string language, TranslationsModel.ConversationTranslationInput? input, HttpContext http, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, ChangeRunner changes, TranslateConversation.Handler translate, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? ApiInput.Problems(input, typeof(ConversationText), localizers)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(translate, new TranslateConversation.Command(id, language, input!.Content()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> RefuseWithoutTokenAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<ConversationText> t) =>
        await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
}

public sealed record StatementDocument(int Id, string Text, bool IsSeed, bool IsPinned);

public sealed record ConversationDocument(int Id, int ProcessId, string Question, string Context, ConversationAccess Access, bool ParticipantsMayAdd,
    StatementModeration Moderation, int StatementLimit, ConversationState State, bool YouMayTakePart, IReadOnlyList<StatementDocument> Statements,
    bool AskImportance = false, IReadOnlyList<QuestionDocument>? Questions = null, IReadOnlyList<int?>? YourAnswers = null, string? Language = null, string? OriginalLanguage = null);

/// <summary>A question about the participants: its answers (an answer is sent as its number) and their population shares in per cent (null where not known).</summary>
/// <param name="Language">The language the text and answers are in (the reader's where translated).</param>
public sealed record QuestionDocument(int Id, string Text, IReadOnlyList<string> Options, IReadOnlyList<decimal?> PopulationShares, string? Language = null);

public sealed record AnswersRequest(IReadOnlyList<int?>? Answers);

public sealed record AnswersDocument(IReadOnlyList<int?> Answers, bool Changed);

public sealed record NextDocument(StatementDocument Statement, int Voted, int Open);

public sealed record VoteRequest(int StatementId, ConversationChoice Choice, bool? Important = null);

public sealed record VoteDocument(int StatementId, ConversationChoice Choice, bool Changed);

public sealed record StatementRequest(string? Text);

/// <param name="Kind">Where the proposal goes: "budget" (the default).</param>
/// <param name="DestinationId">The budget's id (of the conversation's process, collecting proposals).</param>
public sealed record ProposalRequest(string? Kind, int DestinationId, string? Title, string? Description, string? Location, string? Category, decimal? EstimatedCost, string? Language);

/// <param name="Made">False when the statement had become this proposal before (nothing changed).</param>
public sealed record ProposalMadeDocument(int StatementId, int ProposalId, string Title, string Link, bool Made);

public sealed record AddedDocument(int StatementId, StatementStatus Status);

/// <param name="Important">How many participants marked it important; null where the conversation does not ask.</param>
public sealed record StatementFigures(int StatementId, int Agree, int Disagree, int Seen, double GroupAwareConsensus, bool IsModeratedOut, int? Important = null);

/// <param name="YourGroup">The caller's opinion group, when they voted enough to be placed in one.</param>
/// <param name="Bridging">The bridging ranking (Community Notes' model): statements supported across the divide, highest intercept first; null until the map is next computed.</param>
public sealed record MapDocument(DateTime ComputedAt, int Participants, int InConversation, int Votes, IReadOnlyList<GroupSummary> Groups,
    IReadOnlyList<ConsensusSummary> ConsensusAgree, IReadOnlyList<ConsensusSummary> ConsensusDisagree, IReadOnlyList<StatementFigures> Statements, int? YourGroup,
    BridgingSummary? Bridging, IReadOnlyList<QuestionRepresentation>? Representativeness = null);
