using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// The JSON API of amendments and versions under <c>/api/v1</c>: the same use cases and reads as the pages. A thing is
/// named by its kind and id (<c>process-proposal/12</c>). Changes need the sign-in cookie and the X-CSRF-TOKEN header;
/// a broken rule answers 422 with the reason.
/// </summary>
public static class AmendmentsApi
{
    public static IEndpointRouteBuilder MapAmendmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Amendments");
        api.MapGet("/amendable/{kind}/{id:int}/amendments", ListAsync).WithName("ListAmendments")
            .WithSummary("The amendments of an amendable thing (kind process-proposal: a proposal of a process; text-section), newest first, 20 a page, with the current version; "
                + "next is the link to the following page (?after=cursor; null on the last), an unreadable cursor answers 422.");
        api.MapPost("/amendable/{kind}/{id:int}/amendments", ProposeAsync).WithName("ProposeAmendment")
            .WithSummary("Proposes an amendment: the whole changed title and body, an explanation, and baseVersion (the version it was written on). Once per submissionId. "
                + "Written on an older version it is kept and answered 409 with needsRebase: its author rebases it.");
        api.MapGet("/amendments/{id:int}", GetAsync).WithName("GetAmendment").WithSummary("One amendment with its word-level diff (runs Same/Added/Removed) and supports.");
        api.MapPost("/amendments/{id:int}/supports", SupportAsync).WithName("SupportAmendment").WithSummary("Supports an open amendment (once; not one's own).");
        api.MapPost("/amendments/{id:int}/accept", AcceptAsync).WithName("AcceptAmendment")
            .WithSummary("Accepts an amendment written on the current version: its text becomes the next version. The proposal's author and co-authors.");
        api.MapPost("/amendments/{id:int}/reject", RejectAsync).WithName("RejectAmendment").WithSummary("Rejects an amendment with a public reason. The proposal's author and co-authors.");
        api.MapPost("/amendments/{id:int}/withdraw", WithdrawAsync).WithName("WithdrawAmendment").WithSummary("Its author withdraws an open amendment.");
        api.MapPost("/amendments/{id:int}/rebase", RebaseAsync).WithName("RebaseAmendment")
            .WithSummary("Its author moves the amendment onto the current version: its change re-applied (no body), or the title and body given.");
        api.MapPost("/amendments/{id:int}/promote", PromoteAsync).WithName("PromoteAmendment").WithSummary("Its author turns a rejected amendment into a proposal of the process.");
        api.MapGet("/versions/{kind}/{id:int}", VersionsAsync).WithName("ListVersions").WithSummary("Every version of an amendable thing, oldest first.");
        api.MapGet("/versions/{kind}/{id:int}/compare", CompareAsync).WithName("CompareVersions").WithSummary("The word-level diff of two versions (?from=&to=).");
        return endpoints;
    }

    public sealed record ProposeRequest(int BaseVersion, string? Title, string? Body, string? Explanation, Guid? SubmissionId);

    public sealed record RejectRequest(string? Reason);

    public sealed record RebaseRequest(string? Title, string? Body);

    public sealed record AmendmentDocument(int Id, string Kind, int TargetId, int BaseVersion, bool NeedsRebase, string Title, string Body, string Explanation, string Status,
        string? Reason, int? ResultVersion, int? PromotedProposalId, int Supports, DateTime ProposedAt, IReadOnlyList<DiffRun> TitleDiff, IReadOnlyList<DiffRun> BodyDiff, string Link);

    public sealed record VersionDocument(int Number, string Title, string Body, DateTime At, int? AmendmentId);

    private static AmendmentDocument Document(AmendmentView view, AmendableSubject subject)
    {
        var a = view.Amendment;
        var shown = view.TextShownTo(subject);
        return new(a.Id, a.TargetKind, a.TargetId, a.BaseVersion, a.NeedsRebase(subject.Version), shown ? a.Title : "", shown ? a.Body : "", shown ? a.Explanation : "",
            a.Status.ToString(), a.Reason.Length == 0 ? null : a.Reason, a.ResultVersion, a.PromotedProposalId, view.Supports, a.ProposedAt,
            shown ? a.TitleDiff() : [], shown ? a.BodyDiff() : [], AmendmentLinks.Of(a.Id));
    }

    private static async Task<IResult> ListAsync(string kind, int id, string? after, HttpContext http, AmendmentTargetDirectory targets, AmendmentList list, CancellationToken cancellationToken)
    {
        var subject = await targets.ReadAsync(kind, id, http.User, cancellationToken);
        var page = await list.PageAsync(subject, string.IsNullOrEmpty(after) ? null : after, cancellationToken);
        return TypedResults.Ok(new
        {
            version = subject.Version,
            amendments = page.Items.Select(v => Document(v, subject)).ToList(),
            next = page.Next is null ? null : $"/api/v1/amendable/{Uri.EscapeDataString(kind)}/{id}/amendments?after={Uri.EscapeDataString(page.Next)}",
        });
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, AmendmentAccess access, AmendmentList list, CancellationToken cancellationToken)
    {
        var (subject, amendment) = await access.ReadAsync(id, http.User, cancellationToken);
        var view = await list.OneAsync(amendment, subject.Access.UserId, cancellationToken);
        if (view.Moderation.IsPending && !view.TextShownTo(subject))
        {
            throw new RefusedException(Refusal.NotFound);
        }
        return TypedResults.Ok(Document(view, subject));
    }

    private static async Task<IResult> ProposeAsync(string kind, int id, ProposeRequest? request, HttpContext http, ChangeRunner changes, ProposeAmendment.Handler handler,
        IAntiforgery antiforgery, IStringLocalizerFactory localizers, IStringLocalizer<AmendmentsText> t, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(AmendmentsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(handler, new ProposeAmendment.Command(kind, id, request!.BaseVersion, request.Title, request.Body, request.Explanation,
            request.SubmissionId ?? Guid.NewGuid()), cancellationToken);
        var link = AmendmentLinks.Of(outcome.AmendmentId);
        return outcome.NeedsRebase
            ? TypedResults.Conflict(new
            {
                id = outcome.AmendmentId, link, needsRebase = true, currentVersion = outcome.CurrentVersion,
                detail = t["The text changed since you opened the form: your amendment is kept on the version you wrote it on; rebase it onto the new version."].Value,
            })
            : TypedResults.Created(link, new { id = outcome.AmendmentId, link, needsRebase = false, currentVersion = outcome.CurrentVersion });
    }

    private static async Task<IResult> RunAsync<TCommand, TResult>(HttpContext http, IAntiforgery antiforgery, IStringLocalizerFactory localizers, ChangeRunner changes,
        IChange<TCommand, AmendmentTarget, TResult> handler, TCommand command, Func<TResult, object> answer, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(answer(await changes.RunAsync(handler, command, cancellationToken)));
    }

    private static Task<IResult> SupportAsync(int id, HttpContext http, ChangeRunner changes, SupportAmendment.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken) =>
        RunAsync(http, antiforgery, localizers, changes, handler, new SupportAmendment.Command(id), changed => new { supported = true, changed }, cancellationToken);

    private static Task<IResult> AcceptAsync(int id, HttpContext http, ChangeRunner changes, AcceptAmendment.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken) =>
        RunAsync(http, antiforgery, localizers, changes, handler, new AcceptAmendment.Command(id), version => new { accepted = true, version }, cancellationToken);

    private static async Task<IResult> RejectAsync(int id, RejectRequest? request, HttpContext http, ChangeRunner changes, RejectAmendment.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken) =>
        await RunAsync(http, antiforgery, localizers, changes, handler, new RejectAmendment.Command(id, request?.Reason), changed => new { rejected = true, changed }, cancellationToken);

    private static Task<IResult> WithdrawAsync(int id, HttpContext http, ChangeRunner changes, WithdrawAmendment.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken) =>
        RunAsync(http, antiforgery, localizers, changes, handler, new WithdrawAmendment.Command(id), changed => new { withdrawn = true, changed }, cancellationToken);

    private static Task<IResult> RebaseAsync(int id, RebaseRequest? request, HttpContext http, ChangeRunner changes, RebaseAmendment.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken) =>
        RunAsync(http, antiforgery, localizers, changes, handler, new RebaseAmendment.Command(id, request?.Title, request?.Body), changed => new { rebased = true, changed }, cancellationToken);

    private static Task<IResult> PromoteAsync(int id, HttpContext http, ChangeRunner changes, PromoteAmendment.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken) =>
        RunAsync(http, antiforgery, localizers, changes, handler, new PromoteAmendment.Command(id), proposal => new { proposal }, cancellationToken);

    private static async Task<IResult> VersionsAsync(string kind, int id, HttpContext http, VersionHistory history, CancellationToken cancellationToken)
    {
        var (_, versions) = await history.ReadAsync(kind, id, http.User, cancellationToken);
        return TypedResults.Ok(versions.Select(v => new VersionDocument(v.Number, v.Title, v.Body, v.At, v.AmendmentId)).ToList());
    }

    private static async Task<IResult> CompareAsync(string kind, int id, int? from, int? to, HttpContext http, VersionHistory history, IStringLocalizer<AmendmentsText> t,
        CancellationToken cancellationToken)
    {
        var (_, versions) = await history.ReadAsync(kind, id, http.User, cancellationToken);
        var (a, b) = (versions.FirstOrDefault(v => v.Number == from), versions.FirstOrDefault(v => v.Number == to));
        if (a is null || b is null)
        {
            return ApiInput.Invalid(new Dictionary<string, string[]> { [a is null ? "from" : "to"] = [t["There is no such version."].Value] });
        }
        return TypedResults.Ok(new { from = a.Number, to = b.Number, title = TextDiff.Diff(a.Title, b.Title), body = TextDiff.Diff(a.Body, b.Body) });
    }
}
