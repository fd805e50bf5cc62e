using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.ServiceSelection;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>The demo city's use of the toolkit, as each tool seeds it: what the toolkit's pages and charts show on a first start.</summary>
public abstract class ToolkitDemoTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task The_demo_city_has_two_completed_readiness_assessments_a_decided_comparison_and_an_open_survey()
    {
        app.RequireAvailable();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        var city = await app.WithDbAsync(db => db.Set<Features.Organisations.Organisation>().Where(o => o.IsDemo).Select(o => o.Id).SingleAsync());
        var assessments = await app.WithDbAsync(db => db.Set<OrganisationAssessment>().AsNoTracking().Include(a => a.Respondents).Where(a => a.OrganisationId == city).ToListAsync());

        var ready = assessments.Where(a => a.InstrumentId == InstrumentCatalog.CoReady).OrderBy(a => a.StartedAt).ToList();
        Assert.Equal(["Co-Ready, spring", "Co-Ready, autumn"], ready.Select(a => a.Title));
        Assert.All(ready, a => Assert.True(a.IsCompleted && a.IsDemo && a.FinishedCount == 3 && a.ResultJson is not null));

        var shortlist = await app.WithDbAsync(db => db.Set<ServiceShortlist>().AsNoTracking().Include(s => s.Services).SingleAsync(s => s.OrganisationId == city));
        Assert.Equal("City library services", shortlist.Chosen?.Name);
        Assert.Equal(3, shortlist.Services.Count);
        var evaluations = assessments.Where(a => shortlist.Services.Select(s => s.AssessmentId).Contains(a.Id)).ToList();
        Assert.Equal(3, evaluations.Count);
        Assert.All(evaluations, a => Assert.True(a.IsCompleted && a.InstrumentId == InstrumentCatalog.CoServe && a.FinishedCount == 2));

        var survey = Assert.Single(assessments, a => a.InstrumentId == InstrumentCatalog.CoMaster);
        Assert.False(survey.IsCompleted);
        Assert.Equal((8, 1), (survey.FinishedCount, survey.AnsweringCount));
        var library = await app.WithDbAsync(db => db.Set<Process>().AsNoTracking().SingleAsync(p => p.IsDemo && p.Id == survey.ProcessId));
        Assert.Single(await app.WithDbAsync(db => db.Set<ResponseLink>().AsNoTracking().Where(l => l.AssessmentId == survey.Id && l.ClosedAt == null).ToListAsync()));
        var actions = await ToolkitScenarios.LogActionsAsync(app, library.Id);
        Assert.Contains("assessment.started", actions);
        Assert.Contains("quality-link.opened", actions);
        var verification = await app.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(library.Id));
        Assert.True(verification.IsIntact, verification.Describe());
    }
}

public sealed class ToolkitDemoOnSqlite(SqliteApp app) : ToolkitDemoTests<SqliteApp>(app);

public sealed class ToolkitDemoOnPostgres(PostgresApp app) : ToolkitDemoTests<PostgresApp>(app);
