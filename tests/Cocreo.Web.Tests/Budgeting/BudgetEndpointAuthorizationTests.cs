using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Every state-changing endpoint of participatory budgeting, tried by every kind of person over HTTP, one after the
/// other on the same budget, set in the phase where the action makes sense: the answer (allowed, 403, sign in, 404,
/// 422) and the effect — an allowed change is in the database and, where it is logged, in the process's log; a refused
/// one changed nothing. Where one attempt's change would stop the next one from changing anything (a phase moved on,
/// a proposal reviewed), each attempt works on something of its own (a new budget, a new proposal), so "changed"
/// means that attempt's change. Voters with a census code are tried where a code is the right to vote.
/// </summary>
public sealed class BudgetEndpointAuthorizationTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] TeamReads = [SignIn, Forbidden, Unchanged, Unchanged, Forbidden, Unchanged];
    private static readonly string[] Residents = [SignIn, Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] Everyone = [Changed, Changed, Changed, Changed, Changed, Changed];

    private static readonly Idea[] Ideas = [new("Playground", 60_000m), new("Library corner", 30_000m)];

    /// <summary>Where the row's budget stands before the attempts.</summary>
    private enum Stage
    {
        /// <summary>Collecting proposals, with two proposals of the participant.</summary>
        Proposals,

        /// <summary>Collecting proposals, voters on a census (not uploaded yet).</summary>
        CensusProposals,

        /// <summary>Voting open, every signed-in person may vote.</summary>
        Voting,

        /// <summary>Voting open to the census R1..R12 only.</summary>
        CensusVoting,

        /// <summary>Voted, counted and published.</summary>
        Published,
    }

    /// <summary>One attempt: where to post and what (a form, a form with a file, or JSON to the API).</summary>
    private sealed record Attempt(string Url, Dictionary<string, string> Fields, (string Field, byte[] Content, string Name)? File = null, object? Json = null);

    /// <summary>A row: the endpoint, the stage of its budget, each person's attempt (by their index in <see cref="Roles"/>), how to see the effect, what is expected.</summary>
    private sealed record Row(Endpoint Endpoint, Stage Stage, Func<BudgetCast, int, Task<Attempt>> Attempt, Func<BudgetCast, Task<string>> State, string[] Expected);

    private static Task<Attempt> Post(string url, Dictionary<string, string> fields) => Task.FromResult(new Attempt(url, fields));

    private static Task<string> Log(BudgetCast cast) => cast.LogAsync();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["budget/create"] = new(new("POST", "/processes/{id:int}/budgets/new"), Stage.Proposals,
            (cast, i) => Post($"/processes/{cast.People.ProcessId}/budgets/new", WithSubmission(BudgetFields($"Budget {i}"))),
            cast => cast.CountAsync(db => db.Set<Budget>().CountAsync(b => b.ProcessId == cast.People.ProcessId)), Team),
        ["budget/settings"] = new(new("POST", "/budgets/{id:int}/settings"), Stage.Proposals,
            (cast, i) => Post(cast.Path("settings"), BudgetFields($"Renamed budget {i}")), Log, Team),
        // Once voting opens the settings are locked, for everyone.
        ["budget/settings while voting"] = new(new("POST", "/budgets/{id:int}/settings"), Stage.Voting,
            (cast, i) => Post(cast.Path("settings"), BudgetFields($"Renamed budget {i}")), Log, [SignIn, Forbidden, Invalid, Invalid, Forbidden, Invalid]),
        // The team translates a budget's words in any phase, the vote included (the words are not the ballot's rules).
        ["budget/translations"] = new(new("POST", "/budgets/{id:int}/translations"), Stage.Proposals,
            (cast, i) => Post(cast.Path("translations"), new() { ["language"] = "sl", ["Input.Title"] = $"Proračun {i}", ["Input.Categories"] = "Zelene površine" }), Log, Team),
        ["budget/translations while voting"] = new(new("POST", "/budgets/{id:int}/translations"), Stage.Voting,
            (cast, i) => Post(cast.Path("translations"), new() { ["language"] = "sl", ["Input.Title"] = $"Proračun {i}" }), Log, Team),
        // A proposal is translated by its author (the participant) or the team; nobody else puts words in its author's mouth.
        ["proposal/translations"] = new(new("POST", "/proposals/{id:int}/translations"), Stage.Proposals,
            (cast, i) => Post($"/proposals/{cast.ProposalId}/translations", new() { ["language"] = "sl", ["Input.Title"] = $"Igrišče {i}", ["Input.Description"] = "Prosimo, zgradite igrišče." }),
            Log, [SignIn, Changed, Changed, Changed, Forbidden, Changed]),
        ["phases/plan"] = new(new("POST", "/budgets/{id:int}/phases", "Plan"), Stage.Proposals,
            (cast, i) => Post(cast.Path("phases?handler=Plan"), new()
            {
                ["Plans[0].Phase"] = "Voting",
                ["Plans[0].PlannedStart"] = $"2027-05-0{i + 1}",
                ["Plans[0].PlannedEnd"] = "2027-05-20",
            }), Log, Team),
        // Each attempt moves a budget of its own from collecting proposals to their review.
        ["phases/advance"] = new(new("POST", "/budgets/{id:int}/phases", "Advance"), Stage.Proposals,
            async (cast, _) => new($"/budgets/{await CreateBudgetAsync(cast.People.OwnerClient, cast.People.ProcessId)}/phases?handler=Advance", new() { ["from"] = "Proposals" }),
            Log, Team),
        // Each attempt takes a budget of its own, moved to the review while empty, back to collecting proposals.
        ["phases/revert"] = new(new("POST", "/budgets/{id:int}/phases", "Revert"), Stage.Proposals,
            async (cast, _) =>
            {
                var empty = await CreateBudgetAsync(cast.People.OwnerClient, cast.People.ProcessId);
                await AdvanceAsync(cast.People.OwnerClient, empty);
                return new($"/budgets/{empty}/phases?handler=Revert", new() { ["from"] = "Review" });
            },
            Log, Team),
        // Each attempt deletes an empty budget of its own.
        ["phases/delete"] = new(new("POST", "/budgets/{id:int}/phases", "Delete"), Stage.Proposals,
            async (cast, _) => new($"/budgets/{await CreateBudgetAsync(cast.People.OwnerClient, cast.People.ProcessId)}/phases?handler=Delete", []),
            cast => cast.CountAsync(db => db.Set<Budget>().CountAsync(b => b.ProcessId == cast.People.ProcessId)), Team),
        // The row's budget holds the participant's proposals: it cannot be deleted, whoever asks.
        ["phases/delete with proposals"] = new(new("POST", "/budgets/{id:int}/phases", "Delete"), Stage.Proposals,
            (cast, _) => Post(cast.Path("phases?handler=Delete"), []),
            cast => cast.CountAsync(db => db.Set<Budget>().CountAsync(b => b.ProcessId == cast.People.ProcessId)), [SignIn, Forbidden, Invalid, Invalid, Forbidden, Invalid]),
        // Each attempt publishes a budget of its own whose vote has just closed.
        ["phases/publish"] = new(new("POST", "/budgets/{id:int}/phases", "Publish"), Stage.Proposals,
            async (cast, _) =>
            {
                var (closed, _, _) = await OpenVotingAsync(cast.People, BudgetFields(), 0, Ideas[0]);
                await AdvanceAsync(cast.People.OwnerClient, closed);
                return new($"/budgets/{closed}/phases?handler=Publish", []);
            },
            Log, Team),
        ["census/upload"] = new(new("POST", "/budgets/{id:int}/census", "Upload"), Stage.CensusProposals,
            (cast, i) => Task.FromResult(new Attempt(cast.Path("census?handler=Upload"), [], ("file", Encoding.UTF8.GetBytes($"reference;name\nR1;Person {i}\nR2;Someone\n"), "census.csv"))),
            Log, Team),
        // Looking a person up changes nothing; only those who serve voters may.
        ["census/find"] = new(new("POST", "/budgets/{id:int}/census", "Find"), Stage.CensusVoting,
            (cast, i) => Post(cast.Path("census?handler=Find"), new() { ["Reference"] = $"R{i + 1}" }), Log, TeamReads),
        // Asking for a new code makes none; it waits for a second member of the team.
        ["census/request reissue"] = new(new("POST", "/budgets/{id:int}/census", "RequestReissue"), Stage.CensusVoting,
            (cast, i) => Post(cast.Path("census?handler=RequestReissue"), new() { ["Reference"] = $"R{i + 1}", ["Reason"] = "Lost the letter." }),
            cast => cast.CountAsync(db => db.Set<CodeReissueRequest>().CountAsync(r => r.BudgetId == cast.BudgetId)), Team),
        // Each attempt confirms a request someone else made (the owner's, or the facilitator's for the owner).
        ["census/confirm reissue"] = new(new("POST", "/budgets/{id:int}/census", "ConfirmReissue"), Stage.CensusVoting,
            async (cast, i) => new(cast.Path("census?handler=ConfirmReissue"), new() { ["number"] = Id(await cast.ReissueRequestAsync($"R{i + 1}", i == 3 ? cast.People.Facilitator.Id : cast.People.Owner.Id)) }),
            CodeHashes, Team),
        // Nobody confirms their own request: no code is made.
        ["census/confirm own reissue"] = new(new("POST", "/budgets/{id:int}/census", "ConfirmReissue"), Stage.CensusVoting,
            async (cast, i) => new(cast.Path("census?handler=ConfirmReissue"), new() { ["number"] = Id(await cast.ReissueRequestAsync($"R{i + 1}", cast.UserOf(i) ?? cast.People.Owner.Id)) }),
            CodeHashes, [SignIn, Forbidden, Invalid, Invalid, Forbidden, Invalid]),
        ["census/reject reissue"] = new(new("POST", "/budgets/{id:int}/census", "RejectReissue"), Stage.CensusVoting,
            async (cast, i) => new(cast.Path("census?handler=RejectReissue"), new() { ["number"] = Id(await cast.ReissueRequestAsync($"R{i + 1}", cast.People.Owner.Id)) }),
            cast => cast.CountAsync(db => db.Set<CodeReissueRequest>().CountAsync(r => r.BudgetId == cast.BudgetId && r.Status == ReissueStatus.Pending)), Team),
        // The budget has one internet ballot nobody is marked for; each attempt records the team's explanation.
        ["phases/accept reconciliation"] = new(new("POST", "/budgets/{id:int}/phases", "AcceptReconciliation"), Stage.Voting,
            async (cast, i) =>
            {
                await cast.StrayBallotOnceAsync();
                return new(cast.Path("phases?handler=AcceptReconciliation"), new() { ["internetDifference"] = "1", ["paperDifference"] = "0", ["Reason"] = $"Explained {i}." });
            },
            Log, Team),
        ["census/mark"] = new(new("POST", "/budgets/{id:int}/census", "Mark"), Stage.CensusVoting,
            (cast, i) => Post(cast.Path("census?handler=Mark"), new() { ["Reference"] = $"R{i + 1}" }), Voters, Team),
        ["paper/enter"] = new(new("POST", "/budgets/{id:int}/paper"), Stage.Voting,
            (cast, i) => Post(cast.Path("paper"), new() { ["Serial"] = $"P-{i}", ["Selected[0]"] = "1" }),
            cast => cast.CountAsync(db => db.Set<PaperBallotEntry>().CountAsync(e => e.BudgetId == cast.BudgetId)), Team),
        ["paper/discard"] = new(new("POST", "/budgets/{id:int}/paper", "Discard"), Stage.Voting,
            async (cast, i) => new(cast.Path("paper?handler=Discard"), new() { ["serial"] = await cast.FirstPaperEntryAsync($"D-{i}") }),
            cast => cast.CountAsync(db => db.Set<PaperBallotEntry>().CountAsync(e => e.BudgetId == cast.BudgetId)), Team),
        ["proposals/new"] = new(new("POST", "/budgets/{id:int}/proposals/new"), Stage.Proposals,
            (cast, i) => Post(cast.Path("proposals/new"), new()
            {
                ["Input.Title"] = $"A fountain {i}",
                ["Input.Description"] = "Cool water in summer.",
                ["Input.Category"] = "Green spaces",
                ["Input.EstimatedCost"] = "8000",
                ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
            }),
            Proposals, Residents),
        // Proposals are closed once the vote is open, for everyone.
        ["proposals/new while voting"] = new(new("POST", "/budgets/{id:int}/proposals/new"), Stage.Voting,
            (cast, i) => Post(cast.Path("proposals/new"), new()
            {
                ["Input.Title"] = $"A fountain {i}",
                ["Input.Description"] = "Cool water in summer.",
                ["Input.Category"] = "Green spaces",
                ["Input.EstimatedCost"] = "8000",
                ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
            }),
            Proposals, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ["proposal/support"] = new(new("POST", "/proposals/{id:int}", "Support"), Stage.Proposals,
            (cast, _) => Post($"/proposals/{cast.ProposalId}?handler=Support", []), Supports, Residents),
        // Supports close when the vote opens: refused with that reason, for everyone signed in.
        ["proposal/support while voting"] = new(new("POST", "/proposals/{id:int}", "Support"), Stage.Voting,
            (cast, _) => Post($"/proposals/{cast.ProposalId}?handler=Support", []), Supports, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ["proposal/withdraw"] = new(new("POST", "/proposals/{id:int}", "Withdraw"), Stage.Proposals,
            async (cast, i) =>
            {
                await cast.SupportAsync(i);
                return new($"/proposals/{cast.ProposalId}?handler=Withdraw", []);
            },
            Supports, Residents),
        ["proposal/comment"] = new(new("POST", "/proposals/{id:int}", "Comment"), Stage.Proposals,
            (cast, i) => Post($"/proposals/{cast.ProposalId}?handler=Comment", new() { ["Comment"] = $"Good idea {i}.", ["CommentSubmissionId"] = Guid.NewGuid().ToString() }),
            cast => cast.CountAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == "proposal" && c.TargetId == cast.ProposalId)), Residents),
        // Only its author edits or deletes a comment (the participant here), the team included; each attempt on a comment of its own.
        ["proposal/edit comment"] = new(new("POST", "/proposals/{id:int}", "EditComment"), Stage.Proposals,
            async (cast, i) => new($"/proposals/{cast.ProposalId}?handler=EditComment", new() { ["commentId"] = Id(await cast.CommentAsync(cast.People.Participant.Id)), ["editedText"] = $"Better said {i}." }),
            Comments, [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Editing ends when voting opens, for everyone.
        ["proposal/edit comment while voting"] = new(new("POST", "/proposals/{id:int}", "EditComment"), Stage.Voting,
            async (cast, i) => new($"/proposals/{cast.ProposalId}?handler=EditComment", new() { ["commentId"] = Id(await cast.CommentAsync(cast.People.Participant.Id)), ["editedText"] = $"Better said {i}." }),
            Comments, [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        ["proposal/delete comment"] = new(new("POST", "/proposals/{id:int}", "DeleteComment"), Stage.Voting,
            async (cast, _) => new($"/proposals/{cast.ProposalId}?handler=DeleteComment", new() { ["commentId"] = Id(await cast.CommentAsync(cast.People.Participant.Id)) }),
            Comments, [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Anyone signed in reports a comment, but not its author (the owner here); each attempt on a comment of its own, so that no report hides it for the next.
        ["proposal/report comment"] = new(new("POST", "/proposals/{id:int}", "ReportComment"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{cast.ProposalId}?handler=ReportComment", new()
            {
                ["commentId"] = Id(await cast.CommentAsync(cast.People.Owner.Id)),
                ["reportReason"] = "Spam",
                ["reportSubmissionId"] = Guid.NewGuid().ToString(),
            }),
            Reports, [SignIn, Changed, Changed, Forbidden, Changed, Changed]),
        // The process's team moderates from its queue (moderation's endpoints, tried here on budget comments).
        ["moderation/hide"] = new(new("POST", "/processes/{id:int}/moderation", "Hide"), Stage.Proposals,
            async (cast, i) => new($"/processes/{cast.People.ProcessId}/moderation?handler=Hide", new()
            {
                ["kind"] = Cocreo.Web.Features.Debate.DebateComments.Kind,
                ["item"] = Id(await cast.CommentAsync(cast.People.Participant.Id)),
                ["reason"] = $"Not about this proposal {i}.",
            }),
            Log, Team),
        ["moderation/keep"] = new(new("POST", "/processes/{id:int}/moderation", "Keep"), Stage.Proposals,
            async (cast, _) => new($"/processes/{cast.People.ProcessId}/moderation?handler=Keep", new() { ["kind"] = Cocreo.Web.Features.Debate.DebateComments.Kind, ["item"] = Id(await cast.HiddenCommentAsync()) }),
            Log, Team),
        // Only its author edits or withdraws a proposal (the participant here); each attempt on a proposal of its own.
        ["proposal/edit"] = new(new("POST", "/proposals/{id:int}", "EditProposal"), Stage.Proposals,
            async (cast, i) => new($"/proposals/{await cast.ProposalAsync()}?handler=EditProposal", new() { ["editedTitle"] = $"A better bench {i}", ["editedDescription"] = "Somewhere to sit, in the shade." }),
            ProposalTexts, [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden]),
        ["proposal/withdraw proposal"] = new(new("POST", "/proposals/{id:int}", "WithdrawProposal"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync()}?handler=WithdrawProposal", []),
            ProposalTexts, [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden]),
        // Anyone signed in reports a proposal, but not its author (the owner here); each attempt on a proposal of its own.
        ["proposal/report"] = new(new("POST", "/proposals/{id:int}", "ReportProposal"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync(cast.People.Owner.Id)}?handler=ReportProposal", new()
            {
                ["reportReason"] = "Spam",
                ["reportSubmissionId"] = Guid.NewGuid().ToString(),
            }),
            Reports, [SignIn, Changed, Changed, Forbidden, Changed, Changed]),
        // The team sets the threshold of automatic hiding for its process.
        ["moderation/settings"] = new(new("POST", "/processes/{id:int}/moderation", "Settings"), Stage.Proposals,
            (cast, i) => Post($"/processes/{cast.People.ProcessId}/moderation?handler=Settings", new() { ["hideAfterReports"] = Id(i + 1) }),
            Log, Team),
        // The organisation's queue: whoever moderates the process hides several items at once.
        ["moderation/organisation bulk"] = new(new("POST", "/organisations/{id:int}/moderation", "Bulk"), Stage.Proposals,
            async (cast, i) => new($"/organisations/{cast.People.OrganisationId}/moderation?handler=Bulk", new()
            {
                ["selected"] = $"{cast.People.ProcessId}:{await cast.CommentAsync(cast.People.Participant.Id)}:{Cocreo.Web.Features.Debate.DebateComments.Kind}",
                ["bulk"] = "hide",
                ["reason"] = $"Off topic {i}.",
            }),
            Log, Team),
        // Pictures: the author (the participant) while proposals are collected, and staff; each attempt on a proposal of its own.
        ["proposal/image"] = new(new("POST", "/proposals/{id:int}", "Image"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync()}?handler=Image", new() { ["NewImageAlt"] = "A sketch." }, ("NewImage", TestImages.Png, "sketch.png")),
            Images, [SignIn, Changed, Changed, Changed, Forbidden, Changed]),
        ["proposal/remove image"] = new(new("POST", "/proposals/{id:int}", "RemoveImage"), Stage.Proposals,
            async (cast, _) =>
            {
                var (proposal, image) = await cast.ImageAsync();
                return new($"/proposals/{proposal}?handler=RemoveImage", new() { ["imageId"] = Id(image) });
            },
            Images, [SignIn, Changed, Changed, Changed, Forbidden, Changed]),
        ["proposal/review"] = new(new("POST", "/proposals/{id:int}/review", "Review"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync()}/review?handler=Review", new()
            {
                ["Input.Feasible"] = "True",
                ["Input.Reason"] = "It can be done.",
                ["Input.FinalCost"] = "61000",
            }),
            Log, Team),
        ["proposal/merge"] = new(new("POST", "/proposals/{id:int}/review", "Merge"), Stage.Proposals,
            async (cast, _) => new($"/proposals/{await cast.ProposalAsync()}/review?handler=Merge", new() { ["MergeInto"] = Id(cast.ProposalId) }),
            Log, Team),
        ["proposal/progress"] = new(new("POST", "/proposals/{id:int}/progress"), Stage.Published,
            (cast, i) => Post($"/proposals/{cast.ProposalId}/progress", new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = Id(10 + i), ["Input.Text"] = $"Started {i}." }),
            Log, Team),
        ["budget/vote"] = new(new("POST", "/budgets/{id:int}/vote"), Stage.Voting,
            (cast, _) => Post(cast.Path("vote"), new() { ["Selected[0]"] = "1" }), Voters, Residents),
        // A census code is the right to vote, whoever holds it; a wrong one is refused with the form kept.
        ["budget/vote with a census code"] = new(new("POST", "/budgets/{id:int}/vote"), Stage.CensusVoting,
            (cast, i) => Post(cast.Path("vote"), new() { ["Selected[0]"] = "1", ["Code"] = cast.Codes[$"R{i + 1}"] }), Voters, Everyone),
        ["budget/vote with a wrong code"] = new(new("POST", "/budgets/{id:int}/vote"), Stage.CensusVoting,
            (cast, _) => Post(cast.Path("vote"), new() { ["Selected[0]"] = "1", ["Code"] = "WRONG-CODE-0000" }), Voters, [Invalid, Invalid, Invalid, Invalid, Invalid, Invalid]),
        // Checking a receipt changes nothing and is open to anyone (a receipt shows no choices); an unknown one is a 422.
        ["budget/receipt"] = new(new("POST", "/budgets/{id:int}/receipt"), Stage.Voting,
            (cast, _) => Post(cast.Path("receipt"), new() { ["Code"] = "NOT-A-RECEIPT" }), Log, [Invalid, Invalid, Invalid, Invalid, Invalid, Invalid]),
        ["api/ballots"] = new(new("POST", "/api/v1/budgets/{id:int}/ballots"), Stage.Voting,
            (cast, _) => Task.FromResult(new Attempt($"/api/v1/budgets/{cast.BudgetId}/ballots", [], Json: new BallotRequest(null, null, [1], null, null))),
            Voters, ["401", Changed, Changed, Changed, Changed, Changed]),
        ["api/ballots with a census code"] = new(new("POST", "/api/v1/budgets/{id:int}/ballots"), Stage.CensusVoting,
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/budgets/{cast.BudgetId}/ballots", [], Json: new BallotRequest(cast.Codes[$"R{i + 1}"], null, [1], null, null))),
            Voters, Everyone),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await BudgetCast.CreateAsync(app, row.Stage);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var before = await row.State(cast);
            var response = await SendAsync(clients[i], attempt);
            var after = await row.State(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem} {await Problems(response)}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_ballot_api_refuses_a_signed_in_request_without_the_antiforgery_header()
    {
        var cast = await BudgetCast.CreateAsync(app, Stage.Voting);
        var ballotsBefore = await Voters(cast);
        var response = await cast.People.ParticipantClient.Http.PostAsJsonAsync($"/api/v1/budgets/{cast.BudgetId}/ballots", new BallotRequest(null, null, [1], null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ballotsBefore, await Voters(cast));
    }

    private static async Task<HttpResponseMessage> SendAsync(FormClient client, Attempt attempt)
    {
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        if (attempt.Json is { } json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Url) { Content = JsonContent.Create(json) };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await client.Http.SendAsync(request);
        }
        if (attempt.File is { } file)
        {
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (key, value) in attempt.Fields)
            {
                content.Add(new StringContent(value), key);
            }
            content.Add(new ByteArrayContent(file.Content), file.Field, file.Name);
            return await client.Http.PostAsync(attempt.Url, content);
        }
        return await client.PostAsync(attempt.Url, new Dictionary<string, string>(attempt.Fields) { ["__RequestVerificationToken"] = token });
    }

    private static Dictionary<string, string> WithSubmission(Dictionary<string, string> fields)
    {
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        return fields;
    }

    private static Task<string> Proposals(BudgetCast cast) => cast.CountAsync(db => db.Set<Proposal>().CountAsync(p => p.BudgetId == cast.BudgetId));

    private static Task<string> Supports(BudgetCast cast) => cast.CountAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == cast.ProposalId));

    /// <summary>The comments on the row's proposal as they stand: edited, deleted.</summary>
    private static Task<string> Comments(BudgetCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<Cocreo.Web.Features.Debate.Comment>().Where(c => c.TargetKind == "proposal" && c.TargetId == cast.ProposalId).OrderBy(c => c.Id).Select(c => c.Body + c.EditedAt + c.DeletedAt).ToListAsync()));

    private static Task<string> Reports(BudgetCast cast) => cast.CountAsync(db => db.Set<ModerationReport>().CountAsync(r => db.Set<ModerationCase>().Any(c => c.Id == r.ModerationCaseId && c.ProcessId == cast.People.ProcessId)));

    private static Task<string> ProposalTexts(BudgetCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<Proposal>().Where(p => p.BudgetId == cast.BudgetId).OrderBy(p => p.Id).Select(p => p.Title + p.EditedAt + p.WithdrawnAt).ToListAsync()));

    private static Task<string> Images(BudgetCast cast) => cast.CountAsync(db => db.Set<ProposalImage>().CountAsync(i => db.Set<Proposal>().Any(p => p.Id == i.ProposalId && p.BudgetId == cast.BudgetId)));

    /// <summary>The marked register: who has voted, online or on paper.</summary>
    private static Task<string> Voters(BudgetCast cast) => cast.CountAsync(db => db.Set<BudgetVoter>().CountAsync(v => v.BudgetId == cast.BudgetId));

    private static Task<string> CodeHashes(BudgetCast cast) => cast.App.WithDbAsync(async db =>
        string.Join(",", await db.Set<CensusEntry>().Where(e => e.BudgetId == cast.BudgetId).OrderBy(e => e.Reference).Select(e => e.CodeHash).ToListAsync()));

    /// <summary>A budget in the row's stage, with what the rows act on, and the people around its process.</summary>
    private sealed record BudgetCast(CocreoApp App, ProcessCast People, int BudgetId, int ProposalId, Dictionary<string, string> Codes)
    {
        public static async Task<BudgetCast> CreateAsync(CocreoApp app, Stage stage)
        {
            var people = await Scenarios.ProcessWithCastAsync(app);
            int budget;
            List<int> proposals;
            Dictionary<string, string> codes = [];
            switch (stage)
            {
                case Stage.Proposals or Stage.CensusProposals:
                    budget = await CreateBudgetAsync(people.OwnerClient, people.ProcessId, BudgetFields(eligibility: stage == Stage.Proposals ? Eligibility.VerifiedAccount : Eligibility.Census));
                    proposals = [await ProposeAsync(people.ParticipantClient, budget, Ideas[0]), await ProposeAsync(people.ParticipantClient, budget, Ideas[1])];
                    break;
                case Stage.Voting:
                    (budget, proposals, _) = await OpenVotingAsync(people, BudgetFields(), 0, Ideas);
                    break;
                case Stage.CensusVoting:
                    (budget, proposals, codes) = await OpenVotingAsync(people, BudgetFields(eligibility: Eligibility.Census), 12, Ideas);
                    break;
                default:
                    (budget, proposals, _) = await OpenVotingAsync(people, BudgetFields(form: BallotForm.Approval, rule: CountingRule.Greedy), 0, Ideas);
                    Assert.Equal(HttpStatusCode.Redirect, (await people.ParticipantClient.SubmitAsync($"/budgets/{budget}/vote", new() { ["Selected[0]"] = "1" })).StatusCode);
                    await CloseAndPublishAsync(people.OwnerClient, budget);
                    break;
            }
            return new BudgetCast(app, people, budget, proposals[0], codes);
        }

        public string Path(string rest) => $"/budgets/{BudgetId}/{rest}";

        public Task<string> CountAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<int>> count) =>
            App.WithDbAsync(async db => (await count(db)).ToString(CultureInfo.InvariantCulture));

        /// <summary>The actions in the process's log, in order.</summary>
        public Task<string> LogAsync() => App.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == People.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

        /// <summary>The signed-in person of an attempt (none for the anonymous visitor).</summary>
        public string? UserOf(int role) => role switch
        {
            1 => People.Participant.Id,
            2 => People.Facilitator.Id,
            3 => People.Owner.Id,
            4 => People.OtherStaff.Id,
            5 => People.Admin.Id,
            _ => null,
        };

        /// <summary>A new proposal of the participant (or of <paramref name="authorId"/>), waiting for review.</summary>
        public Task<int> ProposalAsync(string? authorId = null) => App.WithDbAsync(async db =>
        {
            var budget = await db.Set<Budget>().SingleAsync(b => b.Id == BudgetId);
            var proposal = Proposal.Submit(budget, new ProposalContent("A bench", "Somewhere to sit.", "", "Green spaces", 500m), authorId ?? People.Participant.Id, DateTime.UtcNow);
            db.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });

        /// <summary>A new comment on the row's proposal by <paramref name="authorId"/>.</summary>
        public Task<int> CommentAsync(string authorId) => App.WithDbAsync(async db =>
        {
            var comment = Cocreo.Web.Features.Debate.Comment.Post("proposal", ProposalId, People.ProcessId, null, authorId, "Someone", "A comment.", Cocreo.Web.Features.Debate.Alignment.Neutral, DateTime.UtcNow);
            db.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

        /// <summary>A new comment of the participant on the row's proposal, hidden by the moderators.</summary>
        public async Task<int> HiddenCommentAsync()
        {
            var commentId = await CommentAsync(People.Participant.Id);
            await App.WithDbAsync(async db =>
            {
                var moderation = ModerationCase.Open(Cocreo.Web.Features.Debate.DebateComments.Kind, commentId, People.ProcessId);
                moderation.Hide("Off topic.", DateTime.UtcNow);
                db.Add(moderation);
                await db.SaveChangesAsync();
            });
            return commentId;
        }

        /// <summary>A new proposal of the participant with one picture.</summary>
        public async Task<(int Proposal, int Image)> ImageAsync()
        {
            var proposal = await ProposalAsync();
            return await App.WithDbAsync(async db =>
            {
                var image = ProposalImage.For(proposal, ImageFile.Reencode(TestImages.Png).File!, "A sketch.", DateTime.UtcNow);
                db.Add(image);
                await db.SaveChangesAsync();
                return (proposal, image.Id);
            });
        }

        /// <summary>The person of the attempt supports the proposal already (so withdrawing changes something).</summary>
        public Task SupportAsync(int role) => App.WithDbAsync(async db =>
        {
            if (UserOf(role) is { } userId)
            {
                db.Add(new ProposalSupport { ProposalId = ProposalId, UserId = userId });
                await db.SaveChangesAsync();
            }
        });

        /// <summary>A pending request for a new code for <paramref name="reference"/>, made by <paramref name="userId"/>; returns its number.</summary>
        public Task<int> ReissueRequestAsync(string reference, string userId) => App.WithDbAsync(async db =>
        {
            var budget = await db.Set<Budget>().SingleAsync(b => b.Id == BudgetId);
            var entry = await db.Set<CensusEntry>().SingleAsync(e => e.BudgetId == BudgetId && e.Reference == reference);
            var number = (await db.Set<CodeReissueRequest>().Where(r => r.BudgetId == BudgetId).MaxAsync(r => (int?)r.Number) ?? 0) + 1;
            db.Add(CodeReissueRequest.Make(budget, number, entry.Id, "Lost the letter.", userId, "Someone", DateTime.UtcNow));
            await db.SaveChangesAsync();
            return number;
        });

        /// <summary>One internet ballot with nobody marked for it (as if added behind the platform's back), once per budget.</summary>
        public Task StrayBallotOnceAsync() => App.WithDbAsync(async db =>
        {
            if (!await db.Set<BudgetBallot>().AnyAsync(b => b.BudgetId == BudgetId))
            {
                db.Add(new BudgetBallot { Id = RandomIds.Next(), BudgetId = BudgetId, Projects = "1", Answers = "" });
                await db.SaveChangesAsync();
            }
        });

        /// <summary>A first entry of a paper ballot, waiting for its second; returns its serial.</summary>
        public Task<string> FirstPaperEntryAsync(string serial) => App.WithDbAsync(async db =>
        {
            db.Add(new PaperBallotEntry { BudgetId = BudgetId, Serial = serial, Projects = "1", EnteredByUserId = People.Owner.Id, EnteredByName = People.Owner.DisplayName, EnteredAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return serial;
        });
    }
}
