using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Cocreo.Web.Features.Commitments;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Proposals;
using static Cocreo.Web.Tests.Commitments.CommitmentScenario;

namespace Cocreo.Web.Tests.Commitments;

/// <summary>
/// Commitments in a process: made by the team with a staff taskholder or a unit, a deadline and milestones, shown in
/// public and through the API, logged without the taskholder's name; refused with the form kept for a deadline in the
/// past, a taskholder who is not staff and a status change without its reason; the taskholder says where it stands.
/// </summary>
public abstract class CommitmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_commitment_is_made_shown_in_public_and_logged_without_the_taskholder_s_name()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (stan, _) = await StaffMemberAsync(App, cast.OrganisationId, "Stanislava Taskholder");
        var id = await MakeAsync(cast.FacilitatorClient, cast.ProcessId, "Safe crossing at the school", stan.Id, new()
        {
            ["Input.BudgetLine"] = "Roads 2027, item 4.2",
            ["Input.BudgetAmount"] = "12000",
            ["Input.Milestones[0].Title"] = "Design approved",
            ["Input.Milestones[0].Date"] = Day(20),
        });

        var saved = (await FindAsync(App, id))!;
        Assert.Equal((CommitmentStatus.Planned, stan.Id, "Department of Roads", 12000m), (saved.Status, saved.TaskholderUserId, saved.Unit, saved.BudgetAmount));
        Assert.Equal(["Design approved"], saved.Milestones.Select(m => m.Title));

        // The process page links to the commitments; the list and the page show it to anyone.
        var processPage = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.Contains(processPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/processes/{cast.ProcessId}/commitments");
        var list = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/commitments");
        Assert.Contains("Safe crossing at the school", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stanislava Taskholder", list.Body!.TextContent, StringComparison.Ordinal);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/commitments/{id}");
        Assert.Equal("well", page.QuerySelector(".prose strong")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Status']"));

        var api = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/commitments");
        var document = api.EnumerateArray().Single();
        Assert.Equal("Stanislava Taskholder", document.GetProperty("taskholder").GetString());
        Assert.Equal(Day(60), document.GetProperty("deadline").GetString());

        var entry = Assert.Single(await LogAsync(App, cast.ProcessId, "commitment.made"));
        Assert.Contains("Safe crossing at the school", entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(stan.Id, entry.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Stanislava", entry.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_deadline_or_a_taskholder_who_is_not_staff_is_refused_with_the_form_kept()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);

        var past = Fields("Benches on the square", deadlineInDays: -2);
        var refused = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/commitments/new", past);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form = await FormClient.ParseAsync(refused);
        Assert.Contains("The deadline is in the past", form.QuerySelector(".error-summary, [role=alert]")?.TextContent ?? form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Benches on the square", form.QuerySelector("#Input_Title")!.GetAttribute("value"));

        // The participant is no staff of the organisation; another organisation's staff neither.
        foreach (var outsider in new[] { cast.Participant.Id, cast.OtherStaff.Id })
        {
            var fields = Fields("Benches on the square", taskholder: outsider);
            var (action, values) = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/commitments/new");
            foreach (var (key, value) in fields)
            {
                values[key] = value;
            }
            var notStaff = await cast.OwnerClient.PostAsync(action, values);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notStaff.StatusCode);
            Assert.Contains("must be a staff member", await notStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var api = await ProposalScenario.ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/commitments",
            new { title = "Benches", description = "Why.", taskholderUserId = cast.Participant.Id, deadline = Day(30) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Contains("taskholderUserId", await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(0, await CountAsync(App, cast.ProcessId));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "commitment.made"));
    }

    [Fact]
    public async Task The_taskholder_says_where_it_stands_and_delays_and_drops_need_their_reason()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (stan, stanClient) = await StaffMemberAsync(App, cast.OrganisationId);
        var id = await MakeAsync(cast.OwnerClient, cast.ProcessId, "Trees by the river", stan.Id);
        var page = $"/processes/{cast.ProcessId}/commitments/{id}";
        var before = (await FindAsync(App, id))!;

        // A delay without a reason or a new date: refused, the form kept, nothing changed.
        var noReason = await stanClient.SubmitAsync(page, new() { ["Status"] = "Delayed", ["NewDeadline"] = Day(90), ["Reason"] = "" }, handler: "Status");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(Day(90), (await FormClient.ParseAsync(noReason)).QuerySelector("#NewDeadline")!.GetAttribute("value"));
        var noDate = await ProposalScenario.ApiAsync(stanClient, HttpMethod.Post, $"/api/v1/commitments/{id}/status", new { status = "Delayed", reason = "Rain." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDate.StatusCode);
        var dropNoReason = await ProposalScenario.ApiAsync(stanClient, HttpMethod.Post, $"/api/v1/commitments/{id}/status", new { status = "Dropped" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dropNoReason.StatusCode);
        Assert.Equal(CommitmentStatus.Planned, (await FindAsync(App, id))!.Status);
        Assert.Empty(await LogAsync(App, cast.ProcessId, "commitment.status-changed"));

        // With them: the deadline moves, the first one is kept, the reason is public.
        var delayed = await stanClient.SubmitAsync(page, new() { ["Status"] = "Delayed", ["NewDeadline"] = Day(90), ["Reason"] = "The river flooded the site." }, handler: "Status");
        Assert.Equal(HttpStatusCode.Redirect, delayed.StatusCode);
        var now = (await FindAsync(App, id))!;
        Assert.Equal((CommitmentStatus.Delayed, before.Deadline.AddDays(30), before.Deadline), (now.Status, now.Deadline, now.OriginalDeadline));
        Assert.Contains("The river flooded the site.", (await cast.AnonymousClient.GetOkPageAsync(page)).QuerySelector("#commitment-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The river flooded the site.", Assert.Single(await LogAsync(App, cast.ProcessId, "commitment.status-changed")).Data, StringComparison.Ordinal);

        // The taskholder may say where it stands, but not rewrite it; a participant neither.
        var edit = await ProposalScenario.PostAsync(stanClient, page + "/edit", Fields("Rewritten"));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        var byParticipant = await ProposalScenario.ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/commitments/{id}/status", new { status = "Done" });
        Assert.Equal(HttpStatusCode.Forbidden, byParticipant.StatusCode);
        var done = await ProposalScenario.ApiAsync(stanClient, HttpMethod.Post, $"/api/v1/commitments/{id}/status", new { status = "Done" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal((CommitmentStatus.Done, ""), ((await FindAsync(App, id))!.Status, (await FindAsync(App, id))!.StatusReason));
        // The same again changes nothing and logs nothing.
        await ProposalScenario.ApiAsync(stanClient, HttpMethod.Post, $"/api/v1/commitments/{id}/status", new { status = "Done" });
        Assert.Equal(2, (await LogAsync(App, cast.ProcessId, "commitment.status-changed")).Count);
    }

    [Fact]
    public async Task Milestones_are_added_and_reached_and_an_edit_keeps_a_past_deadline_it_did_not_change()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await MakeAsync(cast.OwnerClient, cast.ProcessId, "A playground");
        var added = await ProposalScenario.ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/commitments/{id}/milestones", new { title = "Tender", date = Day(15) });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var milestone = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var missing = await ProposalScenario.ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/commitments/{id}/milestones", new { title = "No date" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var reached = await ProposalScenario.PostAsync(cast.FacilitatorClient, $"/processes/{cast.ProcessId}/commitments/{id}?handler=MarkMilestone&milestoneId={milestone}&done=true");
        Assert.Equal(HttpStatusCode.Redirect, reached.StatusCode);
        Assert.True(Assert.Single((await FindAsync(App, id))!.Milestones).Done);
        Assert.Single(await LogAsync(App, cast.ProcessId, "commitment.milestone-done"));

        // A deadline that has passed since stays when the rest is edited; moving it into the past is refused.
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Commitments\" SET \"Deadline\" = {DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5)} WHERE \"Id\" = {id}"));
        var edited = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/commitments/{id}/edit", new() { ["Input.Title"] = "A bigger playground" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("A bigger playground", (await FindAsync(App, id))!.Title);
        var moved = await cast.OwnerClient.SubmitAsync($"/processes/{cast.ProcessId}/commitments/{id}/edit", new() { ["Input.Deadline"] = Day(-3) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
    }
}

public sealed class CommitmentsOnSqlite(SqliteApp app) : CommitmentTests<SqliteApp>(app);

public sealed class CommitmentsOnPostgres(PostgresApp app) : CommitmentTests<PostgresApp>(app);
