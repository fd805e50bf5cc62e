using System.Globalization;
using System.Text;
using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Pabulib;

/// <summary>
/// Writes the pabulib <c>.pb</c> format, keeping every META entry and every extra column, so that reading what was
/// written gives back the same election. Optionally records an outcome in the <c>selected</c> column.
/// </summary>
public static class PabulibWriter
{
    /// <summary>Writes an election to a file (UTF-8, no byte order mark, \n line ends).</summary>
    public static void WriteFile(string path, Instance instance, Profile profile, IEnumerable<Project>? selected = null)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        Write(writer, instance, profile, selected);
    }

    /// <summary>Writes an election.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="instance">The projects, budget and metadata.</param>
    /// <param name="profile">The ballots.</param>
    /// <param name="selected">When given, the <c>selected</c> column is set to 1 for these projects and 0 for the others (added if missing).</param>
    /// <param name="fundedFromReserve">With <paramref name="selected"/>: projects marked 2, funded from reserve funds outside the budget.</param>
    /// <exception cref="ArgumentException">The profile was read with <see cref="BallotDetail.VotesOnly"/>: it has no voter ids to write.</exception>
    public static void Write(TextWriter writer, Instance instance, Profile profile, IEnumerable<Project>? selected = null, IEnumerable<Project>? fundedFromReserve = null)
    {
        if (profile.Detail == BallotDetail.VotesOnly)
        {
            throw new ArgumentException("The profile keeps only votes (BallotDetail.VotesOnly), not voter ids and other columns; read the file with BallotDetail.Full to write it.", nameof(profile));
        }
        var chosen = selected?.Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        var reserve = (fundedFromReserve ?? []).Select(project => project.Id).ToHashSet(StringComparer.Ordinal);
        writer.Write("META\nkey;value\n");
        foreach (var (key, value) in instance.Meta)
        {
            WriteRow(writer, key, key == "budget" ? Money(instance.Budget) : value);
        }

        var columns = instance.ProjectColumns.ToList();
        var selectedColumn = columns.FindIndex(column => column.Equals("selected", StringComparison.OrdinalIgnoreCase));
        if (chosen is not null && selectedColumn < 0)
        {
            columns.Add("selected");
            selectedColumn = columns.Count - 1;
        }
        writer.Write("PROJECTS\n");
        WriteRow(writer, ["project_id", "cost", .. columns]);
        var row = new string[2 + columns.Count];
        foreach (var project in instance.Projects)
        {
            row[0] = project.Id;
            row[1] = Money(project.Cost);
            for (var i = 0; i < columns.Count; i++)
            {
                row[2 + i] = i == selectedColumn && chosen is not null
                    ? (chosen.Contains(project.Id) ? "1" : reserve.Contains(project.Id) ? "2" : "0")
                    : project[columns[i]] ?? string.Empty;
            }
            WriteRow(writer, row);
        }

        var hasPoints = profile.VoteType.HasPoints() || profile.Ballots.Any(ballot => ballot.Points is not null);
        writer.Write("VOTES\n");
        WriteRow(writer, ["voter_id", "vote", .. hasPoints ? new[] { "points" } : [], .. profile.ExtraColumns]);
        var voteRow = new string[2 + (hasPoints ? 1 : 0) + profile.ExtraColumns.Count];
        var text = new StringBuilder();
        foreach (var ballot in profile.Ballots)
        {
            voteRow[0] = ballot.VoterId;
            text.Clear().AppendJoin(',', ballot.Projects.Select(project => project.Id));
            voteRow[1] = text.ToString();
            var next = 2;
            if (hasPoints)
            {
                text.Clear().AppendJoin(',', (ballot.Points ?? []).Select(point => point.ToString(CultureInfo.InvariantCulture)));
                voteRow[next++] = text.ToString();
            }
            for (var i = 0; i < profile.ExtraColumns.Count; i++)
            {
                voteRow[next + i] = i < ballot.ExtraValues.Count ? ballot.ExtraValues[i] : string.Empty;
            }
            WriteRow(writer, voteRow);
        }
    }

    private static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter writer, params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(';');
            }
            WriteField(writer, fields[i]);
        }
        writer.Write('\n');
    }

    private static void WriteField(TextWriter writer, string value)
    {
        // Quote what the reader would otherwise split, trim or take for a section name.
        var needsQuotes = value.AsSpan().IndexOfAny(";\"\n\r") >= 0
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value[0] == '"'));
        if (!needsQuotes)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
