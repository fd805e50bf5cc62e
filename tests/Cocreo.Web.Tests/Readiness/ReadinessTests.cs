using Cocreo.Web.Platform.Log;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Readiness;

/// <summary>Co-Ready end to end, on each database: answering, resuming, scoring, several respondents, completion, benchmark, exports.</summary>
public abstract class ReadinessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly Instrument Ready = ToolkitScenarios.Ready;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_partly_answered_assessment_is_saved_and_resumes_where_it_was_left()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        var first = AssessmentInstruments.Sections(Ready)[0];
        var answered = first.QuestionsFor(null).Take(4).ToList();

        var save = await cast.OwnerClient.SubmitAsync($"/assessments/{id}/answer/{first.Id}", new()
        {
            [AnswerForm.FieldName(answered[0].Id)] = "yes",
            [AnswerForm.FieldName(answered[1].Id)] = "no",
            [AnswerForm.FieldName(answered[2].Id)] = "yes",
            [AnswerForm.FieldName(answered[3].Id)] = "yes",
            ["go"] = "later",
        });
        Assert.Equal($"/readiness/{id}", save.Headers.Location?.OriginalString);

        var resumed = await cast.OwnerClient.GetOkPageAsync($"/assessments/{id}/answer");
        Assert.Equal("yes", resumed.QuerySelector($"input[name='{AnswerForm.FieldName(answered[0].Id)}'][checked]")?.GetAttribute("value"));
        Assert.Equal("no", resumed.QuerySelector($"input[name='{AnswerForm.FieldName(answered[1].Id)}'][checked]")?.GetAttribute("value"));
        Assert.Equal("", resumed.QuerySelector($"input[name='{AnswerForm.FieldName(first.QuestionsFor(null).Last().Id)}'][checked]")?.GetAttribute("value"));
        Assert.Contains($"You have answered 4 of {Ready.Questions.Count} questions.", resumed.GetElementById("progress")!.TextContent, StringComparison.Ordinal);
        var unfinished = await cast.OwnerClient.GetOkPageAsync($"/readiness/{id}");
        Assert.Contains("nobody has finished answering", unfinished.Body!.TextContent, StringComparison.Ordinal);

        // Taking an answer back leaves the question unanswered, not "no".
        await cast.OwnerClient.SubmitAsync($"/assessments/{id}/answer/{first.Id}", new() { [AnswerForm.FieldName(answered[1].Id)] = "", ["go"] = "save" });
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, q => answered.Contains(q) || first.QuestionsFor(null).Contains(q) ? null : "yes");

        var respondent = await App.WithDbAsync(db => db.Set<Respondent>().Include(r => r.Answers).SingleAsync(r => r.AssessmentId == id));
        Assert.True(respondent.IsFinished);
        Assert.Null(respondent.AnswerTo(answered[1].Id));
        Assert.Equal("yes", respondent.AnswerTo(answered[0].Id));
        Assert.Equal(Ready.Questions.Count - first.QuestionsFor(null).Count() + 3, respondent.Answers.Count);
    }

    [Fact]
    public async Task The_result_page_shows_the_engines_score_with_radar_table_and_roadmap()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        var weak = Ready.Node("internal-co-creators").Children.SelectMany(a => a.Questions).Select(q => q.Id).Take(6).ToArray();
        var answer = ToolkitScenarios.FavourableExcept(Ready, weak);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, answer);

        var expected = AssessmentEvaluator.Evaluate(Ready, new AnswerSheet(Ready.Id, Ready.Version, Ready.Questions.ToDictionary(q => q.Id, q => answer(q)!)));
        var roadmap = Roadmap.For(expected, Ready, System.Globalization.CultureInfo.GetCultureInfo("en"));
        var page = await cast.OwnerClient.GetOkPageAsync($"/readiness/{id}");

        var overall = page.QuerySelector(".overall")!.TextContent;
        Assert.Contains(Ready.LevelNames[expected.Overall.Level!.Value].En, overall, StringComparison.Ordinal);
        var radar = page.QuerySelector("svg#readiness-radar")!;
        Assert.Equal("img", radar.GetAttribute("role"));
        Assert.NotNull(radar.QuerySelector("title"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        // The radar's own data table (scores) shares the caption; the table beside it gives the levels.
        Assert.Equal(3, page.QuerySelectorAll("svg#readiness-radar ~ details table.chart-table tbody tr").Length);
        var rows = page.QuerySelectorAll("table:not(.chart-table)").First(t => t.QuerySelector("caption")?.TextContent == "Readiness per category").QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        var capacity = expected.Node("internal-co-creators");
        Assert.Contains(Ready.LevelNames[capacity.Level!.Value].En, rows[1].TextContent, StringComparison.Ordinal);
        var steps = page.QuerySelectorAll(".roadmap > li");
        Assert.Equal(roadmap.Steps.Count, steps.Length);
        Assert.NotEmpty(steps);
        Assert.Contains(roadmap.Steps[0].Attribute, steps[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(roadmap.Steps[0].Actions[0], steps[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Good practice", steps[0].TextContent, StringComparison.Ordinal);

        // Summary first: the verdict, the respondents and where to start come before everything else; the long
        // sections (roadmap, every attribute) are folded in <details> with their headings outside.
        var summary = page.QuerySelector("main section")!;
        Assert.Equal("summary", summary.Id);
        Assert.Contains(Ready.LevelNames[expected.Overall.Level!.Value].En, summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Based on the answers of 1 person.", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Start with: {roadmap.Steps[0].Attribute}.", summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=roadmap-title] > details.long-section:not([open]) > summary + ol.roadmap"));
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=attributes-title] > details.long-section:not([open]) table"));
    }

    [Fact]
    public async Task Several_respondents_are_consolidated_and_where_they_disagree_is_shown()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var third = await App.CreateUserAsync("Third Tina");
        await ToolkitScenarios.AddStaffAsync(App, cast.OrganisationId, third.Id);
        var thirdClient = await App.SignedInClientAsync(third);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        var disputed = Ready.Questions[0].Id;

        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, q => "yes");
        await ToolkitScenarios.AnswerAsync(cast.FacilitatorClient, id, Ready, q => q.Id == disputed ? "no" : "yes");
        await ToolkitScenarios.AnswerAsync(thirdClient, id, Ready, q => q.Id == disputed ? "no" : "yes", finish: false);

        var page = await cast.FacilitatorClient.GetOkPageAsync($"/readiness/{id}");
        var text = page.Body!.TextContent;
        Assert.Contains("2 finished, 1 still answering", text, StringComparison.Ordinal);
        Assert.Contains("2 people answered", text, StringComparison.Ordinal);
        var disagreements = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent == "Questions you disagree on, the most divided first");
        var row = Assert.Single(disagreements.QuerySelectorAll("tbody tr"));
        Assert.Contains(Ready.Question(disputed).Text.En, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes: 1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("No: 1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("tie", row.TextContent, StringComparison.Ordinal);

        // The third respondent finishes: two say "no", so "no" counts.
        await ToolkitScenarios.AnswerAsync(thirdClient, id, Ready, q => q.Id == disputed ? "no" : "yes");
        var export = await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}/result.json");
        var spread = export.GetProperty("spread").GetProperty("spread").EnumerateArray().Single(s => s.GetProperty("questionId").GetString() == disputed);
        Assert.Equal("no", spread.GetProperty("consolidated").GetString());
        Assert.Equal(3, export.GetProperty("spread").GetProperty("respondents").GetInt32());
        Assert.Equal("no", export.GetProperty("result").GetProperty("answers").GetProperty("answers").GetProperty(disputed).GetString());
    }

    [Fact]
    public async Task Completing_records_the_result_appends_to_the_process_log_and_closes_answering()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId, cast.ProcessId);
        await ToolkitScenarios.AnswerAsync(cast.FacilitatorClient, id, Ready, q => "yes");

        var complete = await cast.OwnerClient.SubmitAsync($"/readiness/{id}", [], handler: "Complete");
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);

        var assessment = await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.True(assessment.IsCompleted);
        var recorded = AssessmentJson.ReadResult(assessment.ResultJson!, "recorded");
        Assert.Equal(("co-ready", Ready.Version), (recorded.InstrumentId, recorded.InstrumentVersion));
        Assert.Equal(Level.High, recorded.Overall.Level);
        var actions = await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId);
        Assert.Equal(["assessment.started", "assessment.completed"], actions.Where(a => a.StartsWith("assessment.", StringComparison.Ordinal)));
        var verification = await App.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(cast.ProcessId));
        Assert.True(verification.IsIntact, verification.Describe());

        // Answers can no longer change: the answering page says why, and a post changes nothing.
        var answerPage = await cast.FacilitatorClient.Http.GetAsync($"/assessments/{id}/answer");
        Assert.Equal(HttpStatusCode.Forbidden, answerPage.StatusCode);
        Assert.Contains("This assessment is completed: its answers can no longer change.", (await FormClient.ParseAsync(answerPage)).Body!.TextContent, StringComparison.Ordinal);
        var token = await Scenarios.AntiforgeryTokenAsync(cast.FacilitatorClient);
        var late = await cast.FacilitatorClient.PostAsync($"/assessments/{id}/answer", new() { ["__RequestVerificationToken"] = token, [AnswerForm.FieldName(Ready.Questions[0].Id)] = "no", ["go"] = "finish" });
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        var answer = await App.WithDbAsync(db => db.Set<GivenAnswer>().AsNoTracking().SingleAsync(a => a.QuestionId == Ready.Questions[0].Id && db.Set<Respondent>().Any(r => r.Id == a.RespondentId && r.AssessmentId == id)));
        Assert.Equal("yes", answer.OptionId);
    }

    [Fact]
    public async Task The_benchmark_stays_hidden_below_five_peers_and_appears_with_five()
    {
        var official = await App.CreateUserAsync("Benchmark Berta");
        var client = await App.SignedInClientAsync(official);
        // A type and size band no other test uses, so peers are exactly the ones made here.
        async Task<int> CompletedAgencyAsync(string name, Func<Question, string?> answer)
        {
            var organisationId = await CreateOrganisationAsync(client, name, "Agency", "VeryLarge");
            var id = await ToolkitScenarios.StartReadinessAsync(client, organisationId);
            await ToolkitScenarios.AnswerAsync(client, id, Ready, answer);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/readiness/{id}", [], handler: "Complete")).StatusCode);
            return id;
        }
        var subject = await CompletedAgencyAsync("Agency under study", ToolkitScenarios.FavourableExcept(Ready, [.. Ready.Node("context").Children.SelectMany(c => c.Questions).Select(q => q.Id)]));
        for (var i = 0; i < 4; i++)
        {
            await CompletedAgencyAsync($"Peer agency {i}", q => i % 2 == 0 ? "no" : "yes");
        }
        // An organisation of another size band is no peer.
        var otherBand = await CreateOrganisationAsync(client, "Small agency", "Agency", "Small");
        var other = await ToolkitScenarios.StartReadinessAsync(client, otherBand);
        await ToolkitScenarios.AnswerAsync(client, other, Ready, q => "no");
        await client.SubmitAsync($"/readiness/{other}", [], handler: "Complete");

        var hidden = await client.GetOkPageAsync($"/readiness/{subject}");
        var section = hidden.QuerySelector("section[aria-labelledby=benchmark-title]")!;
        Assert.Contains("Not shown yet", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("(now 4)", section.TextContent, StringComparison.Ordinal);
        Assert.Null(section.QuerySelector("table"));
        Assert.Contains("Self-assessments are not audits", section.TextContent, StringComparison.Ordinal);

        await CompletedAgencyAsync("Peer agency 4", q => "no");
        var shown = await client.GetOkPageAsync($"/readiness/{subject}");
        section = shown.QuerySelector("section[aria-labelledby=benchmark-title]")!;
        var rows = section.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        // Capacity is all "yes": above the two all-yes peers' ties and the three all-no peers.
        Assert.Contains("3 below, 2 level, 0 above", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("top quarter", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Self-assessments are not audits", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Peer agency", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_name_the_instrument_version_and_show_respondents_only_as_pseudonyms()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, q => "yes");
        await ToolkitScenarios.AnswerAsync(cast.FacilitatorClient, id, Ready, q => "no");

        var answers = await cast.OwnerClient.Http.GetAsync($"/api/v1/assessments/{id}/answers.csv");
        Assert.Equal("text/csv", answers.Content.Headers.ContentType?.MediaType);
        var csv = (await answers.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("instrument,version,respondent,role,question,answer", lines[0]);
        Assert.Equal(1 + 2 * Ready.Questions.Count, lines.Count);
        Assert.All(lines.Skip(1), l => Assert.StartsWith($"co-ready,{Ready.Version},R", l, StringComparison.Ordinal));
        Assert.DoesNotContain("Olga", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Owner.Id, csv, StringComparison.Ordinal);
        Assert.Equal(2, AssessmentCsv.ReadAnswers(new StringReader(csv), Ready, "answers.csv").Count);

        var result = await cast.OwnerClient.Http.GetStringAsync($"/api/v1/assessments/{id}/result.csv");
        Assert.Contains($"co-ready,{Ready.Version},readiness,,0,", result, StringComparison.Ordinal);
        var json = await cast.FacilitatorClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}/result.json");
        Assert.Equal(Ready.Version, json.GetProperty("result").GetProperty("instrumentVersion").GetString());
        Assert.Equal(Ready.Version, json.GetProperty("assessment").GetProperty("version").GetString());
        Assert.True(json.GetProperty("roadmap").GetProperty("steps").GetArrayLength() > 0);
        var sheets = await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}/answers.json");
        Assert.Equal(["R1", "R2"], sheets.GetProperty("sheets").EnumerateArray().Select(s => s.GetProperty("respondent").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/api/v1/assessments/{id}/answers.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.OtherStaffClient.Http.GetAsync($"/api/v1/assessments/{id}/result.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cast.ParticipantClient.Http.GetAsync($"/api/v1/assessments/{id}/result.csv")).StatusCode);
    }

    [Fact]
    public async Task Answers_to_an_instrument_version_this_installation_lacks_are_kept_and_never_rescored()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, q => "yes");
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Assessments\" SET \"InstrumentVersion\" = '0.9' WHERE \"Id\" = {id}"));

        var page = await cast.OwnerClient.GetOkPageAsync($"/readiness/{id}");
        Assert.Contains("co-ready version 0.9, which this installation of Cocreo does not have", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".overall"));
        var export = await cast.OwnerClient.Http.GetAsync($"/api/v1/assessments/{id}/result.json");
        Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
        Assert.Contains("not re-scored", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Answering and completing say why they cannot go on, and change nothing.
        var answering = await cast.OwnerClient.Http.GetAsync($"/assessments/{id}/answer");
        Assert.Equal(HttpStatusCode.Conflict, answering.StatusCode);
        Assert.Contains("does not have the instrument version these answers were given to", (await FormClient.ParseAsync(answering)).Body!.TextContent, StringComparison.Ordinal);
        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        var complete = await cast.OwnerClient.PostAsync($"/readiness/{id}?handler=Complete", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, complete.StatusCode);
        Assert.Contains("does not have the instrument version these answers were given to", (await FormClient.ParseAsync(complete)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AnyAsync(a => a.Id == id && a.CompletedAt != null)));
    }

    [Fact]
    public async Task An_answer_saved_while_the_result_is_being_computed_is_counted_in_the_recorded_result()
    {
        var (cast, id, question) = await AnsweredByTheOwnerAsync();
        Overtaken<CompleteAssessment.Command, AssessmentTarget, CompleteAssessment.Outcome>? completion = null;

        // Another request changes an answer after the completion read the answers and before it records the result.
        var outcome = await ToolkitScenarios.RunAsync<CompleteAssessment.Handler, CompleteAssessment.Command, AssessmentTarget, CompleteAssessment.Outcome>(
            App, cast.Owner, new CompleteAssessment.Command(id, InstrumentCatalog.CoReady),
            handler => completion = new(handler, () => ToolkitScenarios.AnswerOneAsync(App, cast.Owner, id, question, "no")));

        Assert.True(outcome.Completed);
        Assert.Equal(["yes", "no"], completion!.Loaded.Select(t => t!.Assessment.RespondentOf(cast.Owner.Id)!.AnswerTo(question)));
        var recorded = await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("no", AssessmentJson.ReadResult(recorded.ResultJson!, "recorded").Answers.Answers[question]);
        Assert.Equal(["assessment.started", "assessment.completed"], (await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId)).Where(a => a.StartsWith("assessment.", StringComparison.Ordinal)));

        // Once it is completed, an answer is refused with the reason and nothing is saved.
        var refused = await Assert.ThrowsAsync<RefusedException>(() => ToolkitScenarios.AnswerOneAsync(App, cast.Facilitator, id, question, "yes"));
        Assert.Equal((RefusalKind.Forbidden, "This assessment is completed: its answers can no longer change."), (refused.Refusal.Kind, refused.Refusal.Text));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Respondent>().CountAsync(r => r.AssessmentId == id)));
    }

    [Fact]
    public async Task An_answer_overtaken_by_the_completion_is_asked_again_and_refused_with_the_reason()
    {
        var (cast, id, question) = await AnsweredByTheOwnerAsync();
        Overtaken<AnswerAssessment.Command, AssessmentTarget, Done>? answer = null;

        // The facilitator's answer found the assessment open; the owner completes it before the answer is saved.
        var refused = await Assert.ThrowsAsync<RefusedException>(() =>
            ToolkitScenarios.RunAsync<AnswerAssessment.Handler, AnswerAssessment.Command, AssessmentTarget, Done>(
                App, cast.Facilitator, new AnswerAssessment.Command(id, AssessmentInstruments.Sections(Ready)[0].Id, new Dictionary<string, string?> { [question] = "no" }, Finish: true),
                handler => answer = new(handler, () => ToolkitScenarios.RunAsync<CompleteAssessment.Handler, CompleteAssessment.Command, AssessmentTarget, CompleteAssessment.Outcome>(
                    App, cast.Owner, new CompleteAssessment.Command(id, InstrumentCatalog.CoReady)))));

        // Tried again on what is now true, the answer is refused because the assessment is completed.
        Assert.Equal(2, answer!.Loaded.Count);
        Assert.True(answer.Loaded[1]!.Assessment.IsCompleted);
        Assert.Equal((RefusalKind.Forbidden, "This assessment is completed: its answers can no longer change."), (refused.Refusal.Kind, refused.Refusal.Text));
        Assert.False(await App.WithDbAsync(db => db.Set<Respondent>().AnyAsync(r => r.AssessmentId == id && r.UserId == cast.Facilitator.Id)));
        var recorded = await App.WithDbAsync(db => db.Set<OrganisationAssessment>().AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("yes", AssessmentJson.ReadResult(recorded.ResultJson!, "recorded").Answers.Answers[question]);
    }

    /// <summary>A Co-Ready assessment of the cast's process that its owner answered "yes" throughout, and the first question.</summary>
    private async Task<(ProcessCast Cast, int Id, string Question)> AnsweredByTheOwnerAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId, cast.ProcessId);
        await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, Ready, _ => "yes");
        return (cast, id, Ready.Questions[0].Id);
    }

    private static async Task<int> CreateOrganisationAsync(FormClient client, string name, string type, string size)
    {
        var response = await client.SubmitAsync("/organisations/new", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = type,
            ["Input.Size"] = size,
            ["Input.Country"] = "SI",
            ["Input.Languages"] = "sl",
        });
        return Scenarios.IdFrom(response, "/organisations/");
    }
}

public sealed class ReadinessOnSqlite(SqliteApp app) : ReadinessTests<SqliteApp>(app);

public sealed class ReadinessOnPostgres(PostgresApp app) : ReadinessTests<PostgresApp>(app);
