using System.Net;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>
/// A refused toolkit change says the real reason — who may do it, or the state that stops it — on the error page or,
/// for what was sent, on the form it was sent with; never in the banner that announces successes; and changes nothing.
/// </summary>
public abstract class ToolkitRefusalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_platform_admin_is_told_that_only_staff_and_the_team_answer()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId, cast.ProcessId);

        var response = await PostAsync(cast.AdminClient, $"/assessments/{id}/answer", new() { [AnswerForm.FieldName(ToolkitScenarios.Ready.Questions[0].Id)] = "yes", ["go"] = "later" });

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "Only the organisation's staff and the process's team answer its assessments; platform administrators do not.");
        Assert.False(await App.WithDbAsync(db => db.Set<Respondent>().AnyAsync(r => r.AssessmentId == id)));
    }

    [Fact]
    public async Task Answers_sent_to_a_completed_assessment_are_refused_because_it_is_completed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, ToolkitScenarios.Ready, _ => "yes");
        await cast.OwnerClient.SubmitAsync($"/readiness/{id}", [], handler: "Complete");

        var response = await PostAsync(cast.FacilitatorClient, $"/assessments/{id}/answer", new() { [AnswerForm.FieldName(ToolkitScenarios.Ready.Questions[0].Id)] = "no", ["go"] = "finish" });

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "This assessment is completed: its answers can no longer change.");
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Respondent>().CountAsync(r => r.AssessmentId == id)));
    }

    [Fact]
    public async Task Completing_before_anyone_finished_is_refused_on_the_page_and_records_nothing()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId, cast.ProcessId);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, ToolkitScenarios.Ready, _ => "yes", finish: false);

        var response = await PostAsync(cast.OwnerClient, $"/readiness/{id}?handler=Complete", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Nobody has finished answering yet: finish your answers first.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[role=status]"));
        Assert.False(await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AnyAsync(a => a.Id == id && a.CompletedAt != null)));
        Assert.DoesNotContain("assessment.completed", await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task Adding_to_or_choosing_again_in_a_decided_comparison_is_refused_because_a_service_was_chosen()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var shortlist = Scenarios.IdFrom(await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Decided", cast.ProcessId), "/service-selection/");
        await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlist}", new() { ["Candidate.Name"] = "City library" }, handler: "Add");
        var service = await App.WithDbAsync(db => db.Set<ShortlistedService>().AsNoTracking().SingleAsync(s => s.ShortlistId == shortlist));
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, service.AssessmentId, ToolkitScenarios.Serve, _ => "yes");
        var serviceId = service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlist}", new() { ["Choice.ServiceId"] = serviceId }, handler: "Choose");
        var log = await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId);

        var choose = await PostAsync(cast.FacilitatorClient, $"/service-selection/{shortlist}?handler=Choose", new() { ["Choice.ServiceId"] = serviceId });
        var add = await PostAsync(cast.FacilitatorClient, $"/service-selection/{shortlist}?handler=Add", new() { ["Candidate.Name"] = "Too late" });

        await AssertRefusedAsync(choose, HttpStatusCode.Forbidden, "A service has already been chosen in this comparison.");
        await AssertRefusedAsync(add, HttpStatusCode.Forbidden, "A service has already been chosen in this comparison.");
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ShortlistedService>().CountAsync(s => s.ShortlistId == shortlist)));
        Assert.Equal(log, await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId));
    }

    [Fact]
    public async Task Opening_a_link_of_a_completed_survey_is_refused_because_it_is_completed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var survey = Scenarios.IdFrom(await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "process-quality", "Done", cast.ProcessId), "/process-quality/");
        await cast.OwnerClient.SubmitAsync($"/process-quality/{survey}", [], handler: "Complete");

        var response = await PostAsync(cast.OwnerClient, $"/process-quality/{survey}?handler=OpenLink", []);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "This assessment is completed: its answers can no longer change.");
        Assert.False(await App.WithDbAsync(db => db.Set<ResponseLink>().AnyAsync(l => l.AssessmentId == survey)));
    }

    [Fact]
    public async Task Starting_for_another_organisations_process_is_refused_on_the_form_with_what_was_typed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var other = await App.WithDbAsync(db => db.Set<Features.Organisations.Organisation>().Where(o => o.Members.Any(m => m.UserId == cast.OtherStaff.Id)).Select(o => o.Id).FirstAsync());
        var elsewhere = await Scenarios.CreateProcessAsync(cast.OtherStaffClient, other);

        var response = await cast.OwnerClient.SubmitAsync($"/organisations/{cast.OrganisationId}/readiness", new()
        {
            ["Start.Title"] = "Borrowed process",
            ["Start.ProcessId"] = elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("Choose one of your organisation's processes, or none.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Start_ProcessId", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Borrowed process", page.QuerySelector("input[name='Start.Title']")?.GetAttribute("value"));
        Assert.False(await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AnyAsync(a => a.OrganisationId == cast.OrganisationId)));
        Assert.DoesNotContain("assessment.started", await ToolkitScenarios.LogActionsAsync(App, elsewhere));
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }

    /// <summary>Refused with <paramref name="status"/>: the page says <paramref name="reason"/>, and no success is announced.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(reason, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[role=status]"));
    }
}

public sealed class ToolkitRefusalsOnSqlite(SqliteApp app) : ToolkitRefusalTests<SqliteApp>(app);

public sealed class ToolkitRefusalsOnPostgres(PostgresApp app) : ToolkitRefusalTests<PostgresApp>(app);
