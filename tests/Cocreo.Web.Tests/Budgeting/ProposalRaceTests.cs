using System.Net;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.JourneyMapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// A change to a proposal that loses a race is tried again from fresh data, and permission is asked again on what
/// is then true: the budget moves on, or the process turns private, between the page's check and the save.
/// </summary>
public abstract class ProposalRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp, IRacingApp
{
    [Fact]
    public async Task A_support_sent_as_the_budget_moves_on_is_refused_with_the_phase_as_reason()
    {
        app.RequireAvailable();
        var (cast, proposal) = await ProposalAsync();

        // The resident's request has read the budget (collecting proposals) and is about to write: the vote opens just then.
        app.Race.Arm(() => OpenVoteAsync(cast.ProcessId, proposal));
        var response = await PostAsync(cast.ParticipantClient, $"/proposals/{proposal}?handler=Support");

        Assert.False(app.Race.IsArmed, "the race did not run");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Proposals can be supported only while they are collected and reviewed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposal)));
        Assert.DoesNotContain("proposal.supported", await LogAsync(cast.ProcessId));
    }

    [Fact]
    public async Task A_support_sent_as_the_process_turns_private_is_not_found()
    {
        app.RequireAvailable();
        var (cast, proposal) = await ProposalAsync();

        // Staff of another organisation see the public process; it turns private as their support is saved.
        app.Race.Arm(() => ChangeAsync(cast.ProcessId, proposal, (_, process) => process.ChangeVisibility(ProcessVisibility.Private)));
        var response = await PostAsync(cast.OtherStaffClient, $"/proposals/{proposal}?handler=Support");

        Assert.False(app.Race.IsArmed, "the race did not run");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposal)));
    }

    [Fact]
    public async Task A_support_after_the_vote_opened_names_the_phase_not_the_role()
    {
        app.RequireAvailable();
        var (cast, proposal) = await ProposalAsync();
        await OpenVoteAsync(cast.ProcessId, proposal);

        var response = await PostAsync(cast.ParticipantClient, $"/proposals/{proposal}?handler=Support");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Proposals can be supported only while they are collected and reviewed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == proposal)));
    }

    /// <summary>Moves the budget past the review of proposals into its vote.</summary>
    private Task OpenVoteAsync(int processId, int proposal) => ChangeAsync(processId, proposal, (budget, _) =>
    {
        budget.Advance(DateTime.UtcNow);
        budget.Advance(DateTime.UtcNow);
    });

    private async Task<(ProcessCast Cast, int Proposal)> ProposalAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budget = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        return (cast, await ProposeAsync(cast.ParticipantClient, budget, new Idea("Playground", 60_000m)));
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string url) =>
        await client.PostAsync(url, new Dictionary<string, string> { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client) });

    private Task<List<string>> LogAsync(int processId) => app.WithDbAsync(db =>
        db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    /// <summary>Changes the budget or its process as another request would: in its own scope, with a log entry, committed.</summary>
    private async Task ChangeAsync(int processId, int proposalId, Action<Budget, Process> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var proposal = await db.Set<Proposal>().SingleAsync(p => p.Id == proposalId);
        var budget = await db.Set<Budget>().SingleAsync(b => b.Id == proposal.BudgetId);
        var process = await db.Set<Process>().SingleAsync(p => p.Id == processId);
        change(budget, process);
        await new ProcessLog(db, TimeProvider.System).AppendAsync(processId, LogActor.System, "budget.phase-advanced");
        await db.SaveChangesAsync();
    }
}

public sealed class ProposalRaceOnSqlite(RacingSqliteApp app) : ProposalRaceTests<RacingSqliteApp>(app);

public sealed class ProposalRaceOnPostgres(RacingPostgresApp app) : ProposalRaceTests<RacingPostgresApp>(app);
