using System.Net;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Platform.Work;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Meetings.TablePlans;

/// <summary>
/// One computation of a meeting's table plan at a time across instances: while another instance holds the meeting's
/// lease, pressing compute is refused with a message and nothing is stored; once the lease lapses (or is given back
/// after a computation) the plan is computed, and this instance gives its lease back.
/// </summary>
public abstract class TablePlanClaimTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    [Fact]
    public async Task A_plan_another_instance_is_computing_is_not_computed_twice()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await MeetingSteps.PlanAsync(cast.OwnerClient, cast.ProcessId);
        await TablePlanSteps.SetAttributesAsync(cast.OwnerClient, id, TablePlanSteps.Groups);
        await TablePlanSteps.RegisterPeopleAsync(app, id, 16, i => i % 2 == 0 ? "Resident" : "Business");
        await app.WithDbAsync(async db =>
        {
            db.Add(new WorkLease { Name = ComputeTablePlan.LeaseName(id), Holder = "another-instance", Until = DateTime.UtcNow.AddMinutes(1) });
            await db.SaveChangesAsync();
        });

        var busy = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(4, 2));

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("being computed right now", (await FormClient.ParseAsync(busy)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await TablePlanSteps.StoredAsync(app, id));

        await app.WithDbAsync(db => db.Set<WorkLease>().Where(l => l.Name == ComputeTablePlan.LeaseName(id))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Until, DateTime.UtcNow.AddSeconds(-1))));
        var computed = await TablePlanSteps.ComputeAsync(cast.FacilitatorClient, id, TablePlanSteps.Form(4, 2));

        Assert.Equal(HttpStatusCode.Redirect, computed.StatusCode);
        Assert.NotNull(await TablePlanSteps.StoredAsync(app, id));
        var lease = await app.WithDbAsync(db => db.Set<WorkLease>().AsNoTracking().SingleAsync(l => l.Name == ComputeTablePlan.LeaseName(id)));
        Assert.NotEqual("another-instance", lease.Holder);
        Assert.True(lease.Until < DateTime.UtcNow, "the lease is given back once the plan is computed");
    }
}

public sealed class TablePlanClaimOnSqlite(MeetingsSqliteApp app) : TablePlanClaimTests<MeetingsSqliteApp>(app);

public sealed class TablePlanClaimOnPostgres(MeetingsPostgresApp app) : TablePlanClaimTests<MeetingsPostgresApp>(app);
