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
    /// <summary>
    /// Reads an export folder. Votes come from votes.csv (every vote with its time; later votes replace earlier
    /// ones); when it is absent, from participants-votes.csv (the final votes, without times).
    /// </summary>
    /// <exception cref="PolisFormatException">A file is missing or malformed; the message names the file, line and field.</exception>
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
        var (participantVotes, groups) = File.Exists(participantsPath)
            ? ReadParticipantsVotes(participantsPath)
            : ([], new Dictionary<int, int>());
        var votes = File.Exists(votesPath) ? ReadVotes(votesPath) : participantVotes;
        return new PolisExport(new Conversation(statements, votes), groups);
    }

    private static List<Statement> ReadComments(string path)
    {
        var statements = new List<Statement>();
        ReadCsv(path, ["comment-id"], row => statements.Add(new Statement(row.Integer("comment-id"), row.Text("comment-body") ?? "")
        {
            AuthorId = row.OptionalInteger("author-id"),
            Moderation = row.OptionalInteger("moderated") is { } moderated
                ? PolisVoteSigns.ModerationOf(moderated) ?? throw row.Error("moderated", $"'{moderated}' is not -1, 0 or 1.")
                : Moderation.Unmoderated,
            IsMeta = row.OptionalBoolean("is-meta") ?? false,
            CreatedAt = row.OptionalLong("timestamp") is { } created ? PolisVoteSigns.Time(created) : null,
        }));
        return statements;
    }

    private static List<Vote> ReadVotes(string path)
    {
        var votes = new List<Vote>();
        ReadCsv(path, ["comment-id", "voter-id", "vote"], row =>
        {
            var value = row.Integer("vote");
            var choice = PolisVoteSigns.Choice(value, PolisVoteSign.AgreeIsPlusOne)
                ?? throw row.Error("vote", $"'{value}' is not 1 (agree), -1 (disagree) or 0 (pass).");
            var time = row.OptionalLong("timestamp") is { } timestamp ? PolisVoteSigns.Time(timestamp) : default;
            votes.Add(new Vote(row.Integer("voter-id"), row.Integer("comment-id"), choice, time));
        });
        return votes;
    }

    private static (List<Vote> Votes, Dictionary<int, int> Groups) ReadParticipantsVotes(string path)
    {
        var votes = new List<Vote>();
        var groups = new Dictionary<int, int>();
        ReadCsv(path, ["participant"], row =>
        {
            var participant = row.Integer("participant");
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
            using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true });
            var row = new CsvRow(csv, file);
            var first = true;
            while (csv.Read())
            {
                if (first)
                {
                    foreach (var name in required.Where(name => !csv.Headers.Contains(name)))
                    {
                        throw new PolisFormatException(file, "line 1", $"column '{name}' is missing (found: {string.Join(", ", csv.Headers)}).");
                    }
                    first = false;
                }
                read(row);
            }
        }
        catch (IOException e)
        {
            throw new PolisFormatException(file, null, "cannot be read: " + e.Message, e);
        }
        catch (CsvFormatException e)
        {
            throw new PolisFormatException(file, $"line {e.LineNumber}", "not a valid CSV row: " + e.Message, e);
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

        public string? Text(string name) => csv.TryGetFieldIndex(name, out var index) ? csv.GetString(index) : null;

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

        public PolisFormatException Error(string field, string problem) =>
            new(file, $"line {csv.LineNumber}, field {field}", problem);
    }
}
