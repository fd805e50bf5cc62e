using System.Text.Json;

namespace Cocreo.Sortition;

/// <summary>A distribution read back from its published file, with what the file says about it.</summary>
/// <param name="Distribution">The distribution.</param>
/// <param name="Algorithm">The algorithm named in the file.</param>
/// <param name="Features">The feature names, in the order of each group's values.</param>
/// <param name="StatedDigest">The digest the file states (compare with <see cref="PanelDistribution.Digest"/>).</param>
public sealed record PublishedDistribution(PanelDistribution Distribution, string Algorithm, IReadOnlyList<string> Features, string? StatedDigest);

/// <summary>
/// The JSON files an organiser publishes: the distribution before the draw (format cocreo-panel-distribution/1) and the
/// draw after it (cocreo-panel-draw/1). They hold ids and feature values only, never contact details. Probabilities are
/// written in the shortest form that reads back to the same double, so the digest of a re-read file is unchanged.
/// </summary>
public static class PublishedFiles
{
    /// <summary>The format name of distribution files.</summary>
    public const string DistributionFormat = "cocreo-panel-distribution/1";

    /// <summary>The format name of draw files.</summary>
    public const string DrawFormat = "cocreo-panel-draw/1";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>Writes a distribution with its digest; the selection result, when given, adds statistics and the explanation.</summary>
    public static void WriteDistribution(Stream stream, PanelDistribution distribution, IReadOnlyList<Feature> features, string algorithm, SelectionResult? result = null)
    {
        using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        json.WriteString("format", DistributionFormat);
        json.WriteString("algorithm", algorithm);
        json.WriteNumber("panelSize", distribution.PanelSize);
        json.WriteString("digest", distribution.Digest());
        json.WriteStartArray("features");
        foreach (var feature in features)
        {
            json.WriteStringValue(feature.Name);
        }
        json.WriteEndArray();
        json.WriteStartArray("groups");
        foreach (var group in distribution.Groups)
        {
            json.WriteStartObject();
            json.WriteNumber("index", group.Index);
            json.WriteStartArray("values");
            foreach (var value in group.Values)
            {
                json.WriteStringValue(value);
            }
            json.WriteEndArray();
            json.WriteStartArray("members");
            foreach (var id in group.MemberIds)
            {
                json.WriteStringValue(id);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("panels");
        foreach (var panel in distribution.Panels)
        {
            json.WriteStartObject();
            json.WriteNumber("probability", panel.Probability);
            json.WriteStartArray("seats");
            foreach (var seats in panel.Seats)
            {
                json.WriteStartArray();
                json.WriteNumberValue(seats.Group);
                json.WriteNumberValue(seats.Seats);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (result is not null)
        {
            WriteStatistics(json, result.Statistics);
            json.WriteStartArray("explanation");
            foreach (var line in result.Explanation)
            {
                json.WriteStringValue(line);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>Reads a distribution file; errors name the file and the line.</summary>
    /// <exception cref="InputFormatException">The file is not a valid distribution file.</exception>
    public static PublishedDistribution ReadDistribution(Stream stream, string name)
    {
        try
        {
            return ReadDistributionUnchecked(stream, name);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InputFormatException(name, null, null, null, "a value has the wrong type: " + exception.Message);
        }
    }

    private static PublishedDistribution ReadDistributionUnchecked(Stream stream, string name)
    {
        using var document = Parse(stream, name);
        var root = document.RootElement;
        RequireFormat(root, DistributionFormat, name);
        var features = Array(root, "features", name).Select(f => f.GetString() ?? "").ToArray();
        var groups = new List<ProfileGroup>();
        foreach (var group in Array(root, "groups", name))
        {
            var index = Int(group, "index", name);
            if (index != groups.Count)
            {
                throw new InputFormatException(name, null, null, "groups", $"group {groups.Count} carries the index {index}; groups must be listed in order");
            }
            var members = Array(group, "members", name).Select(m => m.GetString() ?? "").ToArray();
            if (members.Length == 0)
            {
                throw new InputFormatException(name, null, null, "groups", $"group {index} has no members");
            }
            groups.Add(new ProfileGroup(index, Array(group, "values", name).Select(v => v.GetString() ?? ""), members));
        }
        var panels = new List<PanelComposition>();
        foreach (var panel in Array(root, "panels", name))
        {
            if (!panel.TryGetProperty("probability", out var probability) || probability.ValueKind != JsonValueKind.Number)
            {
                throw new InputFormatException(name, null, null, "panels", $"panel {panels.Count + 1} has no numeric probability");
            }
            var seats = Array(panel, "seats", name).Select(s => s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2
                ? new GroupSeats(s[0].GetInt32(), s[1].GetInt32())
                : throw new InputFormatException(name, null, null, "panels", $"panel {panels.Count + 1} has seats that are not [group, seats] pairs")).ToArray();
            panels.Add(new PanelComposition(probability.GetDouble(), seats));
        }
        var stated = root.TryGetProperty("digest", out var digest) ? digest.GetString() : null;
        var algorithm = root.TryGetProperty("algorithm", out var a) ? a.GetString() ?? "" : "";
        return new PublishedDistribution(new PanelDistribution(Int(root, "panelSize", name), groups, panels), algorithm, features, stated);
    }

    /// <summary>Writes a draw.</summary>
    public static void WriteDraw(Stream stream, DrawResult draw)
    {
        using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        json.WriteString("format", DrawFormat);
        json.WriteString("distributionDigest", draw.DistributionDigest);
        json.WriteString("seed", draw.Seed);
        WriteOptional(json, "publicValue", draw.PublicValue);
        WriteOptional(json, "commitment", draw.Commitment);
        json.WriteNumber("panel", draw.PanelIndex + 1);
        json.WriteStartArray("members");
        foreach (var id in draw.Members)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a draw file; errors name the file.</summary>
    /// <exception cref="InputFormatException">The file is not a valid draw file.</exception>
    public static DrawResult ReadDraw(Stream stream, string name)
    {
        try
        {
            return ReadDrawUnchecked(stream, name);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            throw new InputFormatException(name, null, null, null, "a value has the wrong type: " + exception.Message);
        }
    }

    private static DrawResult ReadDrawUnchecked(Stream stream, string name)
    {
        using var document = Parse(stream, name);
        var root = document.RootElement;
        RequireFormat(root, DrawFormat, name);
        return new DrawResult(
            String(root, "distributionDigest", name),
            String(root, "seed", name),
            root.TryGetProperty("publicValue", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
            root.TryGetProperty("commitment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            Int(root, "panel", name) - 1,
            Array(root, "members", name).Select(m => m.GetString() ?? "").ToArray());
    }

    /// <summary>Writes the statistics of a result as a JSON object property named "statistics".</summary>
    public static void WriteStatistics(Utf8JsonWriter json, SelectionStatistics statistics)
    {
        json.WriteStartObject("statistics");
        json.WriteNumber("people", statistics.Count);
        json.WriteNumber("minimum", statistics.Minimum);
        json.WriteNumber("maximum", statistics.Maximum);
        json.WriteNumber("mean", statistics.Mean);
        json.WriteNumber("gini", statistics.Gini);
        json.WriteNumber("geometricMean", statistics.GeometricMean);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }

    private static JsonDocument Parse(Stream stream, string name)
    {
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException exception)
        {
            throw new InputFormatException(name, (int?)exception.LineNumber + 1, (int?)exception.BytePositionInLine + 1, null, "not valid JSON: " + exception.Message.Split('.')[0]);
        }
    }

    private static void RequireFormat(JsonElement root, string format, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.GetString() != format)
        {
            throw new InputFormatException(name, null, null, "format", $"not a {format} file (its \"format\" property must be \"{format}\")");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string property, string name) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new InputFormatException(name, null, null, property, $"missing the array \"{property}\"");

    private static int Int(JsonElement element, string property, string name) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new InputFormatException(name, null, null, property, $"missing the whole number \"{property}\"");

    private static string String(JsonElement element, string property, string name) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InputFormatException(name, null, null, property, $"missing the text \"{property}\"");
}
