using System.Globalization;
using System.Text.Json;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>A value of a mixing attribute ("resident") with its share of the process's population in per cent, when known.</summary>
public sealed record MixingValue(string Label, decimal? Share);

/// <summary>Something the organiser mixes tables on and compares attendance with (stakeholder group, district, age band).</summary>
public sealed record MixingAttribute(string Name, IReadOnlyList<MixingValue> Values);

/// <summary>The limits of a meeting's mixing attributes.</summary>
public static class MixingLimits
{
    public const int Attributes = 4;
    public const int Values = 12;
    public const int Name = 60;
}

/// <summary>
/// A meeting's mixing attributes (at most four), as the organiser defines them. Not personal data; the answers are
/// (<see cref="MeetingProfile"/>).
/// </summary>
public sealed class MeetingAttributeSet
{
    public int MeetingId { get; private set; }

    /// <summary>The attributes as JSON (<see cref="MixingAttribute"/> list).</summary>
    public string Json { get; private set; } = "[]";

    public int Version { get; private set; }

    private MeetingAttributeSet()
    {
    }

    public static MeetingAttributeSet For(int meetingId) => new() { MeetingId = meetingId };

    public IReadOnlyList<MixingAttribute> Attributes => JsonSerializer.Deserialize<List<MixingAttribute>>(Json) ?? [];

    public void Set(IReadOnlyList<MixingAttribute> attributes)
    {
        Json = JsonSerializer.Serialize(attributes);
        Version++;
    }

    /// <summary>
    /// Reads the organiser's text: blocks separated by an empty line, each the attribute's name on the first line and
    /// one value a line after it, optionally with its population share in per cent after a bar ("Resident | 62").
    /// The same shape as a budget's demographic questions. Throws <see cref="MixingRuleException"/> with the problem.
    /// </summary>
    public static IReadOnlyList<MixingAttribute> Parse(string? text)
    {
        var blocks = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .Where(b => b.Count > 0).ToList();
        if (blocks.Count > MixingLimits.Attributes)
        {
            throw new MixingRuleException("TooManyAttributes");
        }
        var attributes = new List<MixingAttribute>();
        foreach (var block in blocks)
        {
            var name = block[0];
            if (name.Length > MixingLimits.Name || name.Contains('|', StringComparison.Ordinal))
            {
                throw new MixingRuleException("AttributeName", name);
            }
            if (attributes.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MixingRuleException("AttributeTwice", name);
            }
            var values = new List<MixingValue>();
            foreach (var line in block.Skip(1))
            {
                var parts = line.Split('|');
                var label = parts[0].Trim();
                decimal? share = null;
                if (parts.Length > 2 || label.Length == 0 || label.Length > MixingLimits.Name)
                {
                    throw new MixingRuleException("ValueLine", line);
                }
                if (parts.Length == 2)
                {
                    if (!decimal.TryParse(parts[1].Trim().TrimEnd('%').Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) || s < 0 || s > 100)
                    {
                        throw new MixingRuleException("Share", line);
                    }
                    share = s;
                }
                if (values.Any(v => string.Equals(v.Label, label, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new MixingRuleException("ValueTwice", label);
                }
                values.Add(new MixingValue(label, share));
            }
            if (values.Count is < 2 or > MixingLimits.Values)
            {
                throw new MixingRuleException("ValueCount", name);
            }
            if (values.Sum(v => v.Share ?? 0) > 100.5m)
            {
                throw new MixingRuleException("SharesOver100", name);
            }
            attributes.Add(new MixingAttribute(name, values));
        }
        return attributes;
    }

    /// <summary>The attributes written back in the form's shape.</summary>
    public static string Text(IEnumerable<MixingAttribute> attributes) => string.Join("\n\n", attributes.Select(a =>
        a.Name + "\n" + string.Join('\n', a.Values.Select(v => v.Share is { } share ? $"{v.Label} | {share.ToString(CultureInfo.InvariantCulture)}" : v.Label))));
}

/// <summary>
/// A person's answers to a meeting's mixing attributes (attribute name → value). Personal data: kept with the
/// registration, shown only to the meeting's organisers (counted on the attendance page, used for the table plan),
/// in the person's data download, deleted when they cancel or delete their account, never logged. "Prefer not to say"
/// is the absence of an answer: nothing is stored for it.
/// </summary>
public sealed class MeetingProfile : Platform.PersonalData.ISealsPersonalData
{
    private const string Purpose = "meeting-answers";

    public int RegistrationId { get; private set; }
    public int MeetingId { get; private set; }

    /// <summary>
    /// The answers sealed with the platform's personal-data key (docs/security.md, "Personal data at rest"): a copy
    /// of the database alone does not tell anyone's district or age band. Column <c>Answers</c>.
    /// </summary>
    public string SealedAnswers { get; private set; } = "";

    /// <summary>The answers (attribute → value), open in memory.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    /// <summary>The answers <see cref="SealedAnswers"/> holds, as JSON, so that only a change is sealed again.</summary>
    private string sealedJson = "";

    private MeetingProfile()
    {
    }

    public static MeetingProfile For(int meetingId, int registrationId) => new() { MeetingId = meetingId, RegistrationId = registrationId };

    public void Set(IReadOnlyDictionary<string, string> answers) => Values = new Dictionary<string, string>(answers);

    void Platform.PersonalData.ISealsPersonalData.OpenPersonalData(Platform.PersonalData.PersonalDataSeal seal)
    {
        sealedJson = SealedAnswers.Length == 0 ? "{}" : seal.Open(SealedAnswers, Purpose);
        Values = JsonSerializer.Deserialize<Dictionary<string, string>>(sealedJson) ?? [];
    }

    bool Platform.PersonalData.ISealsPersonalData.SealPersonalData(Platform.PersonalData.PersonalDataSeal seal)
    {
        var json = JsonSerializer.Serialize(Values, SealedJson);
        if (json == sealedJson && SealedAnswers.Length > 0 && seal.IsCurrent(SealedAnswers))
        {
            return false;
        }
        SealedAnswers = seal.Seal(json, Purpose);
        sealedJson = json;
        return true;
    }

    /// <summary>Letters kept as they are (the text is sealed, never put into a page), so a sealed value stays short.</summary>
    private static readonly JsonSerializerOptions SealedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

public sealed class MixingRuleException(string code, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => MixingRules.Message(Code);

    public override object[] Arguments => arguments;

    public override string? Field => Code == "UnknownAnswer" ? null : "Input.Text";
}
