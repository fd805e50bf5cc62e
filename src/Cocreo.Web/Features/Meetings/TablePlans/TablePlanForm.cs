using System.Globalization;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>The table-plan form as people fill it in.</summary>
public sealed class TablePlanForm
{
    public int? Tables { get; set; } = 8;
    public int? Rounds { get; set; } = 3;
    public int? SeatsPerTable { get; set; }
    public PlanBasis Basis { get; set; }
    public int HeldRounds { get; set; }
    public List<int?> Hosts { get; set; } = [];
    public List<string> MixOn { get; set; } = [];

    /// <summary>One bound a line: attribute | value | minimum | maximum (either may be empty).</summary>
    public string? Bounds { get; set; }

    public void From(TablePlanSettings settings, PlanBasis basis, int held)
    {
        Tables = settings.Tables;
        Rounds = settings.Rounds;
        SeatsPerTable = settings.SeatsPerTable;
        Hosts = settings.Hosts.ToList();
        MixOn = settings.MixOn.ToList();
        Bounds = string.Join('\n', settings.Bounds.Select(b => $"{b.Attribute} | {b.Value} | {b.Min?.ToString(CultureInfo.InvariantCulture)} | {b.Max?.ToString(CultureInfo.InvariantCulture)}"));
        Basis = basis;
        HeldRounds = held;
    }

    /// <summary>The settings; null with the line number when a bound's line cannot be read.</summary>
    public (TablePlanSettings? Settings, int? BadLine) ToSettings()
    {
        var bounds = new List<BoundSetting>();
        var lines = (Bounds ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var parts = lines[i].Split('|').Select(p => p.Trim()).ToList();
            if (parts.Count != 4 || parts[0].Length == 0 || parts[1].Length == 0 || !Number(parts[2], out var min) || !Number(parts[3], out var max) || (min is null && max is null))
            {
                return (null, i + 1);
            }
            bounds.Add(new BoundSetting(parts[0], parts[1], min, max));
        }
        var tables = Tables ?? 0;
        var hosts = Enumerable.Range(0, Math.Max(0, Math.Min(tables, ComputeTablePlan.MaxTables))).Select(i => i < Hosts.Count ? Hosts[i] : null).ToList();
        // More hosts chosen than tables: kept, so that the planner says so.
        hosts.AddRange(Hosts.Skip(hosts.Count).Where(h => h is not null));
        return (new TablePlanSettings(tables, Rounds ?? 0, SeatsPerTable, hosts, MixOn.Distinct().ToList(), bounds), null);

        static bool Number(string text, out int? value)
        {
            value = null;
            if (text.Length == 0)
            {
                return true;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                value = n;
                return true;
            }
            return false;
        }
    }
}
