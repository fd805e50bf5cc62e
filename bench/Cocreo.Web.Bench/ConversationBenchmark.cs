using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Bench;

// Prepares the conversation load tests (bench/conversations/*.sh, docs/benchmarks.md) through the app's own model,
// never through its pages.
//   conversation-prepare PROVIDER CONNECTION STATEMENTS [PARTICIPANTS VOTES_EACH]
//     a public process with a link conversation of STATEMENTS seed statements; with PARTICIPANTS, that many
//     participants (keys "bench-<n>") who voted on VOTES_EACH statements each, written straight into the tables.
//     Prints "<conversation id> <first statement id> <statements>".
//   conversation-count PROVIDER CONNECTION CONVERSATION    the votes and participants stored (to check against what wrk counted)
public static class ConversationBenchmark
{
    public static async Task<int> CountAsync(string[] args)
    {
        await using var app = await BenchServices.OpenAsync(args[0], args[1]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var id = int.Parse(args[2], CultureInfo.InvariantCulture);
        var votes = await db.Set<ConversationVote>().CountAsync(v => v.ConversationId == id);
        var participants = await db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id);
        Console.WriteLine($"stored: {votes} votes of {participants} participants");
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: conversation-prepare PROVIDER CONNECTION STATEMENTS [PARTICIPANTS VOTES_EACH]");
            return 2;
        }
        var statements = int.Parse(args[2], CultureInfo.InvariantCulture);
        var participants = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var votesEach = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0;
        await using var app = await BenchServices.OpenAsync(args[0], args[1]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        var now = DateTime.UtcNow;
        var user = new CocreoUser { UserName = $"bench.{Guid.NewGuid():N}@example.org", Email = "bench@example.org", EmailConfirmed = true, DisplayName = "Bench Facilitator", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(user);
        var organisation = Organisation.Create($"Bench City {Guid.NewGuid():N}", OrganisationType.Municipality, SizeBand.Large, "SI", ["sl"], now);
        organisation.AddMember(user.Id, OrganisationRole.Administrator, now);
        db.Add(organisation);
        await db.SaveChangesAsync();
        var process = Process.Start(organisation.Id, new ProcessContent("Bench conversation", "Load test.", "Load test.", "en", "Bench", "", ""), ProcessVisibility.Public, now);
        process.Join(user.Id, ProcessRole.Owner, now);
        db.Add(process);
        await db.SaveChangesAsync();
        var conversation = Conversation.Start(organisation.Id, process.Id, new ConversationSettings("What should the city do?", "Load test.", ConversationAccess.Link, true, StatementModeration.Post, 280), now);
        db.Add(conversation);
        await db.SaveChangesAsync();
        var added = new List<ConversationStatement>();
        for (var s = 0; s < statements; s++)
        {
            added.Add(ConversationStatement.ByTheTeam(conversation, $"Statement number {s + 1} about the city's plans.", seed: true, now));
        }
        db.AddRange(added);
        await db.SaveChangesAsync();
        var ids = added.Select(s => s.Id).Order().ToArray();
        db.ChangeTracker.Clear();

        // Votes of two camps with some noise, so that the map has groups to find.
        var random = new Random(16);
        // Cast over the 30 days before now, in order, as a real conversation's votes are (not all in one instant: the
        // map's incremental read re-reads the last 30 s of votes).
        var castFrom = now - TimeSpan.FromDays(30);
        var castEvery = TimeSpan.FromDays(30) / Math.Max(1L, (long)participants * votesEach);
        var cast = 0L;
        for (var start = 0; start < participants; start += 2_000)
        {
            var batch = Enumerable.Range(start, Math.Min(2_000, participants - start))
                .Select(p => ConversationParticipant.WithKey(conversation.Id, ParticipantKeys.Hash(conversation.Id, BenchKey(p)), now)).ToList();
            db.AddRange(batch);
            await db.SaveChangesAsync();
            var votes = new List<(int Participant, int Statement, ConversationChoice Choice)>(batch.Count * votesEach);
            foreach (var participant in batch)
            {
                var camp = random.Next(2);
                foreach (var index in Sample(random, ids.Length, votesEach))
                {
                    var leaning = (index % 3) switch { 0 => camp == 0 ? 0.8 : 0.2, 1 => camp == 0 ? 0.2 : 0.8, _ => 0.7 };
                    var draw = random.NextDouble();
                    var choice = draw < 0.1 ? ConversationChoice.Pass : random.NextDouble() < leaning ? ConversationChoice.Agree : ConversationChoice.Disagree;
                    votes.Add((participant.Id, ids[index], choice));
                }
            }
            await InsertVotesAsync(db, conversation.Id, votes, castFrom + (castEvery * cast), castEvery);
            cast += votes.Count;
            db.ChangeTracker.Clear();
            Console.Error.WriteLine($"{start + batch.Count} participants, {(long)(start + batch.Count) * votesEach} votes");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{conversation.Id} {ids[0]} {ids.Length}"));
        return 0;
    }

    /// <summary>Millions of votes: COPY on PostgreSQL, one prepared INSERT in a transaction on SQLite (EF's change tracking would take minutes).</summary>
    private static async Task InsertVotesAsync(CocreoDbContext db, int conversationId, List<(int Participant, int Statement, ConversationChoice Choice)> votes, DateTime first, TimeSpan every)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync("COPY \"ConversationVotes\" (\"ConversationId\", \"ParticipantId\", \"StatementId\", \"Choice\", \"VotedAt\") FROM STDIN (FORMAT BINARY)");
            var at = first;
            foreach (var (participant, statement, choice) in votes)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(conversationId, NpgsqlTypes.NpgsqlDbType.Integer);
                await copy.WriteAsync(participant, NpgsqlTypes.NpgsqlDbType.Integer);
                await copy.WriteAsync(statement, NpgsqlTypes.NpgsqlDbType.Integer);
                await copy.WriteAsync(choice.ToString(), NpgsqlTypes.NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                at += every;
            }
            await copy.CompleteAsync();
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO \"ConversationVotes\" (\"ConversationId\", \"ParticipantId\", \"StatementId\", \"Choice\", \"VotedAt\") VALUES ($c, $p, $s, $v, $t)";
        var parameters = new[] { "$c", "$p", "$s", "$v", "$t" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[0].Value = conversationId;
        var time = first;
        foreach (var (participant, statement, choice) in votes)
        {
            parameters[4].Value = time;
            time += every;
            parameters[1].Value = participant;
            parameters[2].Value = statement;
            parameters[3].Value = choice.ToString();
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>The participant key of bench participant <paramref name="n"/>: 43 URL-safe characters, as the platform makes them.</summary>
    public static string BenchKey(int n) => ("bench-" + n.ToString(CultureInfo.InvariantCulture)).PadRight(43, 'x');

    private static IEnumerable<int> Sample(Random random, int count, int take)
    {
        if (take >= count)
        {
            return Enumerable.Range(0, count);
        }
        var chosen = new HashSet<int>();
        while (chosen.Count < take)
        {
            chosen.Add(random.Next(count));
        }
        return chosen;
    }
}
