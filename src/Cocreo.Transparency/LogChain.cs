using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cocreo.Transparency;

/// <summary>One entry of a process's public log, as it is hashed, stored and exported.</summary>
public sealed record LogRecord(
    int ProcessId,
    long Sequence,
    DateTime OccurredAt,
    string? ActorName,
    string ActorRole,
    string Action,
    string Data,
    string PreviousHash,
    string Hash);

/// <summary>
/// The hash chain of a process log. Each entry's hash is SHA-256 over a canonical encoding of the entry that
/// includes the previous entry's hash, so editing, removing or reordering an entry breaks every later link.
/// The canonical encoding is a JSON array
/// <c>[processId, sequence, occurredAt, actorName, actorRole, action, data, previousHash]</c> written without
/// whitespace, with object keys of <c>data</c> sorted by ordinal comparison, strings escaped minimally
/// (System.Text.Json's relaxed escaping), and <c>occurredAt</c> as UTC ISO 8601 with six fractional digits
/// (PostgreSQL keeps microseconds, so finer ticks would not survive a round trip).
/// </summary>
public static class LogChain
{
    /// <summary>The "previous hash" of a log's first entry: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonSerializerOptions DataSerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The instant as the log keeps it: UTC, truncated to whole microseconds.</summary>
    public static DateTime Truncate(DateTime instant)
    {
        var utc = instant.Kind == DateTimeKind.Utc ? instant : instant.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The instant as the canonical encoding writes it: UTC ISO 8601 with six fractional digits.</summary>
    public static string FormatInstant(DateTime instant) =>
        Truncate(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical JSON of an entry's data (an object of whatever shape the action needs).</summary>
    public static string CanonicalData(object? data) =>
        Canonicalize(data is null ? new JsonObject() : JsonSerializer.SerializeToNode(data, DataSerializerOptions));

    /// <summary>Rewrites JSON text in canonical form; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static string CanonicalizeJson(string json) => Canonicalize(JsonNode.Parse(json));

    /// <summary>Writes a JSON value in canonical form: no whitespace, object keys sorted by ordinal comparison.</summary>
    public static string Canonicalize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteCanonical(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The entry's hash: lowercase hexadecimal SHA-256 of its canonical encoding (see <see cref="LogChain"/>).</summary>
    public static string ComputeHash(int processId, long sequence, DateTime occurredAt, string? actorName, string actorRole, string action, string canonicalData, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(processId);
            writer.WriteNumberValue(sequence);
            writer.WriteStringValue(FormatInstant(occurredAt));
            if (actorName is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(actorName);
            }
            writer.WriteStringValue(actorRole);
            writer.WriteStringValue(action);
            WriteCanonical(writer, JsonNode.Parse(canonicalData));
            writer.WriteStringValue(previousHash);
            writer.WriteEndArray();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray())).ToLowerInvariant();
    }

    /// <summary>The hash the record should carry, computed from its content.</summary>
    public static string ComputeHash(LogRecord record) =>
        ComputeHash(record.ProcessId, record.Sequence, record.OccurredAt, record.ActorName, record.ActorRole, record.Action, record.Data, record.PreviousHash);

    /// <summary>
    /// Checks a log in the order given. The expected length and head, when known (the process keeps them), also
    /// reveal entries removed from the end.
    /// </summary>
    public static LogVerification Verify(IReadOnlyList<LogRecord> entries, long? expectedLength = null, string? expectedHead = null)
    {
        var previousHash = GenesisHash;
        var sequences = entries.Select(e => e.Sequence).ToHashSet();
        var hashes = entries.Select(e => e.Hash).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expectedSequence = i + 1L;
            if (entry.Sequence != expectedSequence)
            {
                var problem = sequences.Contains(expectedSequence) ? LogProblem.Reordered : LogProblem.Removed;
                return LogVerification.Broken(expectedSequence, problem);
            }
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                // The link to the previous entry no longer holds. If it points at another entry of this log, the
                // entries were moved; otherwise the previous entry was changed and its own hash recomputed to hide it.
                return hashes.Contains(entry.PreviousHash) || entry.PreviousHash == GenesisHash || expectedSequence == 1
                    ? LogVerification.Broken(expectedSequence, LogProblem.Reordered)
                    : LogVerification.Broken(expectedSequence - 1, LogProblem.Edited);
            }
            string recomputed;
            try
            {
                recomputed = ComputeHash(entry);
            }
            catch (JsonException)
            {
                return LogVerification.Broken(expectedSequence, LogProblem.Edited);
            }
            if (!string.Equals(recomputed, entry.Hash, StringComparison.Ordinal))
            {
                return LogVerification.Broken(expectedSequence, LogProblem.Edited);
            }
            previousHash = entry.Hash;
        }
        if (expectedLength is not null && expectedLength.Value > entries.Count)
        {
            return LogVerification.Broken(entries.Count + 1, LogProblem.Removed);
        }
        if (expectedHead is not null && !string.Equals(expectedHead, previousHash, StringComparison.Ordinal))
        {
            return LogVerification.Broken(Math.Max(1, entries.Count), LogProblem.Edited);
        }
        return new LogVerification(true, null, null, entries.Count, previousHash);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

/// <summary>What is wrong with a log at its first bad entry.</summary>
public enum LogProblem
{
    /// <summary>The entry's content no longer matches its hash, or its link to the previous entry is broken.</summary>
    Edited,

    /// <summary>The entry is missing.</summary>
    Removed,

    /// <summary>The entry is out of its place.</summary>
    Reordered,
}

/// <summary>The result of checking a log: intact, or the first bad entry and what is wrong with it.</summary>
public sealed record LogVerification(bool IsIntact, long? FirstBadSequence, LogProblem? Problem, long Length, string? Head)
{
    /// <summary>A log that is broken at <paramref name="sequence"/>.</summary>
    public static LogVerification Broken(long sequence, LogProblem problem) => new(false, sequence, problem, 0, null);

    /// <summary>The result in one English sentence, as <c>cocreo log verify</c> prints it.</summary>
    public string Describe() => IsIntact
        ? $"Intact: {Length} entries, head {Head}."
        : Problem switch
        {
            LogProblem.Removed => $"Broken at entry {FirstBadSequence}: the entry was removed.",
            LogProblem.Reordered => $"Broken at entry {FirstBadSequence}: entries were reordered.",
            _ => $"Broken at entry {FirstBadSequence}: the entry was edited.",
        };
}
