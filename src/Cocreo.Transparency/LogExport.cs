using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cocreo.Transparency;

/// <summary>
/// The JSON export of a process log (format <c>cocreo.process-log.v1</c>): the process's recorded length and head,
/// and every entry with its data as a JSON object. <c>cocreo log verify FILE</c> checks it without the database.
/// </summary>
public static class LogExport
{
    /// <summary>The value of the export's <c>format</c> field.</summary>
    public const string Format = "cocreo.process-log.v1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the export of a process's log: its recorded length and head and every entry, indented JSON.</summary>
    public static string Write(int processId, string title, long length, string head, DateTime exportedAt, IEnumerable<LogRecord> entries)
    {
        var document = new ExportDocument(
            Format,
            processId,
            title,
            LogChain.FormatInstant(exportedAt),
            length,
            head,
            entries.Select(e => new ExportEntry(
                e.Sequence,
                LogChain.FormatInstant(e.OccurredAt),
                e.ActorName,
                e.ActorRole,
                e.Action,
                JsonNode.Parse(e.Data),
                e.PreviousHash,
                e.Hash)).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>Reads an export. Throws <see cref="LogExportException"/> naming what is wrong with the file.</summary>
    public static ParsedLog Read(string json)
    {
        ExportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ExportDocument>(json, Options);
        }
        catch (JsonException error)
        {
            throw new LogExportException($"Not a valid JSON log export (line {error.LineNumber + 1}): {error.Message}");
        }
        if (document is null || document.Format != Format)
        {
            throw new LogExportException($"Not a Cocreo process log export: the \"format\" field must be \"{Format}\".");
        }
        var records = new List<LogRecord>();
        foreach (var (entry, index) in (document.Entries ?? []).Select((e, i) => (e, i)))
        {
            if (!DateTime.TryParse(entry.OccurredAt, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var occurredAt))
            {
                throw new LogExportException($"Entry {index + 1}: \"occurredAt\" is not a date and time ({entry.OccurredAt}).");
            }
            records.Add(new LogRecord(
                document.ProcessId,
                entry.Sequence,
                occurredAt,
                entry.ActorName,
                entry.ActorRole ?? "",
                entry.Action ?? "",
                LogChain.Canonicalize(entry.Data ?? new JsonObject()),
                entry.PreviousHash ?? "",
                entry.Hash ?? ""));
        }
        return new ParsedLog(document.ProcessId, document.Title ?? "", document.Length, document.Head ?? "", records);
    }

    private sealed record ExportDocument(
        string Format,
        int ProcessId,
        string? Title,
        string ExportedAt,
        long Length,
        string? Head,
        List<ExportEntry>? Entries);

    private sealed record ExportEntry(
        long Sequence,
        string OccurredAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ActorName,
        string? ActorRole,
        string? Action,
        JsonNode? Data,
        string? PreviousHash,
        string? Hash);
}

/// <summary>A log read from an export: the process, its recorded length and head, and the entries in file order.</summary>
/// <param name="ProcessId">The process the log belongs to.</param>
/// <param name="Title">The process's title when exported.</param>
/// <param name="Length">The length the platform recorded for the log.</param>
/// <param name="Head">The head hash the platform recorded for the log.</param>
/// <param name="Entries">The entries in the order of the file.</param>
public sealed record ParsedLog(int ProcessId, string Title, long Length, string Head, IReadOnlyList<LogRecord> Entries)
{
    /// <summary>Checks the chain of the entries against the recorded length and head.</summary>
    public LogVerification Verify() => LogChain.Verify(Entries, Length, Head);
}

/// <summary>An export file that cannot be read; the message names what is wrong and where.</summary>
public sealed class LogExportException(string message) : Exception(message);
