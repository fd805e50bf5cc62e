using System.Globalization;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>
/// Every state-changing endpoint of the toolkit (Co-Ready, Co-Serve, Co-Master and their shared answering), tried by
/// every kind of person over HTTP: the answer (allowed, 403, 404 for an assessment the person may not even see, sign
/// in, 422) and the effect — an allowed change is in the database and, for a subject of a process, in its log; a
/// refused one changed nothing. Each person tries on a subject the owner has just set up, so one person's change does
/// not decide the next.
/// </summary>
public sealed class ToolkitAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "process participant", "facilitator (staff)", "owner (administrator)", "other organisation's staff", "platform admin"];

    /// <summary>One person's attempt: where to post, what, and what shows its effect (compared before and after).</summary>
    private sealed record Attempt(string Url, Dictionary<string, string> Fields, Func<Task<string>> State);

    /// <summary>A row: the endpoint, how the owner sets up an attempt, and the expected answer and effect per person (in the order of <see cref="Roles"/>).</summary>
    private sealed record Row(Endpoint Endpoint, Func<Toolkit, Task<Attempt>> Prepare, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["readiness/start"] = new(new("POST", "/organisations/{organisationId:int}/readiness"),
            t => Task.FromResult(t.Start("readiness", t.ProcessId)),
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["service-selection/start"] = new(new("POST", "/organisations/{organisationId:int}/service-selection"),
            t => Task.FromResult(t.Start("service-selection", t.ProcessId)),
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["process-quality/start"] = new(new("POST", "/organisations/{organisationId:int}/process-quality"),
            t => Task.FromResult(t.Start("process-quality", t.ProcessId)),
            [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        // Who may start is asked before what they sent: another organisation's process is refused on the form.
        ["readiness/start in another organisation's process"] = new(new("POST", "/organisations/{organisationId:int}/readiness"),
            async t => t.Start("readiness", await t.OtherOrganisationsProcessAsync()),
            [SignIn, Forbidden, Invalid, Invalid, Forbidden, Invalid]),
        // Platform admins see and manage assessments but, not working there, never answer them.
        ["assessment/answer"] = new(new("POST", "/assessments/{id:int}/answer/{section?}"),
            async t => t.Answer(await t.ReadinessAsync()),
            [SignIn, NotFound, Changed, Changed, NotFound, Forbidden]),
        ["assessment/answer when completed"] = new(new("POST", "/assessments/{id:int}/answer/{section?}"),
            async t => t.Answer(await t.ReadinessAsync(completed: true)),
            [SignIn, NotFound, Forbidden, Forbidden, NotFound, Forbidden]),
        ["readiness/complete"] = new(new("POST", "/readiness/{id:int}", "Complete"),
            async t =>
            {
                var id = await t.ReadinessAsync(answered: true);
                return new($"/readiness/{id}?handler=Complete", [], t.AssessmentState(id));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        // Nobody has finished answering: the result cannot be recorded, and the page says why.
        ["readiness/complete unanswered"] = new(new("POST", "/readiness/{id:int}", "Complete"),
            async t =>
            {
                var id = await t.ReadinessAsync();
                return new($"/readiness/{id}?handler=Complete", [], t.AssessmentState(id));
            },
            [SignIn, NotFound, Invalid, Invalid, NotFound, Invalid]),
        ["service-selection/add"] = new(new("POST", "/service-selection/{id:int}", "Add"),
            async t =>
            {
                var shortlist = await t.ShortlistAsync();
                return new($"/service-selection/{shortlist}?handler=Add", new() { ["Candidate.Name"] = "Parking permits", ["Candidate.SubmissionId"] = Guid.NewGuid().ToString() }, t.ShortlistState(shortlist));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["service-selection/add when decided"] = new(new("POST", "/service-selection/{id:int}", "Add"),
            async t =>
            {
                var (shortlist, _) = await t.DecidedShortlistAsync();
                return new($"/service-selection/{shortlist}?handler=Add", new() { ["Candidate.Name"] = "Late idea", ["Candidate.SubmissionId"] = Guid.NewGuid().ToString() }, t.ShortlistState(shortlist));
            },
            [SignIn, NotFound, Forbidden, Forbidden, NotFound, Forbidden]),
        ["service-selection/choose"] = new(new("POST", "/service-selection/{id:int}", "Choose"),
            async t =>
            {
                var (shortlist, services) = await t.EvaluatedShortlistAsync("Parking permits");
                return new($"/service-selection/{shortlist}?handler=Choose", new() { ["Choice.ServiceId"] = services[0] }, t.ShortlistState(shortlist));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["service-selection/reconsider"] = new(new("POST", "/service-selection/{id:int}", "Reconsider"),
            async t =>
            {
                var (shortlist, services) = await t.DecidedShortlistAsync();
                return new($"/service-selection/{shortlist}?handler=Reconsider", new()
                {
                    ["Choice.ServiceId"] = services[1],
                    ["Choice.Reason"] = "The parking office is being reorganised this year.",
                }, t.ShortlistState(shortlist));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["process-quality/open-link"] = new(new("POST", "/process-quality/{id:int}", "OpenLink"),
            async t =>
            {
                var (survey, _) = await t.SurveyAsync();
                return new($"/process-quality/{survey}?handler=OpenLink", [], t.SurveyState(survey));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["process-quality/close-link"] = new(new("POST", "/process-quality/{id:int}", "CloseLink"),
            async t =>
            {
                var (survey, link) = await t.SurveyAsync();
                return new($"/process-quality/{survey}?handler=CloseLink", new() { ["linkId"] = link.Id.ToString(CultureInfo.InvariantCulture) }, t.SurveyState(survey));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        // Closing a closed link again (a double click) changes nothing and is no error.
        ["process-quality/close-link when closed"] = new(new("POST", "/process-quality/{id:int}", "CloseLink"),
            async t =>
            {
                var (survey, link) = await t.SurveyAsync(closeLink: true);
                return new($"/process-quality/{survey}?handler=CloseLink", new() { ["linkId"] = link.Id.ToString(CultureInfo.InvariantCulture) }, t.SurveyState(survey));
            },
            [SignIn, NotFound, Unchanged, Unchanged, NotFound, Unchanged]),
        ["process-quality/complete"] = new(new("POST", "/process-quality/{id:int}", "Complete"),
            async t =>
            {
                var (survey, _) = await t.SurveyAsync();
                return new($"/process-quality/{survey}?handler=Complete", [], t.SurveyState(survey));
            },
            [SignIn, NotFound, Changed, Changed, NotFound, Changed]),
        ["process-quality/open-link when completed"] = new(new("POST", "/process-quality/{id:int}", "OpenLink"),
            async t =>
            {
                var (survey, _) = await t.SurveyAsync(complete: true);
                return new($"/process-quality/{survey}?handler=OpenLink", [], t.SurveyState(survey));
            },
            [SignIn, NotFound, Forbidden, Forbidden, NotFound, Forbidden]),
        // Anyone with an open link may answer, with or without an account.
        ["process-quality/respond"] = new(new("POST", "/respond/{token}"),
            async t =>
            {
                var (survey, link) = await t.SurveyAsync();
                return new(link.Path, new() { [AnswerForm.FieldName(ToolkitScenarios.Master.Questions.First(q => q.AppliesTo("participant")).Id)] = "agree", ["go"] = "finish" }, t.SurveyState(survey));
            },
            [Changed, Changed, Changed, Changed, Changed, Changed]),
        // A closed link accepts nothing: 410 Gone, for anyone.
        ["process-quality/respond when closed"] = new(new("POST", "/respond/{token}"),
            async t =>
            {
                var (survey, link) = await t.SurveyAsync(closeLink: true);
                return new(link.Path, new() { [AnswerForm.FieldName(ToolkitScenarios.Master.Questions.First(q => q.AppliesTo("participant")).Id)] = "agree", ["go"] = "finish" }, t.SurveyState(survey));
            },
            ["410", "410", "410", "410", "410", "410"]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var toolkit = new Toolkit(app, cast);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var attempt = await row.Prepare(toolkit);
            attempt.Fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            var before = await attempt.State();
            var response = await clients[i].PostAsync(attempt.Url, attempt.Fields);
            var after = await attempt.State();
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    /// <summary>The organisation's toolkit around one process, and how its owner sets up subjects for the rows.</summary>
    private sealed class Toolkit(SqliteApp app, ProcessCast cast)
    {
        public int ProcessId => cast.ProcessId;

        /// <summary>Starting something on a tool's page of the organisation, for <paramref name="processId"/>; the effect shows in the organisation's lists and the process's log.</summary>
        public Attempt Start(string tool, int processId) => new($"/organisations/{cast.OrganisationId}/{tool}", new()
        {
            ["Start.Title"] = "A new one",
            ["Start.ProcessId"] = processId.ToString(CultureInfo.InvariantCulture),
            ["Start.SubmissionId"] = Guid.NewGuid().ToString(),
        }, () => app.WithDbAsync(async db =>
            $"{await db.Set<OrganisationAssessment>().CountAsync(a => a.OrganisationId == cast.OrganisationId)} assessments, " +
            $"{await db.Set<ServiceShortlist>().CountAsync(s => s.OrganisationId == cast.OrganisationId)} comparisons; {await LogAsync()}"));

        /// <summary>A process of another organisation (which an assessment of this one cannot belong to).</summary>
        public async Task<int> OtherOrganisationsProcessAsync()
        {
            var other = await app.WithDbAsync(db => db.Set<Features.Organisations.Organisation>().Where(o => o.Members.Any(m => m.UserId == cast.OtherStaff.Id)).Select(o => o.Id).FirstAsync());
            return await Scenarios.CreateProcessAsync(cast.OtherStaffClient, other);
        }

        /// <summary>Answering the first question of a Co-Ready assessment; the effect shows in its sheets.</summary>
        public Attempt Answer(int assessmentId) =>
            new($"/assessments/{assessmentId}/answer", new() { [AnswerForm.FieldName(ToolkitScenarios.Ready.Questions[0].Id)] = "yes", ["go"] = "later" }, AssessmentState(assessmentId));

        /// <summary>A Co-Ready assessment of the process, answered by the owner and completed when asked.</summary>
        public async Task<int> ReadinessAsync(bool answered = false, bool completed = false)
        {
            var id = await ToolkitScenarios.StartReadinessAsync(cast.OwnerClient, cast.OrganisationId, cast.ProcessId);
            if (answered || completed)
            {
                await ToolkitScenarios.AnswerAsync(cast.OwnerClient, id, ToolkitScenarios.Ready, _ => "yes");
            }
            if (completed)
            {
                await cast.OwnerClient.SubmitAsync($"/readiness/{id}", [], handler: "Complete");
            }
            return id;
        }

        public Func<Task<string>> AssessmentState(int assessmentId) => () => app.WithDbAsync(async db =>
        {
            var assessment = await db.Set<OrganisationAssessment>().AsNoTracking().Include(a => a.Respondents).ThenInclude(r => r.Answers).SingleAsync(a => a.Id == assessmentId);
            var sheets = assessment.Respondents.OrderBy(r => r.Id).Select(r => $"{r.UserId}:{r.IsFinished}:{string.Join(",", r.Answers.OrderBy(a => a.QuestionId).Select(a => a.QuestionId + "=" + a.OptionId))}");
            return $"completed {assessment.CompletedAt is not null}; {string.Join(";", sheets)}; {await LogAsync()}";
        });

        /// <summary>A Co-Serve comparison of the process.</summary>
        public async Task<int> ShortlistAsync() =>
            Scenarios.IdFrom(await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "service-selection", "Shortlist", cast.ProcessId), "/service-selection/");

        /// <summary>A comparison of the process with the candidates named, each evaluated by the owner; their ids as the form sends them.</summary>
        public async Task<(int Shortlist, List<string> Services)> EvaluatedShortlistAsync(params string[] names)
        {
            var shortlist = await ShortlistAsync();
            foreach (var name in names)
            {
                await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlist}", new() { ["Candidate.Name"] = name }, handler: "Add");
            }
            var services = await app.WithDbAsync(db => db.Set<ShortlistedService>().AsNoTracking().Where(s => s.ShortlistId == shortlist).OrderBy(s => s.Id).ToListAsync());
            foreach (var service in services)
            {
                await ToolkitScenarios.AnswerAsync(cast.OwnerClient, service.AssessmentId, ToolkitScenarios.Serve, _ => "yes");
            }
            return (shortlist, services.Select(s => s.Id.ToString(CultureInfo.InvariantCulture)).ToList());
        }

        /// <summary>A comparison of two evaluated candidates in which the owner chose the first.</summary>
        public async Task<(int Shortlist, List<string> Services)> DecidedShortlistAsync()
        {
            var (shortlist, services) = await EvaluatedShortlistAsync("Parking permits", "Library cards");
            await cast.OwnerClient.SubmitAsync($"/service-selection/{shortlist}", new() { ["Choice.ServiceId"] = services[0] }, handler: "Choose");
            return (shortlist, services);
        }

        public Func<Task<string>> ShortlistState(int shortlistId) => () => app.WithDbAsync(async db =>
        {
            var shortlist = await db.Set<ServiceShortlist>().AsNoTracking().Include(s => s.Services).SingleAsync(s => s.Id == shortlistId);
            return $"{string.Join(",", shortlist.Services.OrderBy(s => s.Id).Select(s => s.Name))}; chosen {shortlist.ChosenServiceId} ({shortlist.ChoiceReason}); {await LogAsync()}";
        });

        /// <summary>A Co-Master survey of the process with a link the owner opened (and closed, or completed the survey, when asked).</summary>
        public async Task<(int Survey, ResponseLink Link)> SurveyAsync(bool closeLink = false, bool complete = false)
        {
            var survey = Scenarios.IdFrom(await ToolkitScenarios.StartAsync(cast.OwnerClient, cast.OrganisationId, "process-quality", "Survey", cast.ProcessId), "/process-quality/");
            await cast.OwnerClient.SubmitAsync($"/process-quality/{survey}", [], handler: "OpenLink");
            var link = await app.WithDbAsync(db => db.Set<ResponseLink>().AsNoTracking().SingleAsync(l => l.AssessmentId == survey));
            if (closeLink)
            {
                await cast.OwnerClient.SubmitAsync($"/process-quality/{survey}", new() { ["linkId"] = link.Id.ToString(CultureInfo.InvariantCulture) }, handler: "CloseLink");
            }
            if (complete)
            {
                await cast.OwnerClient.SubmitAsync($"/process-quality/{survey}", [], handler: "Complete");
            }
            return (survey, link);
        }

        public Func<Task<string>> SurveyState(int surveyId) => () => app.WithDbAsync(async db =>
        {
            var links = await db.Set<ResponseLink>().AsNoTracking().Where(l => l.AssessmentId == surveyId).OrderBy(l => l.Id).Select(l => l.ClosedAt == null ? "open" : "closed").ToListAsync();
            return $"links {string.Join(",", links)}; {await AssessmentState(surveyId)()}";
        });

        private Task<string> LogAsync() => app.WithDbAsync(async db =>
            string.Join(",", await db.Set<ProcessLogEntry>().Where(e => e.ProcessId == cast.ProcessId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
    }
}
