using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// /api/v1/debates/{kind}/{id}: the same use cases as the pages. Reading a page of a debate; posting a comment or a
/// reply (once per submission id), editing or deleting one's own, voting. Writes need the sign-in cookie and the
/// X-CSRF-TOKEN header.
/// </summary>
public static class DebateApi
{
    public static RouteGroupBuilder MapDebateApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/debates/{kind}/{id:int}").WithTags("Debate");
        api.MapGet("", Get).WithName("GetDebate")
            .WithSummary("A page of a debate: top-level comments in the chosen sort (oldest, best, discussed, bridging), each with its first replies (the whole thread with expand); `next` is the cursor of the following page.");
        api.MapPost("/comments", Post).WithName("PostComment")
            .WithSummary("Posts a comment, or a reply with parentId, for / against / neutral; once per submissionId. 201 with its id (held: it waits for a moderator).").DisableAntiforgery();
        api.MapPut("/comments/{commentId:int}", Put).WithName("EditComment")
            .WithSummary("Its author changes a comment's text (and alignment).").DisableAntiforgery();
        api.MapDelete("/comments/{commentId:int}", Delete).WithName("DeleteComment")
            .WithSummary("Its author deletes a comment; its place says so.").DisableAntiforgery();
        api.MapPost("/comments/{commentId:int}/vote", Vote).WithName("VoteOnComment")
            .WithSummary("Votes a comment up (1) or down (-1), or takes the vote back (0); one vote per person, changeable.").DisableAntiforgery();
        api.MapGet("/synthesis", GetSynthesis).WithName("GetDebateSynthesis")
            .WithSummary("The synthesis of a debate by the process's team: summary and arguments for and against, each with the comments it cites; 404 before one is written.");
        api.MapPut("/synthesis", PutSynthesis).WithName("WriteDebateSynthesis")
            .WithSummary("The process's team writes the synthesis (it replaces the previous one). `version` is the version read (0 for the first): 422 when someone changed it since.").DisableAntiforgery();
        return api;
    }

    private static async Task<IResult> GetSynthesis(string kind, int id, HttpContext http, DebateTargetDirectory targets, SynthesisReader reader, CancellationToken cancellationToken)
    {
        var subject = await targets.ReadAsync(kind, id, http.User, cancellationToken);
        if (await reader.ReadAsync(subject.Kind, subject.Id, cancellationToken) is not { } shown)
        {
            return TypedResults.NotFound();
        }
        var s = shown.Synthesis;
        return TypedResults.Ok(new SynthesisDocument(kind, id, s.Summary, s.Version, s.WrittenAt,
            s.Arguments.OrderBy(a => a.Position).Select(a => new ArgumentDocument(a.Side, a.Text, a.CommentIds)).ToList()));
    }

    private static async Task<IResult> PutSynthesis(string kind, int id, SynthesisRequest request, HttpContext http, ChangeRunner changes, WriteSynthesis.Handler write, IAntiforgery antiforgery, IStringLocalizer<DebateText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        IReadOnlyList<ArgumentDraft> arguments;
        try
        {
            arguments = (request.Arguments ?? []).Select((a, i) => SynthesisInput.Argument(i + 1, a.Side, a.Text, a.Comments)).ToList();
        }
        catch (RuleException rule)
        {
            throw new RefusedException(rule.ToRefusal());
        }
        var outcome = await changes.RunAsync(write, new WriteSynthesis.Command(kind, id, request.Summary ?? "", arguments, request.Version ?? 0), cancellationToken);
        return TypedResults.Ok(new WrittenDocument(outcome.Version, outcome.Changed));
    }

    private static async Task<Ok<DebateDocument>> Get(string kind, int id, DebateSort? sort, string? after, int? expand, HttpContext http, DebateTargetDirectory targets, DebateThreads threads, CancellationToken cancellationToken)
    {
        var subject = await targets.ReadAsync(kind, id, http.User, cancellationToken);
        var page = await threads.ReadAsync(subject, sort ?? DebateSort.Oldest, after, expand, cancellationToken);
        return TypedResults.Ok(new DebateDocument(kind, id, subject.Title, page.Sort, page.BridgingFellBack, page.Total, page.TopLevel, subject.Comment.IsAllowed,
            page.Roots.Select(r => Document(r.Item) with { MoreReplies = r.MoreReplies }).ToList(), page.Next));
    }

    private static CommentDocument Document(ThreadItem item)
    {
        var c = item.Comment;
        var shown = item.Status.IsShown || item.Status.IsPending;
        return new CommentDocument(c.Id, c.ParentId, c.Depth, c.IsDeleted || !shown ? null : c.AuthorLeft ? "" : c.AuthorName, c.IsDeleted || !shown ? null : c.Body,
            c.Alignment, c.PostedAt, c.EditedAt, c.IsDeleted, item.Status.State.ToString(), item.Status.IsShown ? null : item.Status.HiddenReason,
            c.Up, c.Down, item.MyVote, item.Replies.Select(Document).ToList());
    }

    private static async Task<IResult> Post(string kind, int id, CommentRequest request, HttpContext http, ChangeRunner changes, PostComment.Handler post, IAntiforgery antiforgery, IStringLocalizer<DebateText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(post, new PostComment.Command(kind, id, request.ParentId, request.Body ?? "", request.Alignment ?? Alignment.Neutral, request.SubmissionId ?? Guid.Empty), cancellationToken);
        return TypedResults.Created($"/api/v1/debates/{kind}/{id}", new PostedDocument(outcome.CommentId, outcome.Held));
    }

    private static async Task<IResult> Put(string kind, int id, int commentId, CommentRequest request, HttpContext http, ChangeRunner changes, EditComment.Handler edit, IAntiforgery antiforgery, IStringLocalizer<DebateText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(edit, new EditComment.Command(commentId, request.Body ?? "", request.Alignment, new DebateRef(kind, id)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Delete(string kind, int id, int commentId, HttpContext http, ChangeRunner changes, DeleteComment.Handler delete, IAntiforgery antiforgery, IStringLocalizer<DebateText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(delete, new DeleteComment.Command(commentId, new DebateRef(kind, id)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Vote(string kind, int id, int commentId, VoteRequest request, HttpContext http, ChangeRunner changes, VoteOnComment.Handler vote, IAntiforgery antiforgery, IStringLocalizer<DebateText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(vote, new VoteOnComment.Command(commentId, request.Value, new DebateRef(kind, id)), cancellationToken);
        return TypedResults.Ok(new VotedDocument(outcome.Up, outcome.Down, outcome.Mine));
    }

    private static async Task<IResult?> RefuseWithoutTokenAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<DebateText> t) =>
        await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
}

public sealed record CommentRequest(string? Body, Alignment? Alignment, int? ParentId, Guid? SubmissionId);

public sealed record VoteRequest(int Value);

public sealed record SynthesisRequest(string? Summary, int? Version, IReadOnlyList<ArgumentRequest>? Arguments);

public sealed record ArgumentRequest(Alignment? Side, string? Text, IReadOnlyList<int>? Comments);

public sealed record SynthesisDocument(string Kind, int Id, string Summary, int Version, DateTime WrittenAt, IReadOnlyList<ArgumentDocument> Arguments);

public sealed record ArgumentDocument(Alignment Side, string Text, IReadOnlyList<int> Comments);

public sealed record WrittenDocument(int Version, bool Changed);

public sealed record PostedDocument(int Id, bool Held);

public sealed record VotedDocument(int Up, int Down, int Mine);

/// <summary>A comment: author and text are null when it is deleted or hidden (<c>moderation</c> and <c>hiddenReason</c> say why).</summary>
public sealed record CommentDocument(int Id, int? ParentId, int Depth, string? Author, string? Body, Alignment Alignment, DateTime PostedAt, DateTime? EditedAt, bool Deleted,
    string Moderation, string? HiddenReason, int Up, int Down, int YourVote, IReadOnlyList<CommentDocument> Replies)
{
    public int MoreReplies { get; init; }
}

public sealed record DebateDocument(string Kind, int Id, string Title, DebateSort Sort, bool BridgingFellBack, int Total, int TopLevel, bool YouMayComment,
    IReadOnlyList<CommentDocument> Comments, string? Next);
