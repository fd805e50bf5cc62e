using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>
/// The JSON API of commitments under <c>/api/v1</c>: the same use cases and reads as the pages. Changes need the
/// sign-in cookie and the X-CSRF-TOKEN header; a broken rule answers 422 with the field and the reason.
/// </summary>
public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Commitments");
        api.MapGet("/processes/{id:int}/commitments", ListAsync).WithName("ListCommitments")
            .WithSummary("A process's commitments, soonest deadline first: what, taskholder, deadline, status, milestones, budget line.");
        api.MapGet("/commitments/{id:int}", GetAsync).WithName("GetCommitment").WithSummary("One commitment.");
        api.MapPost("/processes/{id:int}/commitments", MakeAsync).WithName("MakeCommitment")
            .WithSummary("Makes a commitment (title, description in Markdown, taskholderUserId of a staff member and/or unit, deadline yyyy-mm-dd not in the past, budgetLine, budgetAmount, milestones). The process's team; once per submissionId.");
        api.MapPut("/commitments/{id:int}", EditAsync).WithName("EditCommitment").WithSummary("Changes what a commitment says. The process's team.");
        api.MapPost("/commitments/{id:int}/status", ChangeStatusAsync).WithName("ChangeCommitmentStatus")
            .WithSummary("Says where it stands: status Planned, InProgress, Done, Delayed (with newDeadline and reason) or Dropped (with reason). Its taskholder or the process's team.");
        api.MapPost("/commitments/{id:int}/milestones", AddMilestoneAsync).WithName("AddCommitmentMilestone").WithSummary("Adds a milestone (title, date). The process's team.");
        api.MapPut("/commitments/{id:int}/milestones/{milestoneId:int}", MarkMilestoneAsync).WithName("MarkCommitmentMilestone")
            .WithSummary("Marks a milestone reached or not (done). The process's team.");
        return endpoints;
    }

    public sealed record MilestoneDocument(int Id, string Title, DateOnly Date, bool Done);

    public sealed record CommitmentDocument(int Id, int ProcessId, string Title, string Description, string? Taskholder, string Unit, DateOnly Deadline, DateOnly OriginalDeadline,
        string Status, string StatusReason, string BudgetLine, decimal? BudgetAmount, IReadOnlyList<MilestoneDocument> Milestones, string Link);

    public sealed record MilestoneRequest(string? Title, DateOnly? Date);

    public sealed record CommitmentRequest(string? Title, string? Description, string? TaskholderUserId, string? Unit, DateOnly? Deadline, string? BudgetLine, decimal? BudgetAmount,
        IReadOnlyList<MilestoneRequest>? Milestones, Guid? SubmissionId)
    {
        public CommitmentContent Content() => new(Title ?? "", Description ?? "", TaskholderUserId, Unit, Deadline, BudgetLine, BudgetAmount);
    }

    public sealed record StatusRequest(string? Status, DateOnly? NewDeadline, string? Reason);

    public sealed record MarkRequest(bool Done);

    private static CommitmentDocument Document(Commitment c, IReadOnlyDictionary<string, string> names) =>
        new(c.Id, c.ProcessId, c.Title, c.Description, c.TaskholderUserId is { } id ? names.GetValueOrDefault(id) : null, c.Unit, c.Deadline, c.OriginalDeadline, c.Status.ToString(),
            c.StatusReason, c.BudgetLine, c.BudgetAmount, c.Milestones.OrderBy(m => m.Date).ThenBy(m => m.Id).Select(m => new MilestoneDocument(m.Id, m.Title, m.Date, m.Done)).ToList(),
            $"/processes/{c.ProcessId}/commitments/{c.Id}");

    private static async Task<Ok<List<CommitmentDocument>>> ListAsync(int id, HttpContext http, CommitmentAccess access, People people, CancellationToken cancellationToken)
    {
        await access.ReadAsync(id, http.User, CommitmentAction.View, cancellationToken);
        var commitments = await access.OfProcessAsync(id, cancellationToken);
        var names = await people.NamesOfAsync(commitments.Select(c => c.TaskholderUserId).OfType<string>().Distinct().ToList(), cancellationToken);
        return TypedResults.Ok(commitments.Select(c => Document(c, names)).ToList());
    }

    private static async Task<Ok<CommitmentDocument>> GetAsync(int id, HttpContext http, CommitmentAccess access, People people, CancellationToken cancellationToken)
    {
        var (_, commitment) = await access.ReadCommitmentAsync(await access.ProcessOfAsync(id, cancellationToken), id, http.User, cancellationToken);
        var names = commitment.TaskholderUserId is { } taskholder ? await people.NamesOfAsync([taskholder], cancellationToken) : new Dictionary<string, string>();
        return TypedResults.Ok(Document(commitment, names));
    }

    private static async Task<IResult> MakeAsync(int id, CommitmentRequest? request, HttpContext http, ChangeRunner changes, MakeCommitment.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(CommitmentText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var milestones = (request!.Milestones ?? []).Select(m => new MakeCommitment.Milestone(m.Title ?? "", m.Date)).ToList();
        var commitmentId = await changes.RunAsync(handler, new MakeCommitment.Command(id, request.Content(), request.SubmissionId ?? Guid.NewGuid(), milestones), cancellationToken);
        var link = $"/processes/{id}/commitments/{commitmentId}";
        return TypedResults.Created(link, new { id = commitmentId, link });
    }

    private static async Task<IResult> EditAsync(int id, CommitmentRequest? request, HttpContext http, ChangeRunner changes, EditCommitment.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(CommitmentText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new EditCommitment.Command(id, request!.Content()), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> ChangeStatusAsync(int id, StatusRequest? request, HttpContext http, ChangeRunner changes, ChangeCommitmentStatus.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(CommitmentText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        // An unknown status is still asked of the permissions first; then its rule refuses it.
        var status = Enum.TryParse<CommitmentStatus>(request!.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (CommitmentStatus)(-1);
        var changed = await changes.RunAsync(handler, new ChangeCommitmentStatus.Command(id, status, request.NewDeadline, request.Reason), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> AddMilestoneAsync(int id, MilestoneRequest? request, HttpContext http, ChangeRunner changes, AddCommitmentMilestone.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(CommitmentText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var milestoneId = await changes.RunAsync(handler, new AddCommitmentMilestone.Command(id, request!.Title ?? "", request.Date), cancellationToken);
        return TypedResults.Ok(new { id = milestoneId });
    }

    private static async Task<IResult> MarkMilestoneAsync(int id, int milestoneId, MarkRequest? request, HttpContext http, ChangeRunner changes, MarkCommitmentMilestone.Handler handler,
        IAntiforgery antiforgery, IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(CommitmentText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new MarkCommitmentMilestone.Command(id, milestoneId, request!.Done), cancellationToken);
        return TypedResults.Ok(new { changed });
    }
}
