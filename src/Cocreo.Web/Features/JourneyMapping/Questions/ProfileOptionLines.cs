using System.Globalization;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The answers of a profile question as staff type them: one per line, optionally followed by a bar and the share of
/// the service's users (in percent) expected to give it, e.g. "65 or older | 22".
/// </summary>
public static class ProfileOptionLines
{
    public static string Write(ProfileQuestion question) =>
        string.Join('\n', question.ActiveOptions.Select(o => o.ExpectedPercent is { } p ? $"{o.Label} | {p.ToString("0.##", CultureInfo.CurrentCulture)}" : o.Label));

    /// <summary>The answer chosen in a form's list: the option's id, or null for "prefer not to say" (or anything else).</summary>
    public static int? Chosen(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var option) ? option : null;

    /// <summary>The active answers as the public log records them.</summary>
    public static List<object> Logged(ProfileQuestion question) =>
        question.ActiveOptions.Select(o => (object)new { answer = o.Label, expectedPercent = o.ExpectedPercent }).ToList();

    /// <summary>Reads the lines; each problem names its line so it can be fixed.</summary>
    public static (List<ProfileOptionSpec> Options, List<(int Line, string Text)> Problems) Read(string? text)
    {
        var options = new List<ProfileOptionSpec>();
        var problems = new List<(int, string)>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.Split('|');
            var label = parts[0].Trim();
            if (label.Length == 0 || parts.Length > 2)
            {
                problems.Add((i + 1, line));
                continue;
            }
            decimal? share = null;
            if (parts.Length == 2)
            {
                var number = parts[1].Trim().TrimEnd('%').Trim();
                if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.CurrentCulture, out var value) &&
                    !decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out value) || value < 0 || value > 100)
                {
                    problems.Add((i + 1, line));
                    continue;
                }
                share = value;
            }
            options.Add(new ProfileOptionSpec(label, share));
        }
        return (options, problems);
    }
}
