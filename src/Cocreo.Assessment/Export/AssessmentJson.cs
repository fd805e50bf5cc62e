using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cocreo.Assessment;

/// <summary>
/// JSON export and import of answers and results. Every document names the instrument id and version, and
/// answers are read back only against the same version.
/// </summary>
public static class AssessmentJson
{
    /// <summary>The serializer settings of every export: camelCase names, enums as camelCase strings, fractions as "n/d", indented, readable Slovenian letters.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Any answer sheet, result, roadmap, consolidation, report, ranking or benchmark as JSON.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads one answer sheet and checks it belongs to <paramref name="instrument"/> (same id and version) and fits it.</summary>
    /// <param name="json">The document.</param>
    /// <param name="instrument">The instrument version the answers must have been given to.</param>
    /// <param name="sourceName">The file's name, for error messages.</param>
    /// <exception cref="AnswerSheetException">The document is not an answer sheet, or does not fit the instrument.</exception>
    /// <exception cref="InstrumentVersionMismatchException">The answers belong to another instrument or version; they are not re-scored.</exception>
    public static AnswerSheet ReadAnswers(string json, Instrument instrument, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var sheet = Read<AnswerSheet>(json, sourceName, "an answer sheet");
        sheet.EnsureFits(instrument);
        return sheet;
    }

    /// <summary>Reads a result exported with <see cref="Write{T}"/>; it keeps the version it was scored with and is not re-scored.</summary>
    /// <exception cref="AnswerSheetException">The document is not a result.</exception>
    public static AssessmentResult ReadResult(string json, string sourceName) => Read<AssessmentResult>(json, sourceName, "an assessment result");

    private static T Read<T>(string json, string sourceName, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new AnswerSheetException($"{sourceName}: the document is empty (null), not {what}.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: " : "";
            throw new AnswerSheetException($"{sourceName}: {where}not {what}: {e.Message}", e);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Exports are files for people and spreadsheets, not HTML: keep č, š, ž and quotes readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
