using System.Net;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.ProcessQuality;

/// <summary>Co-Master end to end, on each database: organisers signed in, participants anonymous through links, suppression, gaps, closed links.</summary>
public abstract class ProcessQualityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private static readonly Instrument Master = ToolkitScenarios.Master;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<(ProcessCast Cast, int SurveyId, string LinkPath)> SurveyWithLinkAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var start = await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "process-quality", "After the school-route workshops", cast.ProcessId);
        var surveyId = Scenarios.IdFrom(start, "/process-quality/");
        var open = await cast.OwnerClient.SubmitAsync($"/process-quality/{surveyId}", [], handler: "OpenLink");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var page = await cast.OwnerClient.GetOkPageAsync($"/process-quality/{surveyId}");
        var url = page.QuerySelector(".link-text")!.TextContent;
        return (cast, surveyId, new Uri(url).AbsolutePath);
    }

    /// <summary>A participant with a browser of their own (no account, no cookies) answers through the link.</summary>
    private async Task<HttpResponseMessage> ParticipantAnswersAsync(string linkPath, Func<Question, string> answer, string go = "finish", FormClient? client = null)
    {
        client ??= App.NewClient();
        var fields = Master.Questions.Where(q => q.AppliesTo("participant")).ToDictionary(q => AnswerForm.FieldName(q.Id), answer);
        fields["go"] = go;
        return await client.SubmitAsync(linkPath, fields);
    }

    private static string Unfavourable(Question question) => question.Reversed ? "agree" : "disagree";

    [Fact]
    public async Task The_process_page_shows_its_surveys_to_organisers_only_and_starts_one_for_the_process()
    {
        var (cast, surveyId, _) = await SurveyWithLinkAsync();

        var owner = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        var section = owner.QuerySelector("section[aria-labelledby=process-assessments]")!;
        Assert.NotNull(section.QuerySelector($"a[href='/process-quality/{surveyId}']"));
        Assert.Contains("After the school-route workshops", section.TextContent, StringComparison.Ordinal);
        var start = section.QuerySelector("a[href*='process-quality?process=']")!.GetAttribute("href")!;

        var form = await cast.OwnerClient.GetOkPageAsync(start);
        Assert.Equal(cast.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            form.QuerySelector("select[name='Start.ProcessId'] option[selected]")?.GetAttribute("value"));

        foreach (var outsider in new[] { cast.AnonymousClient, cast.ParticipantClient })
        {
            var page = await outsider.GetOkPageAsync($"/processes/{cast.ProcessId}");
            Assert.Null(page.QuerySelector("section[aria-labelledby=process-assessments]"));
            Assert.DoesNotContain("After the school-route workshops", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Participants_answer_anonymously_and_a_group_is_shown_only_from_five_responses()
    {
        var (cast, surveyId, linkPath) = await SurveyWithLinkAsync();
        var organisers = new List<FormClient> { cast.OwnerClient, cast.FacilitatorClient };
        for (var i = 0; i < 3; i++)
        {
            var organiser = await App.CreateUserAsync($"Organiser {i}");
            await ToolkitScenarios.AddStaffAsync(App, cast.OrganisationId, organiser.Id);
            organisers.Add(await App.SignedInClientAsync(organiser));
        }
        foreach (var organiser in organisers)
        {
            await ToolkitScenarios.AnswerAsync(organiser, surveyId, Master, q => q.Reversed ? "disagree" : "agree", role: "organiser");
        }
        for (var i = 0; i < 4; i++)
        {
            var response = await ParticipantAnswersAsync(linkPath, Unfavourable);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var page = await cast.OwnerClient.GetOkPageAsync($"/process-quality/{surveyId}");
        var table = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent == "Quality per dimension and group");
        Assert.All(table.QuerySelectorAll("tbody tr"), row =>
        {
            var cells = row.QuerySelectorAll("td");
            Assert.Contains("High quality", cells[0].TextContent, StringComparison.Ordinal);
            Assert.Contains("too few responses", cells[1].TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("%", cells[1].TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("4 finished", page.QuerySelector("section[aria-labelledby=responses-title]")!.TextContent, StringComparison.Ordinal);
        // Statement by statement: the organisers' shares, and nothing of the participants'.
        var statementRows = page.QuerySelectorAll("section[aria-labelledby=statements-title] tbody tr");
        Assert.Equal(Master.Questions.Count(q => q.AppliesTo("organiser")), statementRows.Length);
        Assert.All(statementRows, row => Assert.Contains("too few responses", row.QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal));
        Assert.All(statementRows, row => Assert.Matches(@"^\s*100\s?%\s*\(5 answered\)\s*$", row.QuerySelectorAll("td")[0].TextContent));
        // Exports leave the small group out too.
        var csv = await cast.OwnerClient.Http.GetStringAsync($"/api/v1/assessments/{surveyId}/answers.csv");
        Assert.DoesNotContain(",participant,", csv, StringComparison.Ordinal);
        Assert.Contains(",organiser,", csv, StringComparison.Ordinal);

        await ParticipantAnswersAsync(linkPath, Unfavourable);
        page = await cast.OwnerClient.GetOkPageAsync($"/process-quality/{surveyId}");
        table = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent == "Quality per dimension and group");
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(Master.Root.Children.Count, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Contains("Low quality", row.QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal);
            Assert.NotNull(row.QuerySelector(".gap-flag"));
            Assert.Contains("organisers see it more favourably", row.TextContent, StringComparison.Ordinal);
        });
        Assert.Equal(2, page.QuerySelectorAll("svg#quality-radar polygon.series").Length);
        // Summary first: the result in a sentence and the first improvement area come before everything else.
        var summary = page.QuerySelector("main section")!;
        Assert.Equal("summary", summary.Id);
        Assert.Contains("First improvement area:", summary.TextContent, StringComparison.Ordinal);
        var participantShares = page.QuerySelectorAll("section[aria-labelledby=statements-title] tbody tr")
            .Select(row => row.QuerySelectorAll("td")[1].TextContent).Where(text => text.Contains('%', StringComparison.Ordinal)).ToList();
        Assert.Equal(Master.Questions.Count(q => q.AppliesTo("participant")), participantShares.Count);
        Assert.All(participantShares, text => Assert.Matches(@"^\s*0\s?%\s*\(5 answered\)\s*$", text));
        Assert.Equal(Master.Root.Children.Count, page.QuerySelectorAll("section[aria-labelledby=improve-title] li").Length);

        var stored = await App.WithDbAsync(db => db.Set<Respondent>().AsNoTracking().Where(r => r.AssessmentId == surveyId && r.Role == "participant").ToListAsync());
        Assert.Equal(5, stored.Count);
        Assert.All(stored, r =>
        {
            Assert.Null(r.UserId);
            Assert.NotNull(r.ResponseLinkId);
            Assert.True(r.IsFinished);
        });
    }

    [Fact]
    public async Task A_participant_resumes_on_the_same_device_and_a_new_device_starts_afresh()
    {
        var (_, surveyId, linkPath) = await SurveyWithLinkAsync();
        var device = App.NewClient();
        var question = Master.Questions.First(q => q.AppliesTo("participant"));

        var save = await device.SubmitAsync(linkPath, new() { [AnswerForm.FieldName(question.Id)] = "agree", ["go"] = "later" });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var resumed = await device.GetOkPageAsync(linkPath);
        Assert.Equal("agree", resumed.QuerySelector($"input[name='{AnswerForm.FieldName(question.Id)}'][checked]")?.GetAttribute("value"));
        var other = await App.NewClient().GetOkPageAsync(linkPath);
        Assert.Equal("", other.QuerySelector($"input[name='{AnswerForm.FieldName(question.Id)}'][checked]")?.GetAttribute("value"));

        await ParticipantAnswersAsync(linkPath, _ => "strongly-agree", client: device);
        var respondents = await App.WithDbAsync(db => db.Set<Respondent>().AsNoTracking().Include(r => r.Answers).Where(r => r.AssessmentId == surveyId).ToListAsync());
        var respondent = Assert.Single(respondents);
        Assert.True(respondent.IsFinished);
        Assert.Equal("strongly-agree", respondent.AnswerTo(question.Id));
    }

    [Fact]
    public async Task A_closed_link_accepts_nothing_and_says_so()
    {
        var (cast, surveyId, linkPath) = await SurveyWithLinkAsync();
        var participant = App.NewClient();
        var form = await participant.ReadFormAsync(linkPath);
        var linkId = await App.WithDbAsync(db => db.Set<ResponseLink>().Where(l => l.AssessmentId == surveyId).Select(l => l.Id).SingleAsync());

        var close = await cast.FacilitatorClient.SubmitAsync($"/process-quality/{surveyId}", new() { ["linkId"] = linkId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "CloseLink");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);

        form.Fields[AnswerForm.FieldName(Master.Questions[0].Id)] = "agree";
        form.Fields["go"] = "finish";
        var late = await participant.PostAsync(form.Action, form.Fields);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("This link is closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (page, _) = await App.NewClient().GetPageAsync(linkPath);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Respondent>().CountAsync(r => r.AssessmentId == surveyId)));
        Assert.Contains("quality-link.closed", await ToolkitScenarios.LogActionsAsync(App, cast.ProcessId));
        Assert.Equal(HttpStatusCode.NotFound, (await App.NewClient().Http.GetAsync("/respond/no-such-link")).StatusCode);
    }

    [Fact]
    public async Task Links_show_a_QR_code_as_accessible_SVG_next_to_the_link_as_text()
    {
        var (cast, surveyId, linkPath) = await SurveyWithLinkAsync();
        var page = await cast.OwnerClient.GetOkPageAsync($"/process-quality/{surveyId}");
        var qr = page.QuerySelector(".qr svg")!;
        Assert.Equal("img", qr.GetAttribute("role"));
        Assert.Contains(linkPath, qr.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.NotNull(qr.QuerySelector("path"));
        Assert.Null(qr.GetAttribute("style"));
        Assert.EndsWith(linkPath, page.QuerySelector(".link-text")!.TextContent, StringComparison.Ordinal);
        var linkId = await App.WithDbAsync(db => db.Set<ResponseLink>().Where(l => l.AssessmentId == surveyId).Select(l => l.Id).SingleAsync());
        var download = await cast.OwnerClient.Http.GetAsync($"/process-quality/{surveyId}?handler=Qr&linkId={linkId}");
        Assert.Equal("image/svg+xml", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Nothing_that_identifies_an_anonymous_participant_is_stored()
    {
        var (_, surveyId, linkPath) = await SurveyWithLinkAsync();
        var participant = App.NewClient();
        participant.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        participant.Http.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/9.9");
        await ParticipantAnswersAsync(linkPath, _ => "agree", client: participant);

        var respondent = await App.WithDbAsync(db => db.Set<Respondent>().AsNoTracking().SingleAsync(r => r.AssessmentId == surveyId));
        Assert.Null(respondent.UserId);
        Assert.Equal(64, respondent.ResumeKeyHash!.Length);
        // The toolkit's tables have no column that could hold an address or a browser's signature.
        var columns = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace!.Contains("Assessments", StringComparison.Ordinal) || e.ClrType.Namespace!.Contains("ProcessQuality", StringComparison.Ordinal))
            .SelectMany(e => e.GetProperties()).Select(p => p.Name).ToList()));
        Assert.NotEmpty(columns);
        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.Ordinal) || c.Contains("Address", StringComparison.Ordinal) || c.Contains("Agent", StringComparison.Ordinal));
        var stored = await App.WithDbAsync(db => db.Set<GivenAnswer>().AsNoTracking().Where(a => a.RespondentId == respondent.Id).Select(a => a.QuestionId + a.OptionId).ToListAsync());
        Assert.DoesNotContain(stored, s => s.Contains("203.0.113.77", StringComparison.Ordinal) || s.Contains("TestBrowser", StringComparison.Ordinal));
    }
}

public sealed class ProcessQualityOnSqlite(SqliteApp app) : ProcessQualityTests<SqliteApp>(app);

public sealed class ProcessQualityOnPostgres(PostgresApp app) : ProcessQualityTests<PostgresApp>(app);

/// <summary>The app with a low limit on anonymous links, to see the limit work.</summary>
public sealed class LinkLimitedApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ProcessQuality:LinkRequestsPerMinute"] = "3" };
}

public sealed class ResponseLinkRateLimitTests(LinkLimitedApp app) : IClassFixture<LinkLimitedApp>
{
    [Fact]
    public async Task A_client_that_hammers_a_link_is_slowed_down_without_affecting_other_links()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var start = await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "process-quality", "Limited");
        var surveyId = Scenarios.IdFrom(start, "/process-quality/");
        await cast.OwnerClient.SubmitAsync($"/process-quality/{surveyId}", [], handler: "OpenLink");
        await cast.OwnerClient.SubmitAsync($"/process-quality/{surveyId}", [], handler: "OpenLink");
        var tokens = await app.WithDbAsync(db => db.Set<ResponseLink>().Where(l => l.AssessmentId == surveyId).OrderBy(l => l.Id).Select(l => l.Token).ToListAsync());
        var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.Http.GetAsync($"/respond/{tokens[0]}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/respond/{tokens[1]}")).StatusCode);
    }
}
