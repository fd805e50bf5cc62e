using Cocreo.Web.Features.Debate;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Debate;

/// <summary>
/// Every state-changing endpoint of debates (the thread page's forms, a proposal page's vote, the API), tried by every
/// kind of person on the debate of a process's problem: the answer and the effect. Each attempt works on a comment of
/// its own (by the participant, or by the owner where the participant is to vote or report).
/// </summary>
public sealed class DebateEndpointAuthorizationTests(Budgeting.BudgetingSqliteApp app) : IClassFixture<Budgeting.BudgetingSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    // The process of the cast is public: every signed-in person may take part in its debate.
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] SignedInApi = ["401", Changed, Changed, Changed, Changed, Changed];

    // Only its author (the participant here) edits or deletes a comment.
    private static readonly string[] Author = [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] AuthorApi = ["401", Changed, Forbidden, Forbidden, Forbidden, Forbidden];

    // Anyone signed in but its author (the owner here) votes on or reports a comment.
    private static readonly string[] NotAuthor = [SignIn, Changed, Changed, Forbidden, Changed, Changed];
    private static readonly string[] NotAuthorApi = ["401", Changed, Changed, Forbidden, Changed, Changed];

    // The process's team (facilitator, owner) and the platform's admins, who moderate every process, write the synthesis of its debates.
    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] TeamApi = ["401", Forbidden, Changed, Changed, Forbidden, Changed];

    private sealed record Attempt(string Url, Dictionary<string, string> Fields, string? Json = null, string Method = "POST");

    private sealed record Row(Endpoint Endpoint, Func<DebateCast, int, Task<Attempt>> Attempt, Func<DebateCast, Task<string>> State, string[] Expected);

    private static Task<string> Comments(DebateCast cast) => cast.StateAsync(db => db.Set<Comment>().Where(c => c.ProcessId == cast.People.ProcessId).Select(c => c.Id + c.Body + c.Alignment + c.DeletedAt));

    private static Task<string> Votes(DebateCast cast) => cast.StateAsync(db => db.Set<CommentVote>().Select(v => v.CommentId + v.UserId + v.Value));

    private static Task<string> Log(DebateCast cast) => cast.StateAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.People.ProcessId).Select(e => e.Action));

    private static Task<string> Synthesis(DebateCast cast) => cast.StateAsync(db => db.Set<DebateSynthesis>().Where(s => s.ProcessId == cast.People.ProcessId).Select(s => s.Summary + s.Version));

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["thread/synthesis"] = new(new("POST", "/debate/{kind}/{id:int}/synthesis"),
            async (cast, i) => new($"/debate/process/{cast.People.ProcessId}/synthesis", new() { ["Input.Summary"] = $"Summary {i}.", ["Input.Version"] = $"{await cast.SynthesisVersionAsync()}" }), Synthesis, Team),
        ["api/synthesis"] = new(new("PUT", "/api/v1/debates/{kind}/{id:int}/synthesis"),
            async (cast, i) => new(cast.Api("synthesis"), [], $"{{\"summary\":\"API summary {i}.\",\"version\":{await cast.SynthesisVersionAsync()}}}", "PUT"), Synthesis, TeamApi),
        ["thread/comment"] = new(new("POST", "/debate/{kind}/{id:int}", "Comment"),
            (cast, i) => Task.FromResult(new Attempt(cast.Thread("Comment"), new() { ["Comment"] = $"A thought {i}.", ["alignment"] = "For" })), Comments, SignedIn),
        ["thread/reply"] = new(new("POST", "/debate/{kind}/{id:int}", "Comment"),
            async (cast, i) => new(cast.Thread("Comment"), new() { ["Comment"] = $"A reply {i}.", ["parentId"] = $"{await cast.CommentAsync(cast.People.Owner.Id)}" }), Comments, SignedIn),
        ["thread/edit"] = new(new("POST", "/debate/{kind}/{id:int}", "EditComment"),
            async (cast, i) => new(cast.Thread("EditComment"), new() { ["commentId"] = $"{await cast.CommentAsync(cast.People.Participant.Id)}", ["editedText"] = $"Better said {i}." }), Comments, Author),
        ["thread/delete"] = new(new("POST", "/debate/{kind}/{id:int}", "DeleteComment"),
            async (cast, _) => new(cast.Thread("DeleteComment"), new() { ["commentId"] = $"{await cast.CommentAsync(cast.People.Participant.Id)}" }), Comments, Author),
        ["thread/vote"] = new(new("POST", "/debate/{kind}/{id:int}", "VoteComment"),
            async (cast, _) => new(cast.Thread("VoteComment"), new() { ["commentId"] = $"{await cast.CommentAsync(cast.People.Owner.Id)}", ["value"] = "1" }), Votes, NotAuthor),
        ["thread/report"] = new(new("POST", "/debate/{kind}/{id:int}", "ReportComment"),
            async (cast, _) => new(cast.Thread("ReportComment"), new() { ["commentId"] = $"{await cast.CommentAsync(cast.People.Owner.Id)}", ["reportReason"] = "Spam" }), Log, NotAuthor),
        ["proposal/vote comment"] = new(new("POST", "/proposals/{id:int}", "VoteComment"),
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync()}?handler=VoteComment", new() { ["commentId"] = $"{await cast.CommentAsync(cast.People.Owner.Id, "proposal", await cast.ProposalAsync())}", ["value"] = "-1" }), Votes, NotAuthor),
        ["api/comment"] = new(new("POST", "/api/v1/debates/{kind}/{id:int}/comments"),
            (cast, i) => Task.FromResult(new Attempt(cast.Api("comments"), [], $"{{\"body\":\"API thought {i}.\",\"alignment\":\"Against\"}}")), Comments, SignedInApi),
        ["api/edit"] = new(new("PUT", "/api/v1/debates/{kind}/{id:int}/comments/{commentId:int}"),
            async (cast, i) => new(cast.Api($"comments/{await cast.CommentAsync(cast.People.Participant.Id)}"), [], $"{{\"body\":\"API better {i}.\"}}", "PUT"), Comments, AuthorApi),
        ["api/delete"] = new(new("DELETE", "/api/v1/debates/{kind}/{id:int}/comments/{commentId:int}"),
            async (cast, _) => new(cast.Api($"comments/{await cast.CommentAsync(cast.People.Participant.Id)}"), [], null, "DELETE"), Comments, AuthorApi),
        ["api/vote"] = new(new("POST", "/api/v1/debates/{kind}/{id:int}/comments/{commentId:int}/vote"),
            async (cast, _) => new(cast.Api($"comments/{await cast.CommentAsync(cast.People.Owner.Id)}/vote"), [], "{\"value\":1}"), Votes, NotAuthorApi),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = new DebateCast(app, await Scenarios.ProcessWithCastAsync(app));
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            HttpResponseMessage response;
            if (attempt.Fields.Count == 0)
            {
                using var request = new HttpRequestMessage(new HttpMethod(attempt.Method), attempt.Url);
                if (attempt.Json is { } json)
                {
                    request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                }
                request.Headers.Add("X-CSRF-TOKEN", token);
                response = await clients[i].Http.SendAsync(request);
            }
            else
            {
                attempt.Fields["__RequestVerificationToken"] = token;
                response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            }
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }
}

/// <summary>A process with its people, whose problem is debated (and a budget proposal, made once when asked).</summary>
internal sealed class DebateCast(CocreoApp app, ProcessCast people)
{
    private int? proposal;

    public ProcessCast People => people;

    public string Thread(string handler) => $"/debate/process/{people.ProcessId}?handler={handler}";

    public string Api(string rest) => $"/api/v1/debates/process/{people.ProcessId}/{rest}";

    public Task<string> StateAsync<T>(Func<Cocreo.Web.Data.CocreoDbContext, IQueryable<T>> query) =>
        app.WithDbAsync(async db => string.Join(",", await query(db).ToListAsync()));

    public async Task<int> ProposalAsync() => proposal ??= await Budgeting.BudgetingScenario.ProposeAsync(people.OtherStaffClient,
        await Budgeting.BudgetingScenario.CreateBudgetAsync(people.OwnerClient, people.ProcessId), new Budgeting.Idea("A pocket park", 40_000m));

    public Task<int> SynthesisVersionAsync() => app.WithDbAsync(db => db.Set<DebateSynthesis>().Where(s => s.ProcessId == people.ProcessId).Select(s => s.Version).SingleOrDefaultAsync());

    /// <summary>A new comment by <paramref name="authorId"/> on the process's problem (or on another target).</summary>
    public Task<int> CommentAsync(string authorId, string kind = "process", int? targetId = null) => app.WithDbAsync(async db =>
    {
        var comment = Comment.Post(kind, targetId ?? people.ProcessId, people.ProcessId, null, authorId, "Someone", "A comment.", Alignment.Neutral, DateTime.UtcNow);
        db.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    });
}
