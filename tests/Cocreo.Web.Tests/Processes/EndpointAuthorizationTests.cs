using System.Net;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Processes;

/// <summary>
/// Every state-changing endpoint of processes, organisations and the log, tried by every kind of person over HTTP,
/// one after the other on the same process: the answer (allowed, 403, sign in, 422) and the effect — an allowed
/// change is in the database and (for a process) in its log; a refused one changed nothing.
/// </summary>
public sealed class EndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    /// <summary>A row: where to post, what (per person, by their index in <see cref="Roles"/>), and how to see the effect.</summary>
    private sealed record Row(Endpoint Endpoint, Func<ProcessCast, int, App, Task<Dictionary<string, string>>> Fields, Func<ProcessCast, App, Task<string>> State, string[] Expected);

    /// <summary>What the rows need of the app.</summary>
    public sealed record App(SqliteApp Inner)
    {
        public Task<string> LogAsync(int processId) => Inner.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));

        public Task<string> QueryAsync(Func<Cocreo.Web.Data.CocreoDbContext, Task<string>> query) => Inner.WithDbAsync(query);
    }

    private static Task<Dictionary<string, string>> Fields(Dictionary<string, string> fields) => Task.FromResult(fields);

    private static Task<string> Log(ProcessCast cast, App app) => app.LogAsync(cast.ProcessId);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["process/edit"] = new(new("POST", "/processes/{id:int}/edit"),
            (_, i, _) => Fields(Scenarios.ProcessFields($"Edited title {i}")), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["process/phases Plan"] = new(new("POST", "/processes/{id:int}/phases", "Plan"),
            (_, i, _) => Fields(new()
            {
                ["Plans[0].Phase"] = "ProblemDefinition",
                ["Plans[0].PlannedStart"] = $"2027-01-0{i + 1}",
                ["Plans[0].PlannedEnd"] = "2027-02-01",
            }), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["process/phases Advance"] = new(new("POST", "/processes/{id:int}/phases", "Advance"),
            async (cast, _, app) => new() { ["from"] = await app.QueryAsync(async db => (await db.Set<Process>().SingleAsync(p => p.Id == cast.ProcessId)).CurrentPhase.ToString()) },
            Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        // The owner makes the participant an observer, the admin makes them a facilitator.
        ["process/members Role"] = new(new("POST", "/processes/{id:int}/members", "Role"),
            (cast, i, _) => Fields(new() { ["userId"] = cast.Participant.Id, ["role"] = i == 5 ? "Facilitator" : "Observer" }), Log,
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Changed]),
        // The owner adds the other organisation's staff member; adding them again changes nothing.
        ["process/members Add"] = new(new("POST", "/processes/{id:int}/members", "Add"),
            (cast, _, _) => Fields(new() { ["Add.Email"] = cast.OtherStaff.Email!, ["Add.Role"] = "Observer" }), Log,
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Unchanged]),
        ["process/announcements"] = new(new("POST", "/processes/{id:int}/announcements/new"),
            (_, i, _) => Fields(new() { ["Input.Title"] = $"News {i}", ["Input.Body"] = "Meeting on Monday.", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["process/translations"] = new(new("POST", "/processes/{id:int}/translations"),
            (_, i, _) => Fields(new() { ["language"] = "sl", ["Input.Title"] = $"Varnejša pot v šolo {i}" }), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        // Those who announce translate announcements (the row's announcement is the owner's).
        ["process/announcement translations"] = new(new("POST", "/processes/{id:int}/announcements/{announcementId:int}/translations"),
            (_, i, _) => Fields(new() { ["language"] = "sl", ["Input.Title"] = $"Novica {i}", ["Input.Body"] = "Sestanek v ponedeljek." }), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        // Reflections are the team's own words: the organisation's administrators and platform admins do not write them.
        ["process/reflections"] = new(new("POST", "/processes/{id:int}/reflections/new"),
            (_, i, _) => Fields(new() { ["Input.Kind"] = "Learning", ["Input.Text"] = $"We learnt to listen ({i}).", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }), Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Forbidden]),
        // Each attempt takes back a move the owner has just made (nothing happened since).
        ["process/phases Revert"] = new(new("POST", "/processes/{id:int}/phases", "Revert"),
            async (cast, _, app) =>
            {
                if (await app.QueryAsync(async db => (await db.Set<Process>().SingleAsync(p => p.Id == cast.ProcessId)).CurrentPhase.ToString()) == "ProblemDefinition")
                {
                    await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/phases", new() { ["from"] = "ProblemDefinition" }, handler: "Advance");
                }
                return new() { ["from"] = "SolutionDesign" };
            },
            Log,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        // The owner archives, the admin takes it out again; facilitators do not archive.
        ["process Archive"] = new(new("POST", "/processes/{id:int}", "Archive"),
            async (cast, _, app) => new() { ["archive"] = await app.QueryAsync(async db => (await db.Set<Process>().SingleAsync(p => p.Id == cast.ProcessId)).ArchivedAt == null ? "true" : "false") },
            Log,
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Changed]),
        // Only the owner deletes (nobody took part yet: the participant only joined); after that, it is gone (410) for everyone.
        ["process/delete"] = new(new("POST", "/processes/{id:int}/delete"),
            async (cast, _, app) => new() { ["Confirm"] = await app.QueryAsync(async db => (await db.Set<Process>().IgnoreQueryFilters().SingleAsync(p => p.Id == cast.ProcessId)).Title) },
            Log,
            [SignIn, Forbidden, Forbidden, Changed, "410", "410"]),
        // Workshop mode is the process team's (owner, facilitators); the owner finds the facilitator's session open.
        ["process/workshop Start"] = new(new("POST", "/processes/{id:int}/workshop", "Start"),
            (_, _, _) => Fields(new() { ["Start.Hours"] = "2", ["Start.MaxPeople"] = "50" }),
            Sessions,
            [SignIn, Forbidden, Changed, Unchanged, Forbidden, Forbidden]),
        ["process/workshop End"] = new(new("POST", "/processes/{id:int}/workshop", "End"),
            async (cast, _, app) =>
            {
                await WorkshopCodeAsync(cast, app);
                return new();
            },
            (cast, app) => app.QueryAsync(async db => (await db.Set<WorkshopSession>().CountAsync(s => s.ProcessId == cast.ProcessId && s.EndedAt != null)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [SignIn, Forbidden, Changed, Changed, Forbidden, Forbidden]),
        ["process/workshop Register"] = new(new("POST", "/processes/{id:int}/workshop", "Register"),
            async (cast, i, app) =>
            {
                await WorkshopCodeAsync(cast, app);
                return new() { ["Person.DisplayName"] = $"Walk-in {i}", ["Person.Email"] = $"walk-in-{i}-{Guid.NewGuid():N}@example.org" };
            },
            Participants,
            [SignIn, Forbidden, Changed, Changed, Forbidden, Forbidden]),
        // Whoever has the code registers (a new account each time) and joins.
        ["workshop/join"] = new(new("POST", "/workshop/{code?}"),
            (_, i, _) => Fields(new() { ["Input.DisplayName"] = $"Visitor {i}", ["Input.Email"] = $"visitor-{i}-{Guid.NewGuid():N}@example.org" }),
            Participants,
            [Changed, Changed, Changed, Changed, Changed, Changed]),
        // Members joining again change nothing.
        ["process/join"] = new(new("POST", "/processes/{id:int}", "Join"),
            (_, _, _) => Fields([]), Log,
            [SignIn, Unchanged, Unchanged, Unchanged, Changed, Changed]),
        // The owner is the only one: a process needs an owner, so the form says so and nothing changes.
        ["process/leave"] = new(new("POST", "/processes/{id:int}", "Leave"),
            (_, _, _) => Fields([]), Log,
            [SignIn, Changed, Changed, Invalid, Forbidden, Forbidden]),
        ["organisation/processes"] = new(new("POST", "/organisations/{organisationId:int}/processes/new"),
            (_, i, _) => Fields(WithSubmission(Scenarios.ProcessFields($"Another process {i}"))),
            (cast, app) => app.QueryAsync(async db => string.Join(",", await db.Set<Process>().Where(p => p.OrganisationId == cast.OrganisationId).Select(p => p.Title).OrderBy(t => t).ToListAsync())),
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["organisation/edit"] = new(new("POST", "/organisations/{id:int}/edit"),
            (_, i, _) => Fields(OrganisationFields($"Renamed Municipality {i}")),
            (cast, app) => app.QueryAsync(async db => (await db.Set<Organisation>().SingleAsync(o => o.Id == cast.OrganisationId)).Name),
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Changed]),
        ["organisation/invite"] = new(new("POST", "/organisations/{id:int}", "Invite"),
            (_, i, _) => Fields(new() { ["Invite.Email"] = $"new.colleague{i}@example.org", ["Invite.Role"] = "Staff" }),
            Invitations,
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Changed]),
        ["organisation/revoke"] = new(new("POST", "/organisations/{id:int}", "Revoke"),
            async (cast, i, app) => new() { ["invitationId"] = await InvitationAsync(cast, app, i) },
            Invitations,
            [SignIn, Forbidden, Forbidden, Changed, Forbidden, Changed]),
        // Whoever has the link accepts, signed in: the invitation is used and they join the staff.
        ["organisation/accept invitation"] = new(new("POST", "/invitations/{token}"),
            (_, _, _) => Fields([]),
            (cast, app) => app.QueryAsync(async db => string.Join(",", await db.Set<OrganisationInvitation>().Where(i => i.OrganisationId == cast.OrganisationId)
                .OrderBy(i => i.Id).Select(i => i.Email + (i.AcceptedAt == null ? "" : " accepted")).ToListAsync())),
            [SignIn, Changed, Changed, Changed, Changed, Changed]),
        ["organisations/new"] = new(new("POST", "/organisations/new"),
            (_, i, _) => Fields(WithSubmission(OrganisationFields($"New Municipality {Guid.NewGuid():N}"))),
            (_, app) => app.QueryAsync(async db => (await db.Set<Organisation>().CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [SignIn, Changed, Changed, Changed, Changed, Changed]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var context = new App(app);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var client = clients[i];
            var fields = await row.Fields(cast, i, context);
            fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
            var url = row.Endpoint.Route
                .Replace("{announcementId:int}", row.Endpoint.Route.Contains("{announcementId:int}", StringComparison.Ordinal) ? await AnnouncementAsync(cast, context) : "", StringComparison.Ordinal)
                .Replace("{token}", row.Endpoint.Route.Contains("{token}", StringComparison.Ordinal) ? await InvitationTokenAsync(cast, context, i) : "", StringComparison.Ordinal)
                .Replace("{code?}", row.Endpoint.Route.Contains("{code?}", StringComparison.Ordinal) ? await WorkshopCodeAsync(cast, context) : "", StringComparison.Ordinal)
                .Replace("{id:int}", (row.Endpoint.Route.StartsWith("/organisations", StringComparison.Ordinal) ? cast.OrganisationId : cast.ProcessId).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{organisationId:int}", cast.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var before = await row.State(cast, context);
            var response = await client.PostAsync(row.Endpoint.Handler.Length == 0 ? url : $"{url}?handler={row.Endpoint.Handler}", fields);
            var after = await row.State(cast, context);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private static Task<string> Sessions(ProcessCast cast, App app) => app.QueryAsync(async db =>
        (await db.Set<WorkshopSession>().CountAsync(s => s.ProcessId == cast.ProcessId)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Task<string> Participants(ProcessCast cast, App app) => app.QueryAsync(async db =>
        (await db.Set<ProcessMember>().CountAsync(m => m.ProcessId == cast.ProcessId && m.Role == ProcessRole.Participant)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The code of the process's open workshop session, started (in the database) when there is none.</summary>
    private static Task<string> WorkshopCodeAsync(ProcessCast cast, App app) => app.QueryAsync(async db =>
    {
        var now = DateTime.UtcNow;
        if (await db.Set<WorkshopSession>().Where(s => s.ProcessId == cast.ProcessId && s.EndedAt == null && s.ExpiresAt > now).Select(s => s.Code).FirstOrDefaultAsync() is { } open)
        {
            return open;
        }
        var session = WorkshopSession.Start(cast.ProcessId, now, 2, 200);
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Code;
    });

    /// <summary>The process's announcement, published by its owner the first time it is asked for.</summary>
    private static Task<string> AnnouncementAsync(ProcessCast cast, App app) => app.QueryAsync(async db =>
    {
        var existing = await db.Set<Announcement>().Where(a => a.ProcessId == cast.ProcessId).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (existing is null)
        {
            var announcement = new Announcement { ProcessId = cast.ProcessId, Title = "News", Body = "Meeting on Monday.", AuthorUserId = cast.Owner.Id, PublishedAt = DateTime.UtcNow };
            db.Add(announcement);
            await db.SaveChangesAsync();
            existing = announcement.Id;
        }
        return existing.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    private static Task<string> Invitations(ProcessCast cast, App app) => app.QueryAsync(async db =>
        string.Join(",", await db.Set<OrganisationInvitation>().Where(i => i.OrganisationId == cast.OrganisationId)
            .OrderBy(i => i.Id).Select(i => i.Email + (i.RevokedAt == null ? "" : " revoked")).ToListAsync()));

    /// <summary>An open invitation for each attempt (so an allowed revoke has one to withdraw).</summary>
    private static Task<string> InvitationAsync(ProcessCast cast, App app, int attempt) => app.QueryAsync(async db =>
    {
        var (invitation, _) = OrganisationInvitation.Create(cast.OrganisationId, $"to.revoke{attempt}@example.org", OrganisationRole.Staff, cast.Owner.Id, DateTime.UtcNow);
        db.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>A fresh invitation's secret token (only its hash is stored).</summary>
    private static Task<string> InvitationTokenAsync(ProcessCast cast, App app, int attempt) => app.QueryAsync(async db =>
    {
        var (invitation, token) = OrganisationInvitation.Create(cast.OrganisationId, $"invited{attempt}@example.org", OrganisationRole.Staff, cast.Owner.Id, DateTime.UtcNow);
        db.Add(invitation);
        await db.SaveChangesAsync();
        return token;
    });

    private static Dictionary<string, string> OrganisationFields(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = "Municipality",
        ["Input.Size"] = "Large",
        ["Input.Country"] = "SI",
        ["Input.Languages"] = "sl",
    };

    private static Dictionary<string, string> WithSubmission(Dictionary<string, string> fields)
    {
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        return fields;
    }
}
