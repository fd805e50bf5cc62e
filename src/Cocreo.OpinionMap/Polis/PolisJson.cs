using System.Globalization;
using System.Text.Json;

namespace Cocreo.OpinionMap.Polis;

/// <summary>
/// Reads the Polis JSON inputs: <c>votes.json</c> (the API's votes: participant, statement, vote, modified) and
/// <c>comments.json</c> (the API's comments: id, text, moderation, is_meta, author, created, vote counts). Both the
/// API's field names (<c>pid</c>, <c>tid</c>, <c>mod</c>) and red-dwarf's (<c>participant_id</c>,
/// <c>statement_id</c>, <c>moderated</c>) are accepted.
/// </summary>
public static class PolisJson
{
    /// <summary>Reads a conversation.</summary>
    /// <param name="votesPath">votes.json.</param>
    /// <param name="commentsPath">comments.json, or null (statements then count as unmoderated).</param>
    /// <param name="sign">
    /// Which number means agree. Null: decided from comments.json's agree and disagree counts (an error when that
    /// file is missing or its counts cannot tell).
    /// </param>
    /// <exception cref="PolisFormatException">A file is not what Polis writes; the message says where and why.</exception>
    public static Conversation ReadConversation(string votesPath, string? commentsPath = null, PolisVoteSign? sign = null)
    {
        var (statements, votes) = Read(votesPath, commentsPath, sign);
        return new Conversation(statements, votes);
    }

    /// <summary>Reads the statements and every vote, as <see cref="ReadConversation"/> does (for writing them out again).</summary>
    /// <exception cref="PolisFormatException">A file is not what Polis writes; the message says where and why.</exception>
    public static (IReadOnlyList<Statement> Statements, IReadOnlyList<Vote> Votes) Read(string votesPath, string? commentsPath = null, PolisVoteSign? sign = null)
    {
        var comments = commentsPath is null ? [] : ReadComments(commentsPath);
        var votes = ReadVotes(votesPath);
        var resolved = sign ?? DetectSign(votes, comments, votesPath, commentsPath);
        var file = Path.GetFileName(votesPath);
        var converted = votes.Select((v, i) => new Vote(v.ParticipantId, v.StatementId,
            PolisVoteSigns.Choice(v.Value, resolved)
                ?? throw new PolisFormatException(file, $"vote #{i + 1} (vote)", $"'{v.Value}' is not -1, 0 or 1."),
            v.Time));
        return ([.. comments.Select(c => c.Statement)], converted.ToList());
    }

    /// <summary>
    /// The sign under which the votes reproduce comments.json's agree and disagree counts best (Polis' API gives
    /// agree −1; files saved by red-dwarf give agree +1).
    /// </summary>
    private static PolisVoteSign DetectSign(List<RawVote> votes, List<Comment> comments, string votesPath, string? commentsPath)
    {
        var counted = comments.Where(c => c.AgreeCount is not null && c.DisagreeCount is not null).ToList();
        long ifMinusIsAgree = 0, ifPlusIsAgree = 0;
        if (counted.Count > 0)
        {
            var plus = votes.Where(v => v.Value == 1).CountBy(v => v.StatementId).ToDictionary();
            var minus = votes.Where(v => v.Value == -1).CountBy(v => v.StatementId).ToDictionary();
            foreach (var comment in counted)
            {
                var p = plus.GetValueOrDefault(comment.Statement.Id);
                var m = minus.GetValueOrDefault(comment.Statement.Id);
                ifMinusIsAgree += Math.Abs(m - comment.AgreeCount!.Value) + Math.Abs(p - comment.DisagreeCount!.Value);
                ifPlusIsAgree += Math.Abs(p - comment.AgreeCount!.Value) + Math.Abs(m - comment.DisagreeCount!.Value);
            }
        }
        if (counted.Count == 0 || ifMinusIsAgree == ifPlusIsAgree)
        {
            throw new PolisFormatException(Path.GetFileName(votesPath), null,
                "cannot tell whether agree is -1 (Polis API) or +1 (Polis export)"
                + (commentsPath is null ? " without comments.json" : " from the agree and disagree counts in " + Path.GetFileName(commentsPath))
                + "; say which.");
        }
        return ifMinusIsAgree < ifPlusIsAgree ? PolisVoteSign.AgreeIsMinusOne : PolisVoteSign.AgreeIsPlusOne;
    }

    private readonly record struct RawVote(int ParticipantId, int StatementId, long Value, DateTimeOffset Time);

    private sealed record Comment(Statement Statement, int? AgreeCount, int? DisagreeCount);

    private static List<RawVote> ReadVotes(string path)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path);
        var votes = new List<RawVote>();
        var number = 0;
        foreach (var element in Array(document, file))
        {
            number++;
            var where = $"vote #{number}";
            votes.Add(new RawVote(
                Integer(element, file, where, "participant_id", "pid"),
                Integer(element, file, where, "statement_id", "tid"),
                Integer(element, file, where, "vote"),
                OptionalTime(element, file, where, "modified", "created") ?? default));
        }
        return votes;
    }

    private static List<Comment> ReadComments(string path)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path);
        var comments = new List<Comment>();
        var number = 0;
        foreach (var element in Array(document, file))
        {
            number++;
            var where = $"comment #{number}";
            var moderationValue = OptionalInteger(element, file, where, "moderated", "mod") ?? 0;
            var moderation = PolisVoteSigns.ModerationOf(moderationValue)
                ?? throw new PolisFormatException(file, where + " (moderated)", $"'{moderationValue}' is not -1, 0 or 1.");
            var statement = new Statement(Integer(element, file, where, "statement_id", "tid"), OptionalString(element, "txt") ?? "")
            {
                Moderation = moderation,
                IsMeta = OptionalBoolean(element, file, where, "is_meta") ?? false,
                AuthorId = OptionalInteger(element, file, where, "participant_id", "pid"),
                CreatedAt = OptionalTime(element, file, where, "created"),
            };
            comments.Add(new Comment(statement, OptionalInteger(element, file, where, "agree_count"),
                OptionalInteger(element, file, where, "disagree_count")));
        }
        return comments;
    }

    private static JsonDocument Parse(string path)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new PolisFormatException(file, $"line {e.LineNumber + 1}", "not valid JSON: " + e.Message, e);
        }
        catch (IOException e)
        {
            throw new PolisFormatException(file, null, "cannot be read: " + e.Message, e);
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonDocument document, string file) =>
        document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray()
            : throw new PolisFormatException(file, null, "expected a JSON array of objects.");

    private static JsonElement? Property(JsonElement element, string file, string where, string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolisFormatException(file, where, "expected an object.");
        }
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }
        }
        return null;
    }

    private static int Integer(JsonElement element, string file, string where, params string[] names) =>
        OptionalInteger(element, file, where, names)
        ?? throw new PolisFormatException(file, where, $"missing {string.Join(" or ", names)}.");

    private static int? OptionalInteger(JsonElement element, string file, string where, params string[] names)
    {
        if (Property(element, file, where, names) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number;
        }
        if (value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw new PolisFormatException(file, $"{where} ({names[0]})", $"expected a whole number, found {value.GetRawText()}.");
    }

    private static bool? OptionalBoolean(JsonElement element, string file, string where, string name) =>
        Property(element, file, where, [name]) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            var other => throw new PolisFormatException(file, $"{where} ({name})", $"expected true or false, found {other.Value.GetRawText()}."),
        };

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Milliseconds since 1970 as a number or string, or an ISO 8601 date.</summary>
    private static DateTimeOffset? OptionalTime(JsonElement element, string file, string where, params string[] names)
    {
        if (Property(element, file, where, names) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return PolisVoteSigns.Time((long)number);
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return PolisVoteSigns.Time(milliseconds);
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date;
            }
        }
        throw new PolisFormatException(file, $"{where} ({names[0]})", $"expected a time (milliseconds since 1970 or an ISO date), found {value.GetRawText()}.");
    }
}
