using System.Globalization;
using CsvHelper;

namespace Cocreo.OpinionMap.Polis;

/// <summary>
/// A Polis open-data export (a folder with <c>comments.csv</c>, <c>votes.csv</c> and/or
/// <c>participants-votes.csv</c>, <c>summary.csv</c>). Exports write agree as +1 and disagree as −1.
/// </summary>
/// <param name="Conversation">The statements and votes.</param>
/// <param name="GroupIds">The group Polis put each participant in (participants-votes.csv <c>group-id</c>), for those who have one.</param>
public sealed record PolisExport(Conversation Conversation, IReadOnlyDictionary<int, int> GroupIds)
{
    private static readonly string[] CommentColumns = ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"];
    private static readonly string[] VoteColumns = ["timestamp", "datetime", "comment-id", "voter-id", "vote"];
    private static readonly string[] ParticipantColumns = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"];

    /// <summary>
    /// Every vote read (from votes.csv: the whole history, a changed vote included; else the final votes of
    /// participants-votes.csv), in the order the conversation applied them: by time, equal times in file order.
    /// </summary>
    public IReadOnlyList<Vote> Votes { get; init; } = [];

    /// <summary>
    /// Reads an export folder. Votes come from votes.csv (every vote with its time; later votes replace earlier
    /// ones); when it is absent, from participants-votes.csv (the final votes, without times). Nothing is returned
    /// unless every file reads without error.
    /// </summary>
    /// <exception cref="PolisFormatException">A file is missing or malformed; the message names the file, line and column.</exception>
    public static PolisExport Read(string directory)
    {
        var commentsPath = Path.Combine(directory, "comments.csv");
        var votesPath = Path.Combine(directory, "votes.csv");
        var participantsPath = Path.Combine(directory, "participants-votes.csv");
        if (!File.Exists(commentsPath))
        {
            throw new PolisFormatException("comments.csv", null, $"not found in {directory}.");
        }
        if (!File.Exists(votesPath) && !File.Exists(participantsPath))
        {
            throw new PolisFormatException("votes.csv", null, $"neither votes.csv nor participants-votes.csv found in {directory}.");
        }
        var statements = ReadComments(commentsPath);
        var known = statements.Select(s => s.Id).ToHashSet();
        var (participantVotes, groups) = File.Exists(participantsPath)
            ? ReadParticipantsVotes(participantsPath, known)
            : ([], new Dictionary<int, int>());
        var votes = (File.Exists(votesPath) ? ReadVotes(votesPath, known) : participantVotes).ToArray();
        Conversation.OrderByTime(votes);
        return new PolisExport(new Conversation(statements, votes), groups) { Votes = votes };
    }

    /// <summary>The group of every participant in a group of the map, for <see cref="Write(string, IEnumerable{Statement}, IEnumerable{Vote}, IReadOnlyDictionary{int, int}?)"/>.</summary>
    public static IReadOnlyDictionary<int, int> GroupIdsOf(ConversationMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Participants.Where(p => p.GroupId is not null).ToDictionary(p => p.ParticipantId, p => p.GroupId!.Value);
    }

    /// <summary>Writes this export (its statements, every vote and its group ids) to a folder.</summary>
    public void Write(string directory) => Write(directory, Conversation.Statements, Votes, GroupIds);

    /// <summary>
    /// Writes a conversation in Polis' open-data format: comments.csv, votes.csv (every vote, in the order they apply)
    /// and participants-votes.csv (each participant's final votes, with their group when they have one). Agree is +1,
    /// disagree −1, pass 0; times are milliseconds since 1970, empty when unknown. <see cref="Read"/> reads the folder
    /// back to the same statements, votes and groups. A meta statement adds an <c>is-meta</c> column to comments.csv
    /// (Polis' own files have none). The files appear only once all are written.
    /// </summary>
    /// <param name="directory">The folder (created when missing); existing files of the same names are replaced.</param>
    /// <param name="statements">The statements; every vote must be on one of them.</param>
    /// <param name="votes">The votes; a later vote of a participant on a statement replaces an earlier one.</param>
    /// <param name="groupIds">The group of each participant who has one (<see cref="GroupIdsOf"/>), or null.</param>
    /// <exception cref="ArgumentException">A vote is on a statement that is not given, or a statement id appears twice.</exception>
    public static void Write(string directory, IEnumerable<Statement> statements, IEnumerable<Vote> votes, IReadOnlyDictionary<int, int>? groupIds = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(votes);
        groupIds ??= new Dictionary<int, int>();
        var byId = new SortedDictionary<int, Statement>();
        foreach (var statement in statements)
        {
            if (!byId.TryAdd(statement.Id, statement))
            {
                throw new ArgumentException($"Statement {statement.Id} is given twice.", nameof(statements));
            }
        }
        var ordered = votes.ToArray();
        Conversation.OrderByTime(ordered);
        foreach (var vote in ordered.Where(v => !byId.ContainsKey(v.StatementId)).Take(1))
        {
            throw new ArgumentException($"A vote of participant {vote.ParticipantId} is on statement {vote.StatementId}, which is not among the statements.", nameof(votes));
        }
        var matrix = new Conversation(byId.Values, ordered).ToVoteMatrix();

        Directory.CreateDirectory(directory);
        var files = new[] { "comments.csv", "votes.csv", "participants-votes.csv" };
        var temporary = files.Select(f => Path.Combine(directory, $".{f}.{Guid.NewGuid():N}.tmp")).ToArray();
        try
        {
            WriteComments(temporary[0], byId.Values, matrix);
            WriteVotes(temporary[1], ordered);
            WriteParticipantsVotes(temporary[2], byId.Values, matrix, groupIds);
            for (var i = 0; i < files.Length; i++)
            {
                File.Move(temporary[i], Path.Combine(directory, files[i]), overwrite: true);
            }
        }
        finally
        {
            foreach (var file in temporary.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    private static CsvWriter CreateWriter(string path) =>
        CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n", Quoting = CsvQuoting.WhenNeeded });

    private static void WriteComments(string path, IEnumerable<Statement> statements, VoteMatrix matrix)
    {
        var withMeta = statements.Any(s => s.IsMeta);
        using var csv = CreateWriter(path);
        csv.WriteHeader(withMeta ? [.. CommentColumns, "is-meta"] : CommentColumns);
        foreach (var statement in statements)
        {
            var column = Array.BinarySearch(matrix.StatementIds, statement.Id);
            var tally = column >= 0 ? matrix.ColumnVotes[column] : default;
            var created = statement.CreatedAt?.ToUnixTimeMilliseconds();
            string[] fields =
            [
                Number(created), created is { } ms ? PolisDate(ms) : "", Number(statement.Id), Number(statement.AuthorId),
                Number(tally.Agree), Number(tally.Disagree), Number((int)statement.Moderation), statement.Text,
            ];
            csv.WriteRecord(withMeta ? [.. fields, statement.IsMeta ? "1" : "0"] : fields);
        }
    }

    private static void WriteVotes(string path, Vote[] votes)
    {
        using var csv = CreateWriter(path);
        csv.WriteHeader(VoteColumns);
        foreach (var vote in votes)
        {
            long? time = vote.Time == default ? null : vote.Time.ToUnixTimeMilliseconds();
            csv.WriteRecord([Number(time), time is { } ms ? PolisDate(ms) : "", Number(vote.StatementId), Number(vote.ParticipantId), ExportValue(vote.Choice)]);
        }
    }

    private static void WriteParticipantsVotes(string path, IEnumerable<Statement> statements, VoteMatrix matrix, IReadOnlyDictionary<int, int> groupIds)
    {
        var statementIds = statements.Select(s => s.Id).ToArray();
        var authored = statements.Where(s => s.AuthorId is not null).GroupBy(s => s.AuthorId!.Value).ToDictionary(g => g.Key, g => g.Count());
        // Position of each matrix column among the statement columns of the file.
        var position = matrix.StatementIds.Select(id => Array.BinarySearch(statementIds, id)).ToArray();
        using var csv = CreateWriter(path);
        csv.WriteHeader([.. ParticipantColumns, .. statementIds.Select(id => Number(id))]);
        var fields = new string[ParticipantColumns.Length + statementIds.Length];
        for (var row = 0; row < matrix.RowCount; row++)
        {
            var participant = matrix.ParticipantIds[row];
            Array.Fill(fields, "");
            int agree = 0, disagree = 0;
            for (var k = matrix.RowStart[row]; k < matrix.RowStart[row + 1]; k++)
            {
                var raw = matrix.Votes[k];
                agree += raw == PolisVoteValue.Agree ? 1 : 0;
                disagree += raw == PolisVoteValue.Disagree ? 1 : 0;
                // The matrix keeps Polis' math convention (agree −1); the files use agree +1.
                fields[ParticipantColumns.Length + position[matrix.Columns[k]]] = Number(-raw);
            }
            fields[0] = Number(participant);
            fields[1] = groupIds.TryGetValue(participant, out var group) ? Number(group) : "";
            fields[2] = Number(authored.GetValueOrDefault(participant));
            fields[3] = Number(matrix.VoteCountOfRow(row));
            fields[4] = Number(agree);
            fields[5] = Number(disagree);
            csv.WriteRecord(fields);
        }
    }

    private static string ExportValue(VoteChoice choice) => choice switch
    {
        VoteChoice.Agree => "1",
        VoteChoice.Disagree => "-1",
        _ => "0",
    };

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The datetime column as Polis writes it (Java's Date.toString), in UTC.</summary>
    private static string PolisDate(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    private static List<Statement> ReadComments(string path)
    {
        var statements = new List<Statement>();
        var lines = new Dictionary<int, long>();
        ReadCsv(path, ["comment-id"], row =>
        {
            var id = row.Integer("comment-id");
            if (!lines.TryAdd(id, row.Line))
            {
                throw row.Error("comment-id", $"statement {id} appears twice (first on line {lines[id]}).");
            }
            statements.Add(new Statement(id, row.Text("comment-body") ?? "")
            {
                AuthorId = row.OptionalInteger("author-id"),
                Moderation = row.OptionalInteger("moderated") is { } moderated
                    ? PolisVoteSigns.ModerationOf(moderated) ?? throw row.Error("moderated", $"'{moderated}' is not -1, 0 or 1.")
                    : Moderation.Unmoderated,
                IsMeta = row.OptionalBoolean("is-meta") ?? false,
                CreatedAt = row.OptionalTime("timestamp"),
            });
        });
        return statements;
    }

    private static List<Vote> ReadVotes(string path, HashSet<int> statements)
    {
        var votes = new List<Vote>();
        ReadCsv(path, ["comment-id", "voter-id", "vote"], row =>
        {
            var value = row.Integer("vote");
            var choice = PolisVoteSigns.Choice(value, PolisVoteSign.AgreeIsPlusOne)
                ?? throw row.Error("vote", $"'{value}' is not 1 (agree), -1 (disagree) or 0 (pass).");
            var statement = row.Integer("comment-id");
            if (!statements.Contains(statement))
            {
                throw row.Error("comment-id", $"statement {statement} is not in comments.csv.");
            }
            votes.Add(new Vote(row.Integer("voter-id"), statement, choice, row.OptionalTime("timestamp") ?? default));
        });
        return votes;
    }

    private static (List<Vote> Votes, Dictionary<int, int> Groups) ReadParticipantsVotes(string path, HashSet<int> statements)
    {
        var votes = new List<Vote>();
        var groups = new Dictionary<int, int>();
        var lines = new Dictionary<int, long>();
        ReadCsv(path, ["participant"], row =>
        {
            if (lines.Count == 0)
            {
                foreach (var (header, statement) in row.NumberedColumns.Where(c => !statements.Contains(c.Statement)))
                {
                    throw row.HeaderError(header, $"statement {statement} is not in comments.csv.");
                }
            }
            var participant = row.Integer("participant");
            if (!lines.TryAdd(participant, row.Line))
            {
                throw row.Error("participant", $"participant {participant} appears twice (first on line {lines[participant]}).");
            }
            if (row.OptionalInteger("group-id") is { } group)
            {
                groups[participant] = group;
            }
            foreach (var (header, statement) in row.NumberedColumns)
            {
                if (row.OptionalInteger(header) is { } value)
                {
                    var choice = PolisVoteSigns.Choice(value, PolisVoteSign.AgreeIsPlusOne)
                        ?? throw row.Error(header, $"'{value}' is not 1 (agree), -1 (disagree), 0 (pass) or empty.");
                    votes.Add(new Vote(participant, statement, choice));
                }
            }
        });
        return (votes, groups);
    }

    private static void ReadCsv(string path, string[] required, Action<CsvRow> read)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, Separator = ',', MalformedData = CsvMalformedDataHandling.Throw });
            var row = new CsvRow(csv, file);
            var first = true;
            while (csv.Read())
            {
                if (first)
                {
                    CheckHeader(csv, file, required);
                    first = false;
                }
                if (csv.FieldCount != csv.Headers.Count)
                {
                    throw new PolisFormatException(file, $"line {csv.LineNumber}", csv.FieldCount < csv.Headers.Count
                        ? $"the row ends after {csv.FieldCount} of the header's {csv.Headers.Count} columns (a truncated line?)."
                        : $"the row has {csv.FieldCount} fields, the header {csv.Headers.Count} columns.", line: csv.LineNumber);
                }
                read(row);
            }
            if (first)
            {
                CheckHeader(csv, file, required);
            }
        }
        catch (IOException e)
        {
            throw new PolisFormatException(file, null, "cannot be read: " + e.Message, e);
        }
        catch (CsvFormatException e)
        {
            throw new PolisFormatException(file, $"line {e.LineNumber}", "not a valid CSV row: " + e.Message, e, line: e.LineNumber);
        }
    }

    private static void CheckHeader(CsvReader csv, string file, string[] required)
    {
        var headers = csv.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(headers[i].Trim(), headers[j].Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    throw new PolisFormatException(file, $"line 1, column {i + 1} ({headers[i]})",
                        $"column '{headers[i]}' appears twice (columns {j + 1} and {i + 1}).", line: 1, column: i + 1);
                }
            }
        }
        foreach (var name in required.Where(name => !headers.Contains(name)))
        {
            throw new PolisFormatException(file, "line 1", $"column '{name}' is missing (found: {string.Join(", ", headers)}).", line: 1);
        }
    }

    /// <summary>The current row of a CSV file, with typed access that names the line and field on error.</summary>
    private sealed class CsvRow(CsvReader csv, string file)
    {
        private IReadOnlyList<(string Header, int Statement)>? numberedColumns;

        /// <summary>Columns whose header is a statement id (participants-votes.csv).</summary>
        public IReadOnlyList<(string Header, int Statement)> NumberedColumns => numberedColumns ??= [.. csv.Headers
            .Select(h => (Header: h, Ok: int.TryParse(h, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id), Id: id))
            .Where(h => h.Ok)
            .Select(h => (h.Header, h.Id))];

        public long Line => csv.LineNumber;

        public string? Text(string name) => csv.TryGetFieldIndex(name, out var index) ? csv.GetString(index) : null;

        public DateTimeOffset? OptionalTime(string name)
        {
            if (OptionalLong(name) is not { } value)
            {
                return null;
            }
            try
            {
                return PolisVoteSigns.Time(value);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Error(name, $"'{value}' is not a time (milliseconds since 1970).");
            }
        }

        public int Integer(string name) => OptionalInteger(name) ?? throw Error(name, "a whole number is required here.");

        public int? OptionalInteger(string name) => OptionalLong(name) is { } value
            ? value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(name, $"'{value}' is out of range.")
            : null;

        public long? OptionalLong(string name)
        {
            var text = Text(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(name, $"'{text}' is not a whole number.");
        }

        public bool? OptionalBoolean(string name)
        {
            var text = Text(name)?.Trim().ToLowerInvariant();
            return text switch
            {
                null or "" => null,
                "true" or "1" or "t" => true,
                "false" or "0" or "f" => false,
                _ => throw Error(name, $"'{text}' is not true or false."),
            };
        }

        public PolisFormatException Error(string field, string problem)
        {
            var column = csv.TryGetFieldIndex(field, out var index) ? index + 1 : (int?)null;
            return new(file, $"line {csv.LineNumber}, {(column is null ? "" : $"column {column} ")}({field})", problem, line: csv.LineNumber, column: column);
        }

        public PolisFormatException HeaderError(string field, string problem)
        {
            var column = csv.TryGetFieldIndex(field, out var index) ? index + 1 : (int?)null;
            return new(file, $"line 1, {(column is null ? "" : $"column {column} ")}({field})", problem, line: 1, column: column);
        }
    }
}
