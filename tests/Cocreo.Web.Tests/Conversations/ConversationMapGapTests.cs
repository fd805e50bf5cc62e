using System.Net;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// The map refresher leaves <see cref="ConversationOptions.MapGap"/> between two computations of one conversation's
/// map: a vote after a quiet moment is mapped at once, one right after it waits for the gap and is not lost.
/// </summary>
public sealed class ConversationMapGapTests(ConversationMapGapTests.TestApp app) : IClassFixture<ConversationMapGapTests.TestApp>
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(3);

    public sealed class TestApp : SqliteApp
    {
        // Reads never compute here (the refresher alone does), and the gap is long enough to see.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:MapGap"] = "00:00:03" };
    }

    [Fact]
    public async Task A_vote_right_after_a_map_waits_for_the_gap_and_is_then_mapped()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: ["One", "Two", "Three"]);
        var refresher = app.Services.GetRequiredService<ConversationMapRefresher>();
        var voter = app.NewClient();

        var (_, first) = await VoteShownAsync(voter, id);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.True(await EventuallyAsync(async () => await StoredVotesAsync(id) == 1, TimeSpan.FromSeconds(15)), "the first vote was not mapped");
        var firstMap = await ComputedAtAsync(id);

        var (_, second) = await VoteShownAsync(voter, id);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.True(await EventuallyAsync(async () => await StoredVotesAsync(id) == 2, TimeSpan.FromSeconds(20)), "the vote cast during the gap was never mapped");
        var secondMap = await ComputedAtAsync(id);
        // Each map is timed a little after its computation starts: a second of slack, far below the 3 s gap (without
        // the gap the second map follows the vote within a few hundred milliseconds).
        Assert.True(secondMap - firstMap >= Gap - TimeSpan.FromSeconds(1), $"the second map came {(secondMap - firstMap).TotalMilliseconds} ms after the first, inside the {Gap.TotalSeconds} s gap");
        Assert.True(refresher.Computations >= 2);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(100);
        }
        return true;
    }

    private Task<int> StoredVotesAsync(int id) =>
        app.WithDbAsync(db => db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == id).Select(s => s.VoteCount).SingleOrDefaultAsync());

    private Task<DateTime> ComputedAtAsync(int id) =>
        app.WithDbAsync(db => db.Set<ConversationMapSnapshot>().AsNoTracking().Where(s => s.ConversationId == id).Select(s => s.ComputedAt).SingleAsync());
}
