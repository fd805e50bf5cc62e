using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// The JSON API of a process's proposals under <c>/api/v1</c>: the same use cases and reads as the pages. Changes need
/// the sign-in cookie and the X-CSRF-TOKEN header; a broken rule answers 422 with the field and the reason.
/// </summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Proposals");
        api.MapGet("/processes/{id:int}/proposals", List).WithName("ListProcessProposals")
            .WithSummary("A page of a process's own proposals (not budget projects): ?category, ?status (Submitted, Evaluating, Accepted, Rejected, Withdrawn), ?order (Newest, MostSupported, Random with ?seed), ?page.");
        api.MapGet("/processes/{id:int}/proposals/similar", Similar).WithName("SimilarProcessProposals")
            .WithSummary("Open proposals of the process with a title like ?title (as the proposal form shows while one writes).");
        api.MapGet("/process-proposals/{id:int}", Get).WithName("GetProcessProposal").WithSummary("One proposal of a process: its text, status and public answer, supports and merges.");
        api.MapPut("/processes/{id:int}/proposal-settings", ConfigureAsync).WithName("ConfigureProcessProposals")
            .WithSummary("Turns the process's proposals on and sets whether it takes new ones, supports and the limit of supports per participant (0: none), and the categories one a line. The process's team.");
        api.MapPost("/processes/{id:int}/proposals", PutForwardAsync).WithName("PutForwardProcessProposal")
            .WithSummary("Puts forward a proposal of the process (title, body in Markdown, category, location). Once per submissionId.");
        api.MapPost("/process-proposals/{id:int}/supports", SupportAsync).WithName("SupportProcessProposal")
            .WithSummary("Supports a proposal (once; up to the process's limit per participant).");
        api.MapDelete("/process-proposals/{id:int}/supports", WithdrawSupportAsync).WithName("WithdrawProcessProposalSupport").WithSummary("Withdraws the caller's support.");
        api.MapPost("/process-proposals/{id:int}/answer", AnswerAsync).WithName("AnswerProcessProposal")
            .WithSummary("The organisation's public answer: status Evaluating, Accepted or Rejected, with its reason. The process's team.");
        api.MapPost("/process-proposals/{id:int}/withdrawal", WithdrawAsync).WithName("WithdrawProcessProposal").WithSummary("Its author withdraws the proposal.");
        api.MapPost("/process-proposals/{id:int}/merge", MergeAsync).WithName("MergeProcessProposal")
            .WithSummary("Merges this duplicate into the proposal `into`: its supports carried over once per person. The process's team.");
        api.MapPut("/process-proposals/{id:int}", EditAsync).WithName("EditProcessProposal")
            .WithSummary("Its author or a co-author changes the title and body (until it is answered, merged or withdrawn).");
        api.MapPost("/process-proposals/{id:int}/co-authors", InviteAsync).WithName("InviteProcessProposalCoAuthor")
            .WithSummary("Its author invites a co-author by e-mail; the e-mail carries a secret link to accept.");
        api.MapPost("/proposal-invitations/{token}/acceptance", AcceptAsync).WithName("AcceptProcessProposalInvitation")
            .WithSummary("The signed-in invitee accepts an invitation (the secret of its link) and becomes a co-author.");
        return endpoints;
    }

    public sealed record EditRequest(string? Title, string? Body);

    public sealed record InviteRequest(string? Email);

    private static async Task<IResult> EditAsync(int id, EditRequest? request, HttpContext http, ChangeRunner changes, EditProcessProposal.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new EditProcessProposal.Command(id, request!.Title ?? "", request.Body ?? ""), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> InviteAsync(int id, InviteRequest? request, HttpContext http, ChangeRunner changes, InviteCoAuthor.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var sent = await changes.RunAsync(handler, new InviteCoAuthor.Command(id, request!.Email ?? ""), cancellationToken);
        return TypedResults.Ok(new { sent });
    }

    private static async Task<IResult> AcceptAsync(string token, HttpContext http, ChangeRunner changes, AcceptCoAuthorship.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var proposalId = await changes.RunAsync(handler, new AcceptCoAuthorship.Command(token), cancellationToken);
        return TypedResults.Ok(new { proposal = proposalId });
    }

    public sealed record ProposalDocument(int Id, int ProcessId, string Title, string Body, string Category, string Location, string Status, string? Answer, DateTime SubmittedAt,
        DateTime? AnsweredAt, bool Withdrawn, int Supports, int? MergedInto, string Link, double? Latitude = null, double? Longitude = null, string? Map = null);

    public sealed record ProposalPageDocument(IReadOnlyList<ProposalDocument> Proposals, int Total, int Page, int Pages);

    public sealed record SettingsRequest(bool Open, bool SupportsEnabled, int SupportLimit, string? Categories);

    public sealed record ProposalRequest(string? Title, string? Body, string? Category, string? Location, Guid? SubmissionId, double? Latitude = null, double? Longitude = null);

    public sealed record AnswerRequest(string? Status, string? Reason);

    public sealed record MergeRequest(int Into);

    private static ProposalDocument Document(Proposal p, int supports) => new(p.Id, p.ProcessId, p.Title, p.Description, p.Category, p.Location, Status(p),
        p.ReviewReason.Length == 0 ? null : p.ReviewReason, p.SubmittedAt, p.ReviewedAt, p.IsWithdrawn, supports, p.MergedIntoId, ProposalLinks.Of(p.ProcessId, p.Id),
        p.Latitude, p.Longitude, ProposalMap.Link(p));

    private static string Status(Proposal p) => p.IsWithdrawn ? "Withdrawn" : p.Status.ToString();

    private static async Task<Ok<ProposalPageDocument>> List(int id, HttpContext http, ProposalAccess access, ProposalList list, string? category, string? status, string? order, int? seed, int? page,
        CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(id, http.User, ProposalAction.View, cancellationToken);
        var filter = ProposalFilters.From(category, status, order, seed, page);
        var found = await list.PageAsync(view, filter, cancellationToken);
        return TypedResults.Ok(new ProposalPageDocument(found.Items.Select(i => Document(i.Proposal, i.Supports)).ToList(), found.Total, found.Page, found.Pages));
    }

    private static async Task<Ok<IReadOnlyList<SimilarProposal>>> Similar(int id, HttpContext http, ProposalAccess access, ProposalList list, string? title, int? except, CancellationToken cancellationToken)
    {
        await access.ReadAsync(id, http.User, ProposalAction.View, cancellationToken);
        return TypedResults.Ok(await list.SimilarAsync(id, title, except, cancellationToken));
    }

    private static async Task<Ok<ProposalDocument>> Get(int id, HttpContext http, ProposalAccess access, ProposalList list, Moderation.ModerationDirectory moderation, CancellationToken cancellationToken)
    {
        var proposal = await access.FindAsync(id, cancellationToken);
        var (_, p) = await access.ReadProposalAsync(proposal?.ProcessId ?? 0, id, http.User, cancellationToken);
        if (!(await moderation.StatusAsync(ProcessProposalContents.Kind, p.Id, cancellationToken)).IsShown && p.AuthorUserId != http.User.UserId())
        {
            throw new RefusedException(Refusal.NotFound);
        }
        var (supports, _, _) = await list.SupportsAsync(p, null, cancellationToken);
        return TypedResults.Ok(Document(p, supports));
    }

    private static async Task<IResult> ConfigureAsync(int id, SettingsRequest? request, HttpContext http, ChangeRunner changes, ConfigureProposals.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(handler, new ConfigureProposals.Command(id, request!.Open, request.SupportsEnabled, request.SupportLimit, request.Categories), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PutForwardAsync(int id, ProposalRequest? request, HttpContext http, ChangeRunner changes, PutForwardProposal.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var content = new ProcessProposalContent(request!.Title ?? "", request.Body ?? "", request.Category ?? "", request.Location ?? "", Cultures.Current, request.Latitude, request.Longitude);
        var proposalId = await changes.RunAsync(handler, new PutForwardProposal.Command(id, content, request.SubmissionId ?? Guid.NewGuid()), cancellationToken);
        return TypedResults.Created(ProposalLinks.Of(id, proposalId), new { id = proposalId, link = ProposalLinks.Of(id, proposalId) });
    }

    private static async Task<IResult> SupportAsync(int id, HttpContext http, ChangeRunner changes, SupportProcessProposal.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var added = await changes.RunAsync(handler, new SupportProcessProposal.Command(id), cancellationToken);
        return TypedResults.Ok(new { supported = true, changed = added });
    }

    private static async Task<IResult> WithdrawSupportAsync(int id, HttpContext http, ChangeRunner changes, WithdrawProcessSupport.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var removed = await changes.RunAsync(handler, new WithdrawProcessSupport.Command(id), cancellationToken);
        return TypedResults.Ok(new { supported = false, changed = removed });
    }

    private static async Task<IResult> AnswerAsync(int id, AnswerRequest? request, HttpContext http, ChangeRunner changes, AnswerProposal.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var status = ProposalFilters.Answer(request!.Status);
        var changed = await changes.RunAsync(handler, new AnswerProposal.Command(id, status, request.Reason ?? ""), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> WithdrawAsync(int id, HttpContext http, ChangeRunner changes, WithdrawProcessProposal.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new WithdrawProcessProposal.Command(id), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> MergeAsync(int id, MergeRequest? request, HttpContext http, ChangeRunner changes, MergeProcessProposal.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ProposalsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(handler, new MergeProcessProposal.Command(id, request!.Into), cancellationToken);
        return TypedResults.Ok(new { carried = outcome.Carried });
    }
}

/// <summary>The list's query string and an answer's status, read the same way by the pages and the API.</summary>
public static class ProposalFilters
{
    public static ProposalFilter From(string? category, string? status, string? order, int? seed, int? page)
    {
        var withdrawn = string.Equals(status, "Withdrawn", StringComparison.OrdinalIgnoreCase);
        ProposalStatus? wanted = !withdrawn && Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var s)
            && s is ProposalStatus.Submitted or ProposalStatus.Evaluating or ProposalStatus.Accepted or ProposalStatus.Rejected ? s : null;
        var sort = Enum.TryParse<ProposalOrder>(order, ignoreCase: true, out var o) ? o : ProposalOrder.Newest;
        return new ProposalFilter(string.IsNullOrWhiteSpace(category) ? null : category, wanted, withdrawn, sort, seed ?? 1, page ?? 1);
    }

    /// <summary>The status of an answer; anything else reads as Submitted, which the answer refuses (422) inside the change.</summary>
    public static ProposalStatus Answer(string? status) =>
        Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : ProposalStatus.Submitted;
}
