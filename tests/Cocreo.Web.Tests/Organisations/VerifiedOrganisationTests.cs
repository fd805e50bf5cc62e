using System.Net;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Organisations;

/// <summary>
/// Verified organisations, on each database: one organisation per name (whatever its case, accents or spacing); an
/// unverified organisation's processes are reached only by their link, marked; a suspended one's are gone for the
/// public and frozen for its staff; only platform administrators decide, and each decision is in their log.
/// </summary>
public abstract class VerifiedOrganisationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private static string Tag() => "Kraj " + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> OrganisationFields(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = "Municipality",
        ["Input.Size"] = "Medium",
        ["Input.Country"] = "SI",
        ["Input.Languages"] = "sl, en",
    };

    private Task<int> CountAsync(string normalizedName) =>
        App.WithDbAsync(db => db.Set<Organisation>().CountAsync(o => o.NormalizedName == normalizedName));

    [Fact]
    public async Task A_second_organisation_with_the_same_name_is_refused_whatever_its_case_accents_or_spaces()
    {
        var tag = Tag();
        var real = await App.SignedInClientAsync(await App.CreateUserAsync("Real Official"));
        await Scenarios.CreateOrganisationAsync(real, $"Municipality of Novo Mesto {tag}");

        var impostor = await App.SignedInClientAsync(await App.CreateUserAsync("Impostor"));
        foreach (var copy in new[] { $"Municipality of Novo Mesto {tag}", $"municipality of novo  mesto {tag.ToLowerInvariant()}", $"  Municipality of Nôvo Mesto {tag} ", $"MUNICIPALITY OF NOVO MESTO {tag.ToUpperInvariant()}" })
        {
            var response = await impostor.SubmitAsync("/organisations/new", OrganisationFields(copy));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await FormClient.ParseAsync(response);
            Assert.Contains("already registered on the platform", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(copy, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Input.Name']")!).Value);
        }
        Assert.Equal(1, await CountAsync(OrganisationName.Normalize($"Municipality of Novo Mesto {tag}")));

        // Renaming another organisation to the name is refused the same way; keeping one's own name (in another case) is not.
        var own = await Scenarios.CreateOrganisationAsync(impostor, $"Municipality of Brezje {tag}");
        var rename = await impostor.SubmitAsync($"/organisations/{own}/edit", OrganisationFields($"Municipality of Novo Mesto {tag}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rename.StatusCode);
        Assert.Contains("already registered on the platform", (await FormClient.ParseAsync(rename)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var recase = await impostor.SubmitAsync($"/organisations/{own}/edit", OrganisationFields($"MUNICIPALITY of Brezje {tag}"));
        Assert.Equal(HttpStatusCode.Redirect, recase.StatusCode);
    }

    [Fact]
    public async Task Two_registrations_of_one_name_at_once_give_one_organisation_and_one_field_error()
    {
        var name = $"Municipality of Krško {Tag()}";
        var first = await App.SignedInClientAsync(await App.CreateUserAsync("First"));
        var second = await App.SignedInClientAsync(await App.CreateUserAsync("Second"));
        var forms = new[] { await first.ReadFormAsync("/organisations/new"), await second.ReadFormAsync("/organisations/new") };
        var clients = new[] { first, second };
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
        {
            var fields = forms[i].Fields;
            foreach (var (key, value) in OrganisationFields(i == 0 ? name : name.ToUpperInvariant()))
            {
                fields[key] = value;
            }
            return clients[i].PostAsync(forms[i].Action, fields);
        }));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await CountAsync(OrganisationName.Normalize(name)));
    }

    [Fact]
    public async Task An_unverified_organisations_process_is_not_listed_but_reachable_by_its_link_with_the_mark_until_verified()
    {
        var owner = await App.SignedInClientAsync(await App.CreateUserAsync("New Official"));
        var organisationId = await Scenarios.CreateOrganisationAsync(owner, $"Municipality of Novo Mesto {Tag()}");
        var title = $"Official consultation {Guid.NewGuid():N}";
        var processId = await Scenarios.CreateProcessAsync(owner, organisationId, Scenarios.ProcessFields(title));
        var anonymous = App.NewClient();

        Assert.DoesNotContain(title, await anonymous.Http.GetStringAsync("/processes"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.Http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.Http.GetStringAsync("/api/v1/processes"), StringComparison.Ordinal);
        var page = await anonymous.GetOkPageAsync($"/processes/{processId}");
        Assert.Contains(title, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not verified by the platform.", page.QuerySelector("#organisation-standing")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not verified by the platform.", (await owner.GetOkPageAsync($"/organisations/{organisationId}")).QuerySelector("#organisation-standing")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync($"/api/v1/processes/{processId}")).StatusCode);

        await Scenarios.VerifyOrganisationAsync(App, organisationId);

        Assert.Contains(title, await anonymous.Http.GetStringAsync("/processes"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.Http.GetStringAsync("/api/v1/processes"), StringComparison.Ordinal);
        Assert.Null((await anonymous.GetOkPageAsync($"/processes/{processId}")).QuerySelector("#organisation-standing"));
        Assert.Contains("Verified by the platform", (await owner.GetOkPageAsync($"/organisations/{organisationId}")).QuerySelector("#organisation-standing")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_organisations_process_is_gone_for_the_public_frozen_for_its_staff_and_seen_by_admins()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var journey = await JourneyMapping.Journeys.CreateAsync(cast.OwnerClient, cast.ProcessId);
        await Scenarios.VerifyOrganisationAsync(App, cast.OrganisationId);
        var title = (await App.WithDbAsync(db => db.Set<Process>().SingleAsync(p => p.Id == cast.ProcessId))).Title;
        var id = cast.ProcessId;

        var suspend = await Decide(cast.AdminClient, "Suspend", cast.OrganisationId, "Impersonates the Municipality of Novo Mesto (reported by its office).");
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);

        // The public, and participants who are not staff: it is gone.
        foreach (var client in new[] { cast.AnonymousClient, cast.ParticipantClient, cast.OtherStaffClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/processes/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/v1/processes/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/journeys/{journey}")).StatusCode);
        }
        Assert.DoesNotContain(title, await cast.AnonymousClient.Http.GetStringAsync("/processes"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await cast.AnonymousClient.Http.GetStringAsync("/api/v1/processes"), StringComparison.Ordinal);
        var leave = await cast.ParticipantClient.PostAsync($"/processes/{id}?handler=Leave", new() { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient) });
        Assert.Equal(HttpStatusCode.NotFound, leave.StatusCode);

        // Its staff read it, with the notice, and change nothing: the refusal says why.
        var staffPage = await cast.OwnerClient.GetOkPageAsync($"/processes/{id}");
        Assert.Contains("This organisation is suspended by the platform.", staffPage.QuerySelector("#organisation-standing")!.TextContent, StringComparison.Ordinal);
        var organisationPage = await cast.OwnerClient.GetOkPageAsync($"/organisations/{cast.OrganisationId}");
        Assert.Contains("Impersonates the Municipality of Novo Mesto", organisationPage.QuerySelector("#organisation-standing")!.TextContent, StringComparison.Ordinal);
        var logBefore = await LogLengthAsync(id);
        var refusals = new[]
        {
            await cast.OwnerClient.PostAsync($"/processes/{id}/edit", WithToken(Scenarios.ProcessFields("Renamed while suspended"), await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient))),
            await cast.FacilitatorClient.PostAsync($"/processes/{id}/announcements/new", WithToken(new() { ["Input.Title"] = "News", ["Input.Body"] = "Text", ["Input.SubmissionId"] = Guid.NewGuid().ToString() }, await Scenarios.AntiforgeryTokenAsync(cast.FacilitatorClient))),
            await cast.OwnerClient.PostAsync($"/organisations/{cast.OrganisationId}/processes/new", WithToken(Scenarios.ProcessFields("A new one"), await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient))),
            await cast.OwnerClient.PostAsync($"/organisations/{cast.OrganisationId}/edit", WithToken(OrganisationFields("Renamed"), await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient))),
            // A change of another capability, refused by the change runner's guard.
            await JourneyMapping.Journeys.PostAsync(cast.OwnerClient, $"/journeys/{journey}/edit", new Dictionary<string, string> { ["Input.ServiceName"] = "Renamed service", ["Input.ServiceDescription"] = "x" }),
            // Platform administrators too: a suspension is lifted first.
            await cast.AdminClient.PostAsync($"/processes/{id}/edit", WithToken(Scenarios.ProcessFields("Renamed by the admin"), await Scenarios.AntiforgeryTokenAsync(cast.AdminClient))),
        };
        foreach (var refusal in refusals)
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusal.StatusCode);
            Assert.Contains("This organisation is suspended by the platform.", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(logBefore, await LogLengthAsync(id));
        Assert.Equal(title, (await App.WithDbAsync(db => db.Set<Process>().SingleAsync(p => p.Id == id))).Title);
        Assert.Equal("Residential parking permit", (await App.WithDbAsync(db => db.Set<JourneyMap>().SingleAsync(m => m.Id == journey))).ServiceName);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Process>().CountAsync(p => p.OrganisationId == cast.OrganisationId)));

        // Platform administrators see it, and find it in their list under "suspended".
        Assert.Equal(HttpStatusCode.OK, (await cast.AdminClient.Http.GetAsync($"/processes/{id}")).StatusCode);
        var list = await cast.AdminClient.GetOkPageAsync("/admin/organisations?standing=Suspended");
        Assert.NotNull(list.QuerySelector($"#organisation-{cast.OrganisationId}"));

        // Reinstated, it is verified and listed again, and its staff work again.
        Assert.Equal(HttpStatusCode.Redirect, (await Decide(cast.AdminClient, "Reinstate", cast.OrganisationId, "The office confirmed the account is theirs.")).StatusCode);
        Assert.Contains(title, await cast.AnonymousClient.Http.GetStringAsync("/processes"), StringComparison.Ordinal);
        var edit = await cast.OwnerClient.SubmitAsync($"/processes/{id}/edit", Scenarios.ProcessFields("Renamed after reinstatement"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
    }

    [Fact]
    public async Task Each_decision_needs_a_reason_and_is_in_the_administrators_log()
    {
        var owner = await App.SignedInClientAsync(await App.CreateUserAsync("Logged Official"));
        var name = $"Municipality of Logatec {Tag()}";
        var organisationId = await Scenarios.CreateOrganisationAsync(owner, name);
        var admin = await App.CreateUserAsync("Admin Alja", platformAdmin: true);
        var adminClient = await App.SignedInClientAsync(admin);

        var noReason = await Decide(adminClient, "Verify", organisationId, "   ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("State the reason for the decision", (await FormClient.ParseAsync(noReason)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrganisationStanding.Unverified, await StandingAsync(organisationId));

        Assert.Equal(HttpStatusCode.Redirect, (await Decide(adminClient, "Verify", organisationId, "Checked the register of municipalities.")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Decide(adminClient, "Verify", organisationId, "Again.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Decide(adminClient, "Suspend", organisationId, "Phishing link in a process.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Decide(adminClient, "Reinstate", organisationId, "Link removed.")).StatusCode);
        Assert.Equal(OrganisationStanding.Verified, await StandingAsync(organisationId));

        var entries = await App.WithDbAsync(db => db.Set<AdministratorLogEntry>().Where(e => e.OrganisationId == organisationId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["organisation.verified", "organisation.suspended", "organisation.reinstated"], entries.Select(e => e.Action));
        Assert.Equal(["Checked the register of municipalities.", "Phishing link in a process.", "Link removed."], entries.Select(e => e.Reason));
        Assert.All(entries, e => Assert.Equal((admin.Id, "Admin Alja", name), (e.AdministratorId!, e.AdministratorName, e.OrganisationName)));

        var log = await adminClient.GetOkPageAsync("/admin/log");
        var rows = log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).Where(t => t.Contains(name, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Admin Alja", rows[0], StringComparison.Ordinal);
        Assert.Contains("Reinstated", rows[0], StringComparison.Ordinal);
        Assert.Contains("Phishing link in a process.", rows[1], StringComparison.Ordinal);

        // Only platform administrators read the log and the list.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/admin/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/admin/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.NewClient().Http.GetAsync("/admin/log")).StatusCode);
    }

    [Fact]
    public async Task The_administrators_list_filters_by_standing_searches_without_accents_and_counts()
    {
        var owner = await App.SignedInClientAsync(await App.CreateUserAsync("Listed Official"));
        var tag = Tag();
        var unverified = await Scenarios.CreateOrganisationAsync(owner, $"Občina Črnomelj {tag}");
        var verified = await Scenarios.CreateOrganisationAsync(owner, $"Občina Šentjur {tag}");
        await Scenarios.VerifyOrganisationAsync(App, verified);
        var admin = await App.SignedInClientAsync(await App.CreateUserAsync("Listing Admin", platformAdmin: true));

        var search = await admin.GetOkPageAsync($"/admin/organisations?q={Uri.EscapeDataString(tag.ToUpperInvariant())}");
        Assert.NotNull(search.QuerySelector($"#organisation-{unverified}"));
        Assert.NotNull(search.QuerySelector($"#organisation-{verified}"));
        Assert.Contains("2 organisations match.", search.Body!.TextContent, StringComparison.Ordinal);
        var withoutAccents = await admin.GetOkPageAsync($"/admin/organisations?q={Uri.EscapeDataString("CRNOMELJ  " + tag)}");
        Assert.NotNull(withoutAccents.QuerySelector($"#organisation-{unverified}"));
        Assert.Null(withoutAccents.QuerySelector($"#organisation-{verified}"));
        var onlyVerified = await admin.GetOkPageAsync($"/admin/organisations?standing=Verified&q={Uri.EscapeDataString(tag)}");
        Assert.Null(onlyVerified.QuerySelector($"#organisation-{unverified}"));
        Assert.NotNull(onlyVerified.QuerySelector($"#organisation-{verified}"));
        var counts = await App.WithDbAsync(db => db.Set<Organisation>().CountAsync(o => o.Standing == OrganisationStanding.Unverified));
        Assert.Contains($"{counts} not verified", search.Body!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> WithToken(Dictionary<string, string> fields, string token)
    {
        fields["__RequestVerificationToken"] = token;
        return fields;
    }

    private static async Task<HttpResponseMessage> Decide(FormClient client, string handler, int organisationId, string reason) =>
        await client.PostAsync($"/admin/organisations?handler={handler}", new()
        {
            ["organisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
            ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client),
        });

    private Task<OrganisationStanding> StandingAsync(int organisationId) =>
        App.WithDbAsync(db => db.Set<Organisation>().Where(o => o.Id == organisationId).Select(o => o.Standing).SingleAsync());

    private Task<int> LogLengthAsync(int processId) =>
        App.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().CountAsync(e => e.ProcessId == processId));
}

public sealed class VerifiedOrganisationsOnSqlite(SqliteApp app) : VerifiedOrganisationTests<SqliteApp>(app);

public sealed class VerifiedOrganisationsOnPostgres(PostgresApp app) : VerifiedOrganisationTests<PostgresApp>(app);
