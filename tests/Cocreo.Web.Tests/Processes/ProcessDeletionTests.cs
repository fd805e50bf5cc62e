using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Processes;

/// <summary>
/// Deleting a process (issue 15 item 5): its owner deletes one nobody has taken part in, after typing its title; it
/// leaves a tombstone (410 Gone with the date, out of lists, search and notifications) and its log ends with the
/// deletion and stays intact. Once people took part, deleting is refused with what to do instead (archive).
/// </summary>
public abstract class ProcessDeletionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_owner_deletes_a_process_nobody_took_part_in_and_it_is_gone_everywhere()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await Scenarios.VerifyOrganisationAsync(app, cast.OrganisationId);
        var title = $"Mistaken duplicate {Guid.NewGuid():N}";
        var processId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, Scenarios.ProcessFields(title));
        var url = $"/processes/{processId}";
        // The team's own setup is no input: an empty budget and an announcement.
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, processId);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync(url, [], handler: "Follow")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"{url}/announcements/new", new() { ["Input.Title"] = "Kick-off", ["Input.Body"] = "Monday." })).StatusCode);
        Assert.Equal([processId], await FoundAsync(cast.AnonymousClient, title));
        Assert.NotNull((await cast.OwnerClient.GetOkPageAsync(url)).QuerySelector("#delete-process"));
        Assert.Null((await cast.OtherStaffClient.GetOkPageAsync(url)).QuerySelector("#delete-process"));

        // Only its owner, and only with the title typed.
        var stranger = await cast.OtherStaffClient.PostAsync($"{url}/delete", new() { ["Confirm"] = title, ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.OtherStaffClient) });
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var mistyped = await cast.OwnerClient.SubmitAsync($"{url}/delete", new() { ["Confirm"] = "Mistaken" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mistyped.StatusCode);
        Assert.Contains("Type the process&#x27;s title exactly", await mistyped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await DeletedAtAsync(processId));

        var delete = await cast.OwnerClient.SubmitAsync($"{url}/delete", new() { ["Confirm"] = title.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.NotNull(await DeletedAtAsync(processId));
        var log = await app.WithDbAsync(async db => await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal("process.deleted", log[^1]);
        var verification = await app.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(processId));
        Assert.True(verification.IsIntact, verification.Describe());

        // Gone: the page says when and by whom, the API answers 410, lists and search leave it out.
        var gone = await cast.AnonymousClient.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("This process was deleted on", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await cast.OwnerClient.Http.GetAsync($"{url}/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/processes/{processId}")).StatusCode);
        Assert.DoesNotContain(title, await cast.AnonymousClient.Http.GetStringAsync("/processes"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await cast.OwnerClient.Http.GetStringAsync($"/organisations/{cast.OrganisationId}"), StringComparison.Ordinal);
        Assert.Empty(await FoundAsync(cast.AnonymousClient, title));
        Assert.Empty(await FoundAsync(cast.AdminClient, title));
        // Pages and endpoints under it say the same, not 404: its budgets, the toolkit's pages, the budget API.
        foreach (var under in new[] { $"/budgets/{budgetId}", $"/budgets/{budgetId}/results", $"{url}/budgets", $"{url}/journeys", $"/api/v1/budgets/{budgetId}", $"/api/v1/processes/{processId}/budgets" })
        {
            var answer = await cast.AnonymousClient.Http.GetAsync(under);
            Assert.True(answer.StatusCode == HttpStatusCode.Gone, $"{under}: {(int)answer.StatusCode}");
            Assert.Contains("This process was deleted on", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Gone, (await cast.OwnerClient.Http.GetAsync($"/budgets/{budgetId}/settings")).StatusCode);
        // Nothing more to do: a second attempt finds nothing to delete.
        Assert.Equal(HttpStatusCode.Gone, (await cast.OwnerClient.Http.GetAsync($"{url}/delete")).StatusCode);

        // The announcement logged before the deletion reaches nobody: the process is gone for its followers.
        await NotificationScenario.FanOutAsync(app);
        Assert.False(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.ProcessId == processId)));
        // And a notification made before the deletion, waiting for the daily digest, is not mailed.
        var mailed = await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Email.OutgoingEmail>().CountAsync(e => e.To == cast.OtherStaff.Email));
        await app.WithDbAsync(async db =>
        {
            db.Add(new Notification { UserId = cast.OtherStaff.Id, ProcessId = processId, Sequence = 1, Event = "process.closed", Link = url, CreatedAt = DateTime.UtcNow.AddHours(-1) });
            await db.SaveChangesAsync();
        });
        using (var scope = app.Services.CreateScope())
        {
            var now = DateTime.UtcNow;
            await scope.ServiceProvider.GetRequiredService<NotificationMail>().BuildDigestsAsync(EmailFrequency.Daily, now, now, CancellationToken.None);
        }
        Assert.Equal(mailed, await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Email.OutgoingEmail>().CountAsync(e => e.To == cast.OtherStaff.Email)));
        // Nor is it listed or counted as unread in the app.
        var inbox = await cast.OtherStaffClient.GetOkPageAsync("/notifications");
        Assert.DoesNotContain($"href=\"{url}\"", inbox.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(inbox.QuerySelector(".main-nav a[href='/notifications'] .badge"));
    }

    [Fact]
    public async Task A_process_people_took_part_in_is_not_deleted_and_the_owner_is_told_to_archive_it()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var (action, form) = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/delete");
        await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Benches by the river", 10_000m));
        var title = await app.WithDbAsync(db => db.Set<Process>().Where(p => p.Id == cast.ProcessId).Select(p => p.Title).SingleAsync());

        form["Confirm"] = title;
        var refused = await cast.OwnerClient.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Archive it instead", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await DeletedAtAsync(cast.ProcessId));
        Assert.NotNull((await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}/delete")).QuerySelector("#has-input"));
        // A facilitator does not delete either.
        var facilitator = await cast.FacilitatorClient.PostAsync($"/processes/{cast.ProcessId}/delete", new() { ["Confirm"] = title, ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.FacilitatorClient) });
        Assert.Equal(HttpStatusCode.Forbidden, facilitator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.Http.GetAsync($"/processes/{cast.ProcessId}")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_private_process_is_gone_for_its_people_and_unknown_to_others()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var fields = Scenarios.ProcessFields("Private mistake");
        fields["Input.Visibility"] = "Private";
        var processId = await Scenarios.CreateProcessAsync(cast.OwnerClient, cast.OrganisationId, fields);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, processId);

        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync($"/processes/{processId}/delete", new() { ["Confirm"] = "Private mistake" })).StatusCode);

        Assert.Equal(HttpStatusCode.Gone, (await cast.OwnerClient.Http.GetAsync($"/budgets/{budgetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/budgets/{budgetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/budgets/{budgetId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Gone, (await cast.OwnerClient.Http.GetAsync($"/processes/{processId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await cast.FacilitatorClient.Http.GetAsync($"/processes/{processId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/processes/{processId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/processes/{processId}")).StatusCode);
    }

    private Task<DateTime?> DeletedAtAsync(int processId) =>
        app.WithDbAsync(db => db.Set<Process>().IgnoreQueryFilters().Where(p => p.Id == processId).Select(p => p.DeletedAt).SingleAsync());

    private static async Task<List<int>> FoundAsync(FormClient client, string title)
    {
        var word = title.Split(' ')[^1];
        var response = await client.Http.GetAsync($"/api/v1/search?q={word}&type=Process");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => int.Parse(r.GetProperty("url").GetString()!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}

public sealed class ProcessDeletionOnSqlite(BudgetingSqliteApp app) : ProcessDeletionTests<BudgetingSqliteApp>(app);

public sealed class ProcessDeletionOnPostgres(BudgetingPostgresApp app) : ProcessDeletionTests<BudgetingPostgresApp>(app);
