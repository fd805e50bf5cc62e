using Microsoft.Extensions.DependencyInjection;
using Cocreo.Web.Platform.Log;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Processes;

/// <summary>A process from start to close, on each database.</summary>
public abstract class ProcessLifecycleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_process_goes_through_the_policy_cycle_and_its_log_records_every_step()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = cast.ProcessId;

        var plan = await cast.OwnerClient.SubmitAsync($"/processes/{id}/phases", new()
        {
            ["Plans[1].PlannedStart"] = "2027-01-10",
            ["Plans[1].PlannedEnd"] = "2027-03-01",
        }, handler: "Plan");
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);

        for (var i = 0; i < 4; i++)
        {
            var advance = await cast.FacilitatorClient.SubmitAsync($"/processes/{id}/phases", [], handler: "Advance");
            Assert.Equal(HttpStatusCode.Redirect, advance.StatusCode);
        }

        var process = await App.WithDbAsync(db => db.Set<Process>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.True(process.IsClosed);
        Assert.Equal(new DateOnly(2027, 1, 10), process.Phases.Single(p => p.Phase == PolicyPhase.SolutionDesign).PlannedStart);

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/log");
        Assert.True(log.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        var actions = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(
            ["process.created", "member.role-changed", "member.joined", "phase.planned", "phase.advanced", "phase.advanced", "phase.advanced", "process.closed"],
            actions);
        var joined = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "member.joined");
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("actorName").ValueKind);
        Assert.Equal("participant", joined.GetProperty("actorRole").GetString());
        Assert.DoesNotContain("Participant Pia", log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_shows_scope_sponsor_and_phase_without_an_account()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        var text = page.Body!.TextContent;
        Assert.Contains("Where crossings go", text, StringComparison.Ordinal);
        Assert.Contains("The school's location", text, StringComparison.Ordinal);
        Assert.Contains("Ana Kovač", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("li[aria-current=step]"));
        Assert.Contains("Sign in to take part", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_errors_keeps_what_was_typed_and_names_each_field()
    {
        var owner = await App.CreateUserAsync("Owner");
        var client = await App.SignedInClientAsync(owner);
        var organisationId = await Scenarios.CreateOrganisationAsync(client);
        var fields = Scenarios.ProcessFields("");
        fields["Input.CanInfluence"] = "";
        var response = await client.SubmitAsync($"/organisations/{organisationId}/processes/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var summaryLinks = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Title", summaryLinks);
        Assert.Contains("#Input_CanInfluence", summaryLinks);
        Assert.Equal("true", page.GetElementById("Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Children say the walk to school is dangerous.", page.GetElementById("Input_ProblemStatement")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Process>().CountAsync(p => p.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task A_double_submitted_form_creates_one_process()
    {
        var owner = await App.CreateUserAsync("Owner");
        var client = await App.SignedInClientAsync(owner);
        var organisationId = await Scenarios.CreateOrganisationAsync(client);
        var (action, fields) = await client.ReadFormAsync($"/organisations/{organisationId}/processes/new");
        foreach (var (key, value) in Scenarios.ProcessFields("Submitted twice"))
        {
            fields[key] = value;
        }

        var first = await client.PostAsync(action, fields);
        var again = await client.PostAsync(action, fields);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync(action, fields)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.All(parallel.Append(again), r => Assert.Equal(first.Headers.Location, r.Headers.Location));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Process>().CountAsync(p => p.Title == "Submitted twice" && p.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task Many_people_joining_at_once_all_get_in_and_the_log_stays_a_chain()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var people = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => App.CreateUserAsync($"Citizen {i}")));
        var clients = new List<FormClient>();
        foreach (var person in people)
        {
            clients.Add(await App.SignedInClientAsync(person));
        }
        var forms = await Task.WhenAll(clients.Select(c => c.ReadFormAsync($"/processes/{cast.ProcessId}", "Join")));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(forms[i].Action, forms[i].Fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var count = await App.WithDbAsync(db => db.Set<ProcessMember>().CountAsync(m => m.ProcessId == cast.ProcessId && m.Role == ProcessRole.Participant));
        Assert.Equal(13, count);
        var verification = await App.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(cast.ProcessId));
        Assert.True(verification.IsIntact, verification.Describe());
        Assert.Equal(3 + 12, verification.Length);
    }

    [Fact]
    public async Task An_announcement_is_emailed_to_members_who_want_e_mails_at_once_and_waits_for_the_others_digest()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync("/account", new() { ["email"] = "Immediately" }, "Email")).StatusCode);
        var published = await cast.FacilitatorClient.SubmitAsync($"/processes/{cast.ProcessId}/announcements/new", new()
        {
            ["Input.Title"] = "Workshop moved to Thursday",
            ["Input.Body"] = "Same place, **6 pm**.",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Features.Notifications.NotificationFanOut>().RunAsync(CancellationToken.None);
        }

        var queued = await App.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Email.OutgoingEmail>().Where(e => e.Subject.Contains("Workshop moved")).Select(e => e.To).ToListAsync());
        Assert.Contains(cast.Participant.Email!, queued);
        // The owner left the default, a daily digest: it waits for it.
        Assert.DoesNotContain(cast.Owner.Email!, queued);

        var delivered = false;
        for (var i = 0; i < 100 && !delivered; i++)
        {
            await Task.Delay(100);
            delivered = Directory.Exists(App.MailFolder) && Directory.GetFiles(App.MailFolder, "*.eml")
                .Select(f => MimeKit.MimeMessage.Load(f))
                .Any(m => (m.Subject ?? "").Contains("Workshop moved to Thursday", StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == cast.Participant.Email));
        }
        Assert.True(delivered, "the participant's email was not sent from the outbox");
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.Contains("Workshop moved to Thursday", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_get_a_not_found_page_and_the_api_a_problem()
    {
        var client = App.NewClient();
        var page = await client.Http.GetAsync("/processes/987654");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.Http.GetAsync("/api/v1/processes/987654");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_private_process_is_hidden_from_people_outside_it()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var fields = Scenarios.ProcessFields("Private planning");
        fields["Input.Visibility"] = "Private";
        var privateId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, fields);

        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/processes/{privateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/processes/{privateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/processes/{privateId}/log")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.FacilitatorClient.Http.GetAsync($"/processes/{privateId}")).StatusCode);
        var list = await cast.AnonymousClient.Http.GetStringAsync("/api/v1/processes");
        Assert.DoesNotContain("Private planning", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_markdown_is_shown_without_script()
    {
        var owner = await App.CreateUserAsync("Owner");
        var client = await App.SignedInClientAsync(owner);
        var organisationId = await Scenarios.CreateOrganisationAsync(client);
        var fields = Scenarios.ProcessFields("Markdown");
        fields["Input.ProblemStatement"] = "**Bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>";
        var id = await Scenarios.CreateProcessAsync(client, organisationId, fields);

        var page = await client.GetOkPageAsync($"/processes/{id}");
        var prose = page.QuerySelector(".prose")!;
        Assert.NotNull(prose.QuerySelector("strong"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(prose.QuerySelectorAll("img, script"));
        Assert.All(prose.QuerySelectorAll("*"), element => Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(prose.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? "", StringComparison.Ordinal));
    }
}

public sealed class ProcessLifecycleOnSqlite(SqliteApp app) : ProcessLifecycleTests<SqliteApp>(app);

public sealed class ProcessLifecycleOnPostgres(PostgresApp app) : ProcessLifecycleTests<PostgresApp>(app);
