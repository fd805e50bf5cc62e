using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cocreo.Testing;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Engine = Cocreo.OpinionMap;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Importing a Polis export into a new conversation, on each database: real exports (../shared/data/polis/opendata)
/// give the same opinion groups in the platform as the engine computes on the export the way `cocreo opinion run`
/// does; the platform's own export re-imports losslessly; malformed uploads are refused with their file, line and
/// column, and leave nothing behind; the API does the same.
/// </summary>
public abstract class ConversationImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Theory]
    [InlineData("15-per-hour-seattle")]
    [InlineData("canadian-electoral-reform")]
    public async Task An_imported_Polis_export_gives_the_same_groups_as_the_engine_on_the_export(string name)
    {
        var folder = SharedData.Require("polis/opendata/" + name);
        var cast = await Scenarios.ProcessWithCastAsync(App);
        await ImportSteps.ImportsTheSameAsTheEngineAsync(App, cast, folder);
    }

    [Fact]
    public async Task The_platforms_export_re_imports_losslessly()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var first = await ImportSteps.ImportAsync(cast.OwnerClient, cast.ProcessId, ("export.zip", ImportSteps.Zip(folder)));
        var zip = await cast.AnonymousClient.Http.GetByteArrayAsync($"/conversations/{first}/export.zip");
        var second = await ImportSteps.ImportAsync(cast.OwnerClient, cast.ProcessId, ("conversation.zip", zip));

        var (statementsA, votesA, mapA) = await ImportSteps.ReadAsync(App, first);
        var (statementsB, votesB, mapB) = await ImportSteps.ReadAsync(App, second);
        // Statements by position (ids are new): text, status, public reason, by the team or which participant, time.
        var indexA = statementsA.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var indexB = statementsB.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var participantsA = await ImportSteps.ParticipantIndexAsync(App, first);
        var participantsB = await ImportSteps.ParticipantIndexAsync(App, second);
        Assert.Equal(
            statementsA.Select(s => (s.Text, s.Status, s.RejectedReason, s.ByTeam, Author(participantsA, s.AuthorParticipantId), s.CreatedAt)),
            statementsB.Select(s => (s.Text, s.Status, s.RejectedReason, s.ByTeam, Author(participantsB, s.AuthorParticipantId), s.CreatedAt)));
        Assert.Contains(statementsA, s => s.Status == StatementStatus.Rejected && s.RejectedReason == "Rejected in the imported conversation");
        Assert.Equal(
            votesA.Select(v => (participantsA[v.ParticipantId], indexA[v.StatementId], v.Choice, v.VotedAt)).Order(),
            votesB.Select(v => (participantsB[v.ParticipantId], indexB[v.StatementId], v.Choice, v.VotedAt)).Order());
        Assert.Equal(ImportSteps.Partition(mapA.Participants, participantsA), ImportSteps.Partition(mapB.Participants, participantsB));
        Assert.True(mapA.Groups.Count >= 2);

        static int? Author(Dictionary<int, int> participants, int? id) => id is { } p ? participants[p] : null;
    }

    [Fact]
    public async Task Imported_participants_have_no_account_and_no_key_and_the_log_has_counts_only()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await ImportSteps.ImportAsync(cast.OwnerClient, cast.ProcessId, ("export.zip", ImportSteps.Zip(folder)));
        var participants = await App.WithDbAsync(db => db.Set<ConversationParticipant>().AsNoTracking().Where(p => p.ConversationId == id).ToListAsync());
        Assert.NotEmpty(participants);
        Assert.All(participants, p => Assert.True(p.UserId is null && p.KeyHash is null));
        var entry = await App.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().AsNoTracking()
            .SingleAsync(e => e.ProcessId == cast.ProcessId && e.Action == "conversation.imported"));
        using var data = JsonDocument.Parse(entry.Data);
        Assert.Equal(participants.Count, data.RootElement.GetProperty("participants").GetInt32());
        Assert.Equal(await App.WithDbAsync(db => db.Set<ConversationVote>().CountAsync(v => v.ConversationId == id)), data.RootElement.GetProperty("votes").GetInt32());
        // Counts and settings only: no participant, vote or statement is named.
        Assert.All(data.RootElement.EnumerateObject(), p => Assert.True(p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False, p.Name));
        // A visitor is a new participant of their own, never one of the imported ones.
        var visitor = App.NewClient();
        var (_, response) = await ConversationSteps.VoteShownAsync(visitor, id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(participants.Count + 1, await App.WithDbAsync(db => db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == id)));
    }

    public static TheoryData<string, string[], string> Malformed => new()
    {
        { "a header without comment-id", ["comments.csv:timestamp,datetime,id,author-id,agrees,disagrees,moderated,comment-body\n1,x,1,1,0,0,1,Hello there", ImportSteps.Votes], "comments.csv, line 1: column 'comment-id' is missing" },
        { "a bad number", [ImportSteps.Comments, "votes.csv:timestamp,datetime,comment-id,voter-id,vote\n1000,x,1,1,1\n2000,x,2,1,yes"], "votes.csv, line 3, column 5: 'yes' is not a whole number" },
        { "a vote on an unknown statement", [ImportSteps.Comments, "votes.csv:timestamp,datetime,comment-id,voter-id,vote\n1000,x,1,1,1\n2000,x,99,1,1"], "votes.csv, line 3, column 3: statement 99 is not in comments.csv" },
        { "no comments.csv", [ImportSteps.Votes], "The export has no comments.csv" },
        { "no votes", [ImportSteps.Comments], "The export has no votes.csv" },
        { "not a zip", ["export.zip:this is not a zip file"], "export.zip: This is neither a .zip file nor one of the export's files" },
        { "a damaged zip", ["export.zip:PK\u0003\u0004 and then nothing a zip should have"], "export.zip: The zip file is damaged" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_export_is_refused_with_where_and_nothing_is_imported(string what, string[] files, string message)
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var before = await ImportSteps.RowsAsync(App);
        var uploads = files.Select(f => (Name: f[..f.IndexOf(':', StringComparison.Ordinal)], Bytes: Encoding.UTF8.GetBytes(f[(f.IndexOf(':', StringComparison.Ordinal) + 1)..]))).ToArray();
        var response = await ImportSteps.PostAsync(cast.OwnerClient, cast.ProcessId, uploads);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what}: {response.StatusCode}");
        var page = await FormClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", page.GetElementById("Files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ImportSteps.RowsAsync(App));
    }

    [Fact]
    public async Task A_zip_without_comments_csv_is_refused()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var zip = ImportSteps.Zip(("votes.csv", ImportSteps.Votes[(ImportSteps.Votes.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        var response = await ImportSteps.PostAsync(cast.OwnerClient, cast.ProcessId, ("export.zip", zip));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("comments.csv: The export has no comments.csv", (await FormClient.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_a_form_error_and_nothing_is_imported()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var before = await ImportSteps.RowsAsync(App);
        var response = await ImportSteps.PostAsync(cast.OwnerClient, cast.ProcessId, ("export.zip", new byte[ImportSteps.TestLimit + 200_000]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (answer, page) = await cast.OwnerClient.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("The upload is larger than 2 MB", page.GetElementById("Files-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[type=file][name=Files]"));
        Assert.Equal(before, await ImportSteps.RowsAsync(App));
    }

    [Fact]
    public async Task The_api_imports_and_answers_422_with_the_file_line_and_column()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        async Task<HttpResponseMessage> PostAsync(params (string Name, byte[] Bytes)[] files)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent("What should the minimum wage be?"), "question" },
                { new StringContent("Link"), "access" },
            };
            foreach (var (fileName, bytes) in files)
            {
                content.Add(new ByteArrayContent(bytes), "files", fileName);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/conversations/import") { Content = content };
            request.Headers.Add("X-CSRF-TOKEN", token);
            return await cast.OwnerClient.Http.SendAsync(request);
        }
        var created = await PostAsync(("export.zip", ImportSteps.Zip(folder)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("conversationId").GetInt32();
        Assert.Equal(await App.WithDbAsync(db => db.Set<ConversationVote>().CountAsync(v => v.ConversationId == id)), json.RootElement.GetProperty("votes").GetInt32());

        var before = await ImportSteps.RowsAsync(App);
        var refused = await PostAsync(("comments.csv", Encoding.UTF8.GetBytes(ImportSteps.Comments[13..])),
            ("votes.csv", Encoding.UTF8.GetBytes("timestamp,datetime,comment-id,voter-id,vote\n1000,x,1,1,1\n2000,x,2,1,yes")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("votes.csv", problem.RootElement.GetProperty("file").GetString());
        Assert.Equal(3, problem.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(5, problem.RootElement.GetProperty("column").GetInt32());
        Assert.Equal(before, await ImportSteps.RowsAsync(App));
    }
}

/// <summary>Importing through the page, and reading what was imported.</summary>
internal static class ImportSteps
{
    /// <summary>The upload limit of the test apps of the normal suite (2 MB).</summary>
    public const int TestLimit = 2_000_000;

    public const string Comments = "comments.csv:timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1000,x,1,1,1,0,1,Raise the wage\n2000,x,2,2,0,1,-1,Spam here";

    public const string Votes = "votes.csv:timestamp,datetime,comment-id,voter-id,vote\n1000,x,1,1,1\n2000,x,2,1,-1";

    public static byte[] Zip(string folder) =>
        Zip([.. new[] { "comments.csv", "votes.csv", "participants-votes.csv" }
            .Where(f => File.Exists(Path.Combine(folder, f)))
            .Select(f => (f, File.ReadAllText(Path.Combine(folder, f))))]);

    public static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = new StreamWriter(archive.CreateEntry("export/" + name).Open(), new UTF8Encoding(false));
                entry.Write(text);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Posts the import form with the files; the raw answer.</summary>
    public static async Task<HttpResponseMessage> PostAsync(FormClient team, int processId, params (string Name, byte[] Bytes)[] files)
    {
        var (action, fields) = await team.ReadFormAsync($"/processes/{processId}/conversations/import");
        fields["Input.Question"] = "What should the minimum wage be?";
        fields["Input.Access"] = "Link";
        fields["Input.Moderation"] = "Post";
        fields["Input.StatementLimit"] = "280";
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key != "Files"))
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv");
            content.Add(file, "Files", fileName);
        }
        return await team.Http.PostAsync(action, content);
    }

    /// <summary>Imports and returns the new conversation's id.</summary>
    public static async Task<int> ImportAsync(FormClient team, int processId, params (string Name, byte[] Bytes)[] files)
    {
        var response = await PostAsync(team, processId, files);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await FormClient.ParseAsync(response);
            Assert.Fail($"{response.StatusCode}: {page.QuerySelector(".error-summary")?.TextContent}");
        }
        return Scenarios.IdFrom(response, "/conversations/");
    }

    /// <summary>
    /// Imports the export and checks the platform's map against the engine's on the export, computed as
    /// `cocreo opinion run` does (OpinionMapOptions.Default: Polis' rules, no replay, the seeded group starts,
    /// seed 0): the same partition of the participants into groups. Returns the seconds the import took.
    /// </summary>
    public static async Task<double> ImportsTheSameAsTheEngineAsync(CocreoApp app, ProcessCast cast, string folder, bool zipped = true)
    {
        var export = Engine.Polis.PolisExport.Read(folder);
        (string, byte[])[] upload = zipped
            ? [("export.zip", Zip(folder))]
            : [.. new[] { "comments.csv", "votes.csv", "participants-votes.csv" }.Where(f => File.Exists(Path.Combine(folder, f))).Select(f => (f, File.ReadAllBytes(Path.Combine(folder, f))))];
        var clock = Stopwatch.StartNew();
        var id = await ImportAsync(cast.OwnerClient, cast.ProcessId, upload);
        var seconds = clock.Elapsed.TotalSeconds;

        var (statements, votes, map) = await ReadAsync(app, id);
        var final = Cocreo.Web.Features.Conversations.Import.ImportConversation.FinalVotes(export.Votes);
        Assert.Equal(export.Conversation.Statements.Count, statements.Count);
        Assert.Equal(export.Conversation.Statements.Count(s => s.Moderation == Engine.Moderation.Rejected), statements.Count(s => s.Status == StatementStatus.Rejected));
        Assert.Equal(final.Count, votes.Count);

        // Platform ids back to Polis ids: participants and statements were inserted in the order of their Polis ids.
        var polisParticipants = final.Select(v => v.ParticipantId)
            .Concat(export.Conversation.Statements.Where(s => s.AuthorId is not null).Select(s => s.AuthorId!.Value))
            .Distinct().Order().ToArray();
        var platformParticipants = await app.WithDbAsync(db => db.Set<ConversationParticipant>().Where(p => p.ConversationId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(polisParticipants.Length, platformParticipants.Count);
        var toPolis = platformParticipants.Select((p, i) => (p, polisParticipants[i])).ToDictionary(x => x.p, x => x.Item2);
        var statementToPolis = statements.Select((s, i) => (s.Id, export.Conversation.Statements[i].Id)).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(statements.Select(s => s.Text), export.Conversation.Statements.Select(s => Cocreo.Web.Features.Conversations.StatementText.Tidy(s.Text)));
        // Every vote stands as the export's final vote (which also proves the id mapping).
        Assert.Equal(final.Select(v => (v.ParticipantId, v.StatementId, v.Choice)).Order(),
            votes.Select(v => (toPolis[v.ParticipantId], statementToPolis[v.StatementId], ConversationMaps.ToEngine(v.Choice))).Order());

        var engine = Engine.OpinionMapper.Compute(export.Conversation, Engine.OpinionMapOptions.Default);
        var expected = Partition(engine.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.ParticipantId, p => p.GroupId!.Value));
        var actual = Partition(map.Participants.Where(p => p.Value.GroupId is not null).ToDictionary(p => toPolis[p.Key], p => p.Value.GroupId!.Value));
        Assert.True(engine.Groups.Count >= 2);
        Assert.Equal(engine.Groups.Count, map.Groups.Count);
        Assert.Equal(expected, actual);
        return seconds;
    }

    /// <summary>The groups as sets of members, in a canonical order (group ids may be relabelled).</summary>
    public static List<string> Partition(IReadOnlyDictionary<int, int> groupOf) =>
        [.. groupOf.GroupBy(p => p.Value).Select(g => string.Join(",", g.Select(p => p.Key).Order())).Order(StringComparer.Ordinal)];

    /// <summary>The map's groups as sets of participant positions (first, second... participant of the conversation).</summary>
    public static List<string> Partition(IReadOnlyDictionary<int, PlacementSummary> placements, Dictionary<int, int> position) =>
        Partition(placements.Where(p => p.Value.GroupId is not null).ToDictionary(p => position[p.Key], p => p.Value.GroupId!.Value));

    /// <summary>Each participant's position in the conversation (by id).</summary>
    public static Task<Dictionary<int, int>> ParticipantIndexAsync(CocreoApp app, int conversationId) => app.WithDbAsync(async db =>
        (await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversationId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync())
            .Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i));

    public static async Task<(List<ConversationStatement> Statements, List<ConversationVote> Votes, MapSummary Map)> ReadAsync(CocreoApp app, int conversationId)
    {
        var statements = await ConversationSteps.StatementsAsync(app, conversationId);
        var votes = await ConversationSteps.VotesAsync(app, conversationId);
        using var scope = app.Services.CreateScope();
        var map = await scope.ServiceProvider.GetRequiredService<ConversationMaps>().CurrentAsync(conversationId, CancellationToken.None);
        return (statements, votes, map);
    }

    /// <summary>How many conversations, participants, statements and votes there are in all.</summary>
    public static Task<string> RowsAsync(CocreoApp app) => app.WithDbAsync(async db =>
        $"{await db.Set<Conversation>().CountAsync()}/{await db.Set<ConversationParticipant>().CountAsync()}/"
        + $"{await db.Set<ConversationStatement>().CountAsync()}/{await db.Set<ConversationVote>().CountAsync()}");
}

public sealed class ConversationImportOnSqlite(ConversationImportOnSqlite.TestApp app) : ConversationImportTests<ConversationImportOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Conversations:MapRefresh"] = "00:00:00",
            ["Conversations:Import:MaxUploadBytes"] = ImportSteps.TestLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

public sealed class ConversationImportOnPostgres(ConversationImportOnPostgres.TestApp app) : ConversationImportTests<ConversationImportOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Conversations:MapRefresh"] = "00:00:00",
            ["Conversations:Import:MaxUploadBytes"] = ImportSteps.TestLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
