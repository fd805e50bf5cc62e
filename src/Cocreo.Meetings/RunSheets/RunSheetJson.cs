using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cocreo.Meetings.RunSheets;

/// <summary>
/// Reads and writes run sheets (and commands) as JSON, so the web can keep a sheet in one column. The layout is
/// stable: camelCase names in declaration order, enums as camelCase strings, times as ISO 8601 with their offset,
/// and a <c>"schema"</c> number (<see cref="RunSheet.CurrentSchema"/>). A newer schema than this library knows is
/// refused rather than half read; unknown members are ignored, so fields added later in the same schema are harmless.
/// </summary>
public static class RunSheetJson
{
    /// <summary>The options used for run sheets and commands.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            MaxDepth = 16,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The sheet as JSON.</summary>
    public static string Write(RunSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return JsonSerializer.Serialize(sheet, Options);
    }

    /// <summary>
    /// Reads a sheet. Returns null with the problems when the JSON is malformed, of an unknown schema, or describes
    /// an invalid sheet (see <see cref="RunSheetValidator"/>).
    /// </summary>
    public static RunSheet? Read(string json, out IReadOnlyList<RunSheetProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        RunSheet? sheet;
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems = [Unreadable("The run sheet is not a JSON object.")];
                    return null;
                }
                if (document.RootElement.TryGetProperty("schema", out var schema)
                    && (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var number) || number > RunSheet.CurrentSchema || number < 1))
                {
                    problems = [Unreadable($"The run sheet was written with layout {schema.GetRawText()}, which this version does not know (it reads layouts 1 to {RunSheet.CurrentSchema}); update Cocreo.")];
                    return null;
                }
            }
            sheet = JsonSerializer.Deserialize<RunSheet>(json, Options);
        }
        catch (JsonException e)
        {
            problems = [Unreadable($"The run sheet cannot be read ({e.Message}).")];
            return null;
        }
        if (sheet is null)
        {
            problems = [Unreadable("The run sheet is empty (null).")];
            return null;
        }
        var invalid = RunSheetValidator.Validate(sheet);
        if (invalid.Count > 0)
        {
            problems = invalid;
            return null;
        }
        problems = [];
        return sheet with { Schema = RunSheet.CurrentSchema };
    }

    /// <summary>The command as JSON, with its name in <c>"op"</c>.</summary>
    public static string WriteCommand(RunSheetCommand command) => JsonSerializer.Serialize(command, Options);

    /// <summary>Reads a command; null with a problem when the JSON is not a known command.</summary>
    public static RunSheetCommand? ReadCommand(string json, out RunSheetProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var command = JsonSerializer.Deserialize<RunSheetCommand>(json, Options);
            problem = command is null ? Unreadable("The change is empty (null).") : null;
            return command;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            problem = Unreadable($"The change cannot be read ({e.Message}).");
            return null;
        }
    }

    private static RunSheetProblem Unreadable(string message) => new(RunSheetProblemKind.UnreadableJson, message);
}
