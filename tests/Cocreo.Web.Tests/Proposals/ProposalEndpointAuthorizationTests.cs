using System.Net.Http.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// Every state-changing endpoint of a process's proposals (pages and API), tried by every kind of person over HTTP
/// on the same process: the answer and the effect (an allowed change is in the process's log; a refused one changed
/// nothing). Each attempt works on something of its own (a new proposal to support, answer, withdraw or merge).
/// </summary>
public sealed class ProposalEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private static readonly string[] Team = [SignIn, Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiTeam = ["401", Forbidden, Changed, Changed, Forbidden, Changed];
    private static readonly string[] SignedIn = [SignIn, Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] ApiSignedIn = ["401", Changed, Changed, Changed, Changed, Changed];
    private static readonly string[] Author = [SignIn, Changed, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] ApiAuthor = ["401", Changed, Forbidden, Forbidden, Forbidden, Forbidden];
    private static readonly string[] AuthorOrTeam = [SignIn, Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] ApiAuthorOrTeam = ["401", Changed, Changed, Changed, Forbidden, Changed];
    private static readonly string[] Invitee = [SignIn, Forbidden, Changed, Changed, Changed, Changed];
    private static readonly string[] ApiInvitee = ["401", Forbidden, Changed, Changed, Changed, Changed];

    /// <summary>One attempt: a form post to a page, or a JSON request to the API.</summary>
    private sealed record Attempt(string Url, Dictionary<string, string>? Fields = null, HttpMethod? Method = null, object? Json = null, (string Field, byte[] Content, string Name)? File = null);

    private sealed record Row(Endpoint Endpoint, Func<Cast, int, Task<Attempt>> Attempt, string[] Expected)
    {
        /// <summary>How to see the effect; the process's log unless said otherwise.</summary>
        public Func<Cast, Task<string>>? State { get; init; }
    }

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["settings"] = new(new("POST", "/processes/{processId:int}/proposals/settings"),
            (cast, i) => Task.FromResult(new Attempt($"/processes/{cast.ProcessId}/proposals/settings", new()
            {
                ["Input.Open"] = "true", ["Input.SupportsEnabled"] = "true", ["Input.SupportLimit"] = (i + 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            })), Team),
        ["new"] = new(new("POST", "/processes/{processId:int}/proposals/new"),
            (cast, i) => Task.FromResult(new Attempt($"/processes/{cast.ProcessId}/proposals/new", new() { ["Input.Title"] = $"Idea {i}", ["Input.Body"] = "Why and for whom." })), SignedIn),
        ["support"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Support"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Support")), SignedIn),
        ["unsupport"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Unsupport"),
            async (cast, i) => new(cast.Page(await cast.NewProposalAsync(supportedBy: cast.UserOf(i)), "Unsupport")), SignedIn),
        ["withdraw"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Withdraw"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Withdraw")), Author),
        ["answer"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Answer"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Answer"), new() { ["status"] = "Accepted", ["reason"] = "We will do it." }), Team),
        ["merge"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Merge"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Merge"), new() { ["into"] = cast.OriginalId.ToString(System.Globalization.CultureInfo.InvariantCulture) }), Team),
        // Reports are not logged: the effect is the report, counted once per person.
        ["report"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "ReportProposal"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "ReportProposal"), new() { ["reportReason"] = "Spam", ["reportSubmissionId"] = Guid.NewGuid().ToString() }),
            [SignIn, Forbidden, Changed, Changed, Changed, Changed]) { State = cast => cast.App.WithDbAsync(async db => (await db.Set<Cocreo.Web.Features.Moderation.ModerationReport>().CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)) },
        ["api/settings"] = new(new("PUT", "/api/v1/processes/{id:int}/proposal-settings"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/processes/{cast.ProcessId}/proposal-settings", Method: HttpMethod.Put,
                Json: new { open = true, supportsEnabled = true, supportLimit = i + 20 })), ApiTeam),
        ["api/put-forward"] = new(new("POST", "/api/v1/processes/{id:int}/proposals"),
            (cast, i) => Task.FromResult(new Attempt($"/api/v1/processes/{cast.ProcessId}/proposals", Method: HttpMethod.Post,
                Json: new { title = $"API idea {i}", body = "Why.", submissionId = Guid.NewGuid() })), ApiSignedIn),
        ["api/support"] = new(new("POST", "/api/v1/process-proposals/{id:int}/supports"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/supports", Method: HttpMethod.Post), ApiSignedIn),
        ["api/unsupport"] = new(new("DELETE", "/api/v1/process-proposals/{id:int}/supports"),
            async (cast, i) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync(supportedBy: cast.UserOf(i))}/supports", Method: HttpMethod.Delete), ApiSignedIn),
        ["api/answer"] = new(new("POST", "/api/v1/process-proposals/{id:int}/answer"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/answer", Method: HttpMethod.Post,
                Json: new { status = "Rejected", reason = "Not in our hands." }), ApiTeam),
        ["api/withdraw"] = new(new("POST", "/api/v1/process-proposals/{id:int}/withdrawal"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/withdrawal", Method: HttpMethod.Post), ApiAuthor),
        ["api/merge"] = new(new("POST", "/api/v1/process-proposals/{id:int}/merge"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/merge", Method: HttpMethod.Post, Json: new { into = cast.OriginalId }), ApiTeam),
        ["edit"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Edit"),
            async (cast, i) => new(cast.Page(await cast.NewProposalAsync(), "Edit"), new() { ["editedTitle"] = $"Changed {i}", ["editedBody"] = "Changed." }), Author),
        ["invite"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Invite"),
            async (cast, i) => new(cast.Page(await cast.NewProposalAsync(), "Invite"), new() { ["email"] = $"friend{i}@example.org" }), Author),
        ["accept"] = new(new("POST", "/proposal-invitations/{token}"),
            async (cast, _) => new($"/proposal-invitations/{await cast.NewInvitationAsync()}"), Invitee),
        ["api/edit"] = new(new("PUT", "/api/v1/process-proposals/{id:int}"),
            async (cast, i) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}", Method: HttpMethod.Put, Json: new { title = $"API change {i}", body = "Changed." }), ApiAuthor),
        ["api/invite"] = new(new("POST", "/api/v1/process-proposals/{id:int}/co-authors"),
            async (cast, i) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/co-authors", Method: HttpMethod.Post, Json: new { email = $"api-friend{i}@example.org" }), ApiAuthor),
        ["image"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Image"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Image"), new() { ["NewImageAlt"] = "A sketch." }, File: ("NewImage", Cocreo.Web.Tests.Budgeting.TestImages.Png, "sketch.png")), Author),
        ["remove image"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "RemoveImage"),
            async (cast, _) => { var (proposal, image) = await cast.NewAttachmentAsync(document: false); return new(cast.Page(proposal, "RemoveImage") + "&imageId=" + image); }, Author),
        ["document"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "Document"),
            async (cast, _) => new(cast.Page(await cast.NewProposalAsync(), "Document"), new() { ["NewDocumentTitle"] = "Plan" }, File: ("NewDocument", AttachmentScenario.Pdf, "plan.pdf")), Author),
        ["remove document"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}", "RemoveDocument"),
            async (cast, _) => { var (proposal, document) = await cast.NewAttachmentAsync(document: true); return new(cast.Page(proposal, "RemoveDocument") + "&documentId=" + document); }, Author),
        ["api/image"] = new(new("POST", "/api/v1/process-proposals/{id:int}/images"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/images", new() { ["NewImageAlt"] = "A sketch." }, HttpMethod.Post,
                File: ("NewImage", Cocreo.Web.Tests.Budgeting.TestImages.Png, "sketch.png")), ApiAuthor),
        ["api/remove image"] = new(new("DELETE", "/api/v1/process-proposals/{id:int}/images/{imageId:int}"),
            async (cast, _) => { var (proposal, image) = await cast.NewAttachmentAsync(document: false); return new($"/api/v1/process-proposals/{proposal}/images/{image}", Method: HttpMethod.Delete); }, ApiAuthor),
        ["api/document"] = new(new("POST", "/api/v1/process-proposals/{id:int}/documents"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/documents", new() { ["NewDocumentTitle"] = "Plan" }, HttpMethod.Post,
                File: ("NewDocument", AttachmentScenario.Pdf, "plan.pdf")), ApiAuthor),
        ["api/remove document"] = new(new("DELETE", "/api/v1/process-proposals/{id:int}/documents/{documentId:int}"),
            async (cast, _) => { var (proposal, document) = await cast.NewAttachmentAsync(document: true); return new($"/api/v1/process-proposals/{proposal}/documents/{document}", Method: HttpMethod.Delete); }, ApiAuthor),
        ["translate"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}/translations"),
            async (cast, i) => new($"/processes/{cast.ProcessId}/proposals/{await cast.NewProposalAsync()}/translations",
                new() { ["language"] = "sl", ["Input.Title"] = $"Prevod {i}", ["Input.Body"] = "Zakaj." }), AuthorOrTeam),
        ["api/translate"] = new(new("PUT", "/api/v1/process-proposals/{id:int}/translations/{language}"),
            async (cast, i) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/translations/sl", Method: HttpMethod.Put,
                Json: new { title = $"Prevod {i}", body = "Zakaj." }), ApiAuthorOrTeam),
        ["place"] = new(new("POST", "/processes/{processId:int}/proposals/{id:int}/place"),
            async (cast, _) => new($"/processes/{cast.ProcessId}/proposals/{await cast.NewProposalAsync()}/place",
                new() { ["Input.Latitude"] = "46.05108", ["Input.Longitude"] = "14.50513" }), Author),
        ["api/place"] = new(new("PUT", "/api/v1/process-proposals/{id:int}/place"),
            async (cast, _) => new($"/api/v1/process-proposals/{await cast.NewProposalAsync()}/place", Method: HttpMethod.Put,
                Json: new { latitude = 46.05108, longitude = 14.50513 }), ApiAuthor),
        ["api/accept"] = new(new("POST", "/api/v1/proposal-invitations/{token}/acceptance"),
            async (cast, _) => new($"/api/v1/proposal-invitations/{await cast.NewInvitationAsync()}/acceptance", Method: HttpMethod.Post), ApiInvitee),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await Cast.CreateAsync(app);
        var people = cast.People;
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Attempt(cast, i);
            var state = row.State ?? (c => c.LogAsync());
            var before = await state(cast);
            var response = await SendAsync(clients[i], attempt);
            var after = await state(cast);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_private_process_s_proposals_do_not_exist_for_outsiders()
    {
        var cast = await Cast.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var process = await db.Set<Cocreo.Web.Features.Processes.Process>().SingleAsync(p => p.Id == cast.ProcessId);
            db.Entry(process).Property(p => p.Visibility).CurrentValue = Cocreo.Web.Features.Processes.ProcessVisibility.Private;
            await db.SaveChangesAsync();
        });
        var id = await cast.NewProposalAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await SendAsync(cast.People.OtherStaffClient, new(cast.Page(id, "Support")))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await cast.People.OtherStaffClient.Http.GetAsync($"/api/v1/processes/{cast.ProcessId}/proposals")).StatusCode);
        Assert.Equal(0, await ProposalScenario.SupportsAsync(app, id));
    }

    private static async Task<HttpResponseMessage> SendAsync(FormClient client, Attempt attempt)
    {
        if (attempt.File is { } file)
        {
            return await AttachmentScenario.PostFileAsync(client, attempt.Url, attempt.Fields ?? [], file.Field, file.Content, file.Name, api: attempt.Method is not null);
        }
        if (attempt.Method is { } method)
        {
            return await ProposalScenario.ApiAsync(client, method, attempt.Url, attempt.Json);
        }
        return await ProposalScenario.PostAsync(client, attempt.Url, attempt.Fields);
    }

    /// <summary>A process with proposals on, an original to merge into, and its people.</summary>
    private sealed record Cast(CocreoApp App, ProcessCast People, int OriginalId)
    {
        public int ProcessId => People.ProcessId;

        public static async Task<Cast> CreateAsync(CocreoApp app)
        {
            var people = await ProposalScenario.ProcessWithProposalsAsync(app);
            var original = await ProposalScenario.PutForwardAsync(people.OwnerClient, people.ProcessId, "The original");
            return new Cast(app, people, original);
        }

        public string Page(int proposalId, string handler) => $"/processes/{ProcessId}/proposals/{proposalId}?handler={handler}";

        /// <summary>The user id of the person at index <paramref name="i"/> of the roles (null: anonymous).</summary>
        public string? UserOf(int i) => i switch
        {
            1 => People.Participant.Id,
            2 => People.Facilitator.Id,
            3 => People.Owner.Id,
            4 => People.OtherStaff.Id,
            5 => People.Admin.Id,
            _ => null,
        };

        /// <summary>A new proposal by the participant (supported by someone, when given), straight into the database.</summary>
        public Task<int> NewProposalAsync(string? supportedBy = null) => App.WithDbAsync(async db =>
        {
            var settings = await db.Set<ProposalSettings>().SingleAsync(s => s.ProcessId == ProcessId);
            var proposal = Proposal.PutForward(ProcessId, settings, new ProcessProposalContent("Another idea " + Guid.NewGuid().ToString("N")[..6], "Why.", "", ""), People.Participant.Id, DateTime.UtcNow);
            db.Add(proposal);
            await db.SaveChangesAsync();
            if (supportedBy is not null)
            {
                db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = supportedBy });
                await db.SaveChangesAsync();
            }
            return proposal.Id;
        });

        /// <summary>A new proposal by the participant with a picture or a document, straight into the database; their ids.</summary>
        public async Task<(int Proposal, int Attachment)> NewAttachmentAsync(bool document)
        {
            var proposalId = await NewProposalAsync();
            return (proposalId, await AttachmentScenario.AttachAsync(App, proposalId, document));
        }

        /// <summary>A new proposal by the participant with an open invitation to write it together; the secret of its link.</summary>
        public async Task<string> NewInvitationAsync()
        {
            var proposalId = await NewProposalAsync();
            return await App.WithDbAsync(async db =>
            {
                var (invitation, token) = ProposalCoAuthor.Invite(proposalId, "someone@example.org", People.Participant.Id, DateTime.UtcNow);
                db.Add(invitation);
                await db.SaveChangesAsync();
                return token;
            });
        }

        public Task<string> LogAsync() => App.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == ProcessId).OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync()));
    }
}
