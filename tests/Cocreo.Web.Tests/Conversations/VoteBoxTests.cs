using System.Security.Claims;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Conversations.ConversationSteps;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// The vote writer (group commit) on each database: what the request decided from a conversation read a few seconds
/// ago, the batch checks again on fresh data; a batch with the same vote twice, or a changed mind, writes what one
/// vote after the other would; a refused vote leaves no participant behind.
/// </summary>
public abstract class VoteBoxTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_batch_writes_what_one_vote_after_the_other_would()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statements = await StatementsAsync(App, id);
        var (a, b) = (Hash(id), Hash(id));
        var now = DateTime.UtcNow;
        var receipts = await WriteAsync(
            new(id, null, a, statements[0].Id, ConversationChoice.Agree, now),
            new(id, null, a, statements[0].Id, ConversationChoice.Agree, now),
            new(id, null, a, statements[0].Id, ConversationChoice.Disagree, now),
            new(id, null, b, statements[0].Id, ConversationChoice.Pass, now),
            new(id, null, a, statements[1].Id, ConversationChoice.Agree, now));
        Assert.Equal([VoteWritten.Recorded, VoteWritten.Unchanged, VoteWritten.Recorded, VoteWritten.Recorded, VoteWritten.Recorded], receipts.Select(r => r.Written));
        // One participant per key, the same in every receipt of theirs.
        Assert.Equal(receipts[0].ParticipantId, receipts[4].ParticipantId);
        Assert.NotEqual(receipts[0].ParticipantId, receipts[3].ParticipantId);
        var votes = await VotesAsync(App, id);
        Assert.Equal(3, votes.Count);
        Assert.Equal(ConversationChoice.Disagree, votes.Single(v => v.ParticipantId == receipts[0].ParticipantId && v.StatementId == statements[0].Id).Choice);
        Assert.Equal(2, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));

        // The same again in a later batch changes nothing.
        var again = await WriteAsync(new VoteSubmission(id, null, a, statements[0].Id, ConversationChoice.Disagree, now));
        Assert.Equal((VoteWritten.Unchanged, receipts[0].ParticipantId), (again[0].Written, again[0].ParticipantId));
    }

    [Fact]
    public async Task The_batch_checks_the_conversation_and_statement_on_fresh_data_and_a_refused_vote_leaves_nothing()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var other = await StartAsync(cast.OwnerClient, cast.ProcessId, seeds: ["Another conversation's statement."]);
        var statements = await StatementsAsync(App, id);
        var foreign = (await StatementsAsync(App, other))[0];
        var now = DateTime.UtcNow;

        var wrong = await WriteAsync(
            new(id, null, Hash(id), foreign.Id, ConversationChoice.Agree, now),
            new(id, null, Hash(id), int.MaxValue, ConversationChoice.Agree, now));
        Assert.All(wrong, r => Assert.Equal(VoteWritten.UnknownStatement, r.Written));

        // Closed behind the back of any cache (as another server would): the batch refuses, and no participant is made.
        await App.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ConversationState.Closed)));
        var closed = await WriteAsync(new VoteSubmission(id, null, Hash(id), statements[0].Id, ConversationChoice.Agree, now));
        Assert.Equal(VoteWritten.NotTaking, closed[0].Written);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));
        Assert.Empty(await VotesAsync(App, id));

        // Open again but for signed-in people only: a key is no longer welcome, an account is.
        await App.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ConversationState.Open).SetProperty(c => c.Access, ConversationAccess.SignedIn)));
        var mixed = await WriteAsync(
            new(id, null, Hash(id), statements[0].Id, ConversationChoice.Agree, now),
            new(id, cast.Participant.Id, null, statements[0].Id, ConversationChoice.Agree, now));
        Assert.Equal([VoteWritten.NotTaking, VoteWritten.Recorded], mixed.Select(r => r.Written));
        Assert.Equal(cast.Participant.Id, await App.WithDbAsync(db => db.Set<ConversationParticipant>().Where(p => p.ConversationId == id).Select(p => p.UserId).SingleAsync()));
    }

    [Fact]
    public async Task A_request_decided_on_a_conversation_read_before_it_closed_is_refused_with_the_reason()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statement = (await StatementsAsync(App, id))[0].Id;
        var key = ParticipantKeys.New();
        Assert.True((await VoteAsync(new CastVote.Command(id, key, statement, ConversationChoice.Agree))).Changed);
        // The request's copy of the conversation still says open; the database says closed.
        await App.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ConversationState.Closed)));
        var refused = await Assert.ThrowsAsync<RefusedException>(() => VoteAsync(new CastVote.Command(id, key, statement, ConversationChoice.Disagree)));
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal.Kind);
        Assert.Equal("This conversation is closed: votes and statements are no longer taken.", refused.Refusal.Text);
        Assert.Equal(ConversationChoice.Agree, (await VotesAsync(App, id)).Single().Choice);
    }

    [Fact]
    public async Task Parallel_votes_through_the_queue_each_land_once_whatever_the_number_of_writers()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await StartAsync(cast.OwnerClient, cast.ProcessId);
        var statements = await StatementsAsync(App, id);
        var voters = Enumerable.Range(0, 24).Select(_ => Hash(id)).ToList();
        var random = new Random(5);
        // Every voter votes on every statement, some twice: batches (two writers on PostgreSQL) share voters and rows.
        var votes = voters.SelectMany(v => statements.SelectMany(s => Enumerable.Repeat(s.Id, random.Next(1, 3)).Select(statement =>
            new VoteSubmission(id, null, v, statement, (ConversationChoice)random.Next(3), DateTime.UtcNow)))).OrderBy(_ => random.Next()).ToList();
        var box = App.Services.GetRequiredService<VoteBox>();

        var receipts = await Task.WhenAll(votes.Select(v => Task.Run(() => box.CastAsync(v))));

        Assert.DoesNotContain(receipts, r => r.Written is not (VoteWritten.Recorded or VoteWritten.Unchanged));
        var stored = await VotesAsync(App, id);
        Assert.Equal(voters.Count * statements.Count, stored.Count);
        Assert.Equal(voters.Count, stored.Select(v => v.ParticipantId).Distinct().Count());
        Assert.Equal(voters.Count, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));
    }

    private static string Hash(int conversationId) => ParticipantKeys.Hash(conversationId, ParticipantKeys.New());

    private async Task<VoteReceipt[]> WriteAsync(params VoteSubmission[] votes) =>
        await App.Services.GetRequiredService<VoteBox>().WriteBatchAsync([.. votes]);

    private async Task<CastVote.Outcome> VoteAsync(CastVote.Command command)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CastVote.Handler>().CastAsync(command, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
    }
}

public sealed class VoteBoxOnSqlite(VoteBoxOnSqlite.TestApp app) : VoteBoxTests<VoteBoxOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp;
}

public sealed class VoteBoxOnPostgres(VoteBoxOnPostgres.TestApp app) : VoteBoxTests<VoteBoxOnPostgres.TestApp>(app)
{
    /// <summary>Two vote writers side by side, so batches that share voters and rows meet.</summary>
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Conversations:VoteWriters"] = "2" };
    }
}
