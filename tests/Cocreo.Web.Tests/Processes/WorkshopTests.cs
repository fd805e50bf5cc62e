using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Processes;

/// <summary>The app with a registration limit of 60 an hour per address, so the 61st registration from one address is refused.</summary>
public sealed class WorkshopSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:RegistrationsPerHour"] = "60" };
}

public sealed class WorkshopPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:RegistrationsPerHour"] = "60" };
}

/// <summary>
/// Workshop mode (issue 15 item 9): a facilitator starts a session; people in one room (one address) register through
/// its code beyond the per-address limit, up to the session's cap, and join the process; the facilitator registers a
/// person directly and ends the session. An unknown, ended, expired or full code is refused with what to do; people
/// outside the team cannot run one; the log says what happened without personal data.
/// </summary>
public abstract class WorkshopTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task Sixty_one_people_on_one_address_register_through_the_code_and_the_limit_still_applies_without_it()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var participantsBefore = await ParticipantsAsync(cast.ProcessId);
        var start = await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/workshop", new() { ["Start.Hours"] = "2", ["Start.MaxPeople"] = "200" }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var code = await CodeAsync(cast.ProcessId);
        var page = await cast.FacilitatorClient.GetOkPageAsync($"/processes/{cast.ProcessId}/workshop");
        Assert.Contains($"{code[..4]}-{code[4..]}", page.QuerySelector(".workshop-code")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.qr-code"));

        var room = app.NewClientFrom("192.0.2.61");
        for (var person = 1; person <= 61; person++)
        {
            // The code typed by hand: case and the dash do not matter.
            var url = person == 1 ? $"/workshop/{code[..4].ToLowerInvariant()}-{code[4..]}" : $"/workshop/{code}";
            var response = await room.SubmitAsync(url, Registration($"Person {person}"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"person {person}: {(int)response.StatusCode}");
            Assert.Contains("you already take part in the process", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(participantsBefore + 61, await ParticipantsAsync(cast.ProcessId));
        Assert.Equal(61, await app.WithDbAsync(db => db.Set<WorkshopSession>().Where(s => s.Code == code).Select(s => s.Registered).SingleAsync()));
        // The usual page from the same address still has its whole allowance: the workshop did not use it, and it ends.
        var attempts = 0;
        HttpResponseMessage usual;
        do
        {
            usual = await room.SubmitAsync("/account/register", Registration($"Usual {++attempts}"));
        }
        while (usual.StatusCode != HttpStatusCode.TooManyRequests && attempts < 200);
        Assert.Equal(HttpStatusCode.TooManyRequests, usual.StatusCode);
        Assert.True(attempts > 60, $"refused after {attempts}");

        // The log: a session started, 61 participants joined; never a name, an address or the code.
        var entries = await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(entries, e => e.Action == "workshop.started" && e.ActorName == "Facilitator Fran");
        Assert.Equal(61, entries.Count(e => e.Action == "member.joined" && e.Data.Contains("workshop", StringComparison.Ordinal) && e.ActorName == null));
        Assert.DoesNotContain(entries, e => e.Data.Contains("example.org", StringComparison.Ordinal) || e.Data.Contains("Person ", StringComparison.Ordinal) || e.Data.Contains(code, StringComparison.Ordinal));
        var verification = await app.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(cast.ProcessId));
        Assert.True(verification.IsIntact, verification.Describe());
    }

    [Fact]
    public async Task Unknown_ended_expired_and_full_codes_are_refused_with_a_message_and_only_the_team_runs_a_workshop()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var url = $"/processes/{cast.ProcessId}/workshop";

        // Not the team: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.AdminClient.Http.GetAsync(url)).StatusCode);
        var participantStart = await cast.ParticipantClient.PostAsync($"{url}?handler=Start", new() { ["Start.Hours"] = "2", ["Start.MaxPeople"] = "20", ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient) });
        Assert.Equal(HttpStatusCode.Forbidden, participantStart.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<WorkshopSession>().AnyAsync(s => s.ProcessId == cast.ProcessId)));
        var tooLong = await cast.OwnerClient.SubmitAsync(url, new() { ["Start.Hours"] = "48", ["Start.MaxPeople"] = "20" }, handler: "Start");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("1 to 12 hours", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync(url, new() { ["Start.Hours"] = "2", ["Start.MaxPeople"] = "2" }, handler: "Start")).StatusCode);
        var code = await CodeAsync(cast.ProcessId);
        var visitor = app.NewClientFrom("192.0.2.70");

        // Tampered: one character changed.
        var tampered = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        await RefusedAsync(visitor, tampered, "There is no workshop session with this code");

        // The facilitator registers a person directly; the usual e-mail goes, and they take part.
        var direct = await cast.FacilitatorClient.SubmitAsync(url, new() { ["Person.DisplayName"] = "Walk-in Wanda", ["Person.Email"] = "wanda@example.org" }, handler: "Register");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        var wanda = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "wanda@example.org"));
        Assert.False(wanda.EmailConfirmed);
        Assert.Equal(ProcessRole.Participant, await app.WithDbAsync(db => db.Set<ProcessMember>().Where(m => m.ProcessId == cast.ProcessId && m.UserId == wanda.Id).Select(m => m.Role).SingleAsync()));

        // Full: the cap of 2 is reached by a second person.
        Assert.Equal(HttpStatusCode.OK, (await visitor.SubmitAsync($"/workshop/{code}", Registration("Second"))).StatusCode);
        await RefusedAsync(visitor, code, "This workshop session is full");

        // Ended by the team: refused.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync(url, [], handler: "End")).StatusCode);
        await RefusedAsync(visitor, code, "was ended by its facilitator");
        Assert.EndsWith("workshop.ended", string.Join(",", await app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync())), StringComparison.Ordinal);

        // Expired: past its hours.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync(url, new() { ["Start.Hours"] = "1", ["Start.MaxPeople"] = "50" }, handler: "Start")).StatusCode);
        var second = await CodeAsync(cast.ProcessId);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/workshop/{second}")).StatusCode);
        await app.WithDbAsync(db => db.Set<WorkshopSession>().Where(s => s.Code == second).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        await RefusedAsync(visitor, second, "has expired");
    }

    [Fact]
    public async Task Guessing_codes_is_limited_per_address_and_the_wait_matches_retry_after()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/workshop",
            new() { ["Start.Hours"] = "2", ["Start.MaxPeople"] = "50" }, handler: "Start")).StatusCode);
        var code = await CodeAsync(cast.ProcessId);
        var guesser = app.NewClientFrom("192.0.2.99");
        // A right code costs nothing.
        Assert.Equal(HttpStatusCode.OK, (await guesser.Http.GetAsync($"/workshop/{code}")).StatusCode);
        for (var guess = 0; guess < new Cocreo.Web.Platform.Security.RateLimitOptions().WrongWorkshopCodes; guess++)
        {
            var wrong = await guesser.Http.GetAsync($"/workshop/ZZZZ{guess:D4}");
            Assert.True(wrong.StatusCode == HttpStatusCode.UnprocessableEntity, $"guess {guess}: {(int)wrong.StatusCode}");
        }

        // Beyond the limit the address is refused whatever it sends, the right code too, and told how long to wait.
        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        var fields = Registration("Guesser");
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(guesser);
        foreach (var refused in new[] { await guesser.Http.GetAsync("/workshop/ZZZZ9999"), await guesser.Http.GetAsync($"/workshop/{code}"), await guesser.PostAsync($"/workshop/{code}", fields) })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var seconds = double.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 60, 15 * 60);
            var minutes = (int)Math.Ceiling(seconds / 60);
            Assert.Contains($"Too many wrong workshop codes from this network. Wait {minutes} minutes, or ask the facilitator for the code.",
                (await FormClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        }
        // In Slovenian too, with the same wait.
        var slovenian = await guesser.Http.GetAsync("/workshop/ZZZZ9999?culture=sl");
        Assert.Equal(HttpStatusCode.TooManyRequests, slovenian.StatusCode);
        var slMinutes = (int)Math.Ceiling(double.Parse(slovenian.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) / 60);
        var slText = (await FormClient.ParseAsync(slovenian)).Body!.TextContent;
        Assert.Contains("Iz tega omrežja je bilo vnesenih preveč napačnih kod delavnice.", slText, StringComparison.Ordinal);
        Assert.Contains($"Počakajte {slMinutes} minut", slText, StringComparison.Ordinal);
        Assert.Equal(users, await app.WithDbAsync(db => db.Users.CountAsync()));
        // Another address in the same moment joins with the code.
        Assert.Equal(HttpStatusCode.OK, (await app.NewClientFrom("192.0.2.100").SubmitAsync($"/workshop/{code}", Registration("Room member"))).StatusCode);
    }

    /// <summary>The code refused on the page and when posted, with the message, and nobody registered.</summary>
    private async Task RefusedAsync(FormClient client, string code, string message)
    {
        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        var page = await client.Http.GetAsync($"/workshop/{code}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains(message, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fields = Registration("Too late");
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        var post = await client.PostAsync($"/workshop/{code}", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains(message, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(users, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    private Task<string> CodeAsync(int processId) =>
        app.WithDbAsync(db => db.Set<WorkshopSession>().Where(s => s.ProcessId == processId).OrderByDescending(s => s.Id).Select(s => s.Code).FirstAsync());

    private Task<int> ParticipantsAsync(int processId) =>
        app.WithDbAsync(db => db.Set<ProcessMember>().CountAsync(m => m.ProcessId == processId && m.Role == ProcessRole.Participant));

    private static Dictionary<string, string> Registration(string name) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
    };
}

public sealed class WorkshopOnSqlite(WorkshopSqliteApp app) : WorkshopTests<WorkshopSqliteApp>(app);

public sealed class WorkshopOnPostgres(WorkshopPostgresApp app) : WorkshopTests<WorkshopPostgresApp>(app);
