using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary><c>cocreo sortition check</c>: reads the files, summarises the pool against the quotas, and diagnoses infeasible quotas.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var input = new SortitionInputOptions();
        var format = OutputFormatOption.Create();
        var command = new Command("check", "Check the pool and quotas: counts per value, and whether any panel meets every quota (if not: which quotas conflict and the smallest relaxation)");
        input.AddTo(command);
        command.Add(format);
        command.SetAction(parse => SortitionCommand.Guard(parse, output =>
        {
            var (pool, quotas) = input.Read(parse);
            var report = Feasibility.Check(pool, quotas);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    WriteJson(output, pool, quotas, report);
                    break;
                case OutputFormat.Csv:
                    output.WriteLine("feature,value,pool,min,max");
                    foreach (var (quota, available) in Rows(pool, quotas))
                    {
                        output.WriteLine(string.Join(',', Csv.Field(quota.Feature), Csv.Field(quota.Value), available, quota.Min, quota.Max));
                    }
                    break;
                default:
                    WriteTable(output, pool, quotas, report);
                    break;
            }
            return report.IsFeasible ? 0 : SortitionCommand.No;
        }));
        return command;
    }

    private static IEnumerable<(Quota Quota, int Available)> Rows(Pool pool, QuotaSet quotas)
    {
        for (var f = 0; f < pool.Features.Count; f++)
        {
            var available = pool.CountByValue(f);
            for (var v = 0; v < available.Length; v++)
            {
                yield return (quotas[f, v], available[v]);
            }
        }
    }

    private static void WriteTable(TextWriter output, Pool pool, QuotaSet quotas, FeasibilityReport report)
    {
        var groups = ProfileGroup.Form(pool, quotas).Count;
        output.WriteLine($"Pool: {pool.Count} people, {pool.Features.Count} features, {groups} profile groups; panel of {quotas.PanelSize}; at most one per household: {(quotas.OnePerHousehold ? "yes" : "no")}");
        output.WriteLine();
        var table = new TextTable("feature", "value", "pool", "min", "max");
        foreach (var (quota, available) in Rows(pool, quotas))
        {
            table.Add(quota.Feature, quota.Value, available.ToString(CultureInfo.InvariantCulture), quota.Min.ToString(CultureInfo.InvariantCulture), quota.Max.ToString(CultureInfo.InvariantCulture));
        }
        table.Write(output);
        output.WriteLine();
        WriteDiagnosis(output, report);
    }

    /// <summary>Prints the feasibility verdict and, when infeasible, the findings, the conflict and the relaxation.</summary>
    public static void WriteDiagnosis(TextWriter output, FeasibilityReport report)
    {
        if (report.IsFeasible)
        {
            output.WriteLine("Feasible: yes, some panel meets every quota.");
            return;
        }
        output.WriteLine("Feasible: no, no panel meets every quota.");
        foreach (var finding in report.Findings)
        {
            output.WriteLine("  - " + finding);
        }
        if (report.Conflict.Count > 0)
        {
            output.WriteLine("These quotas cannot all hold together (relaxing any one of them resolves this conflict):");
            foreach (var bound in report.Conflict)
            {
                output.WriteLine("  - " + bound);
            }
        }
        if (!report.RelaxationSuffices)
        {
            output.WriteLine("No relaxation of the quotas helps: the pool itself is too small for the panel.");
        }
        else if (report.Relaxation.Count > 0)
        {
            var seats = report.Relaxation.Sum(r => r.Quota.Min - r.NewMin + r.NewMax - r.Quota.Max);
            output.WriteLine($"Smallest relaxation that makes the quotas feasible ({seats} seat{(seats == 1 ? "" : "s")} of change in total):");
            foreach (var relaxation in report.Relaxation)
            {
                output.WriteLine("  - " + relaxation);
            }
        }
    }

    private static void WriteJson(TextWriter output, Pool pool, QuotaSet quotas, FeasibilityReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("people", pool.Count);
            json.WriteNumber("panelSize", quotas.PanelSize);
            json.WriteNumber("profileGroups", ProfileGroup.Form(pool, quotas).Count);
            json.WriteStartArray("quotas");
            foreach (var (quota, available) in Rows(pool, quotas))
            {
                json.WriteStartObject();
                json.WriteString("feature", quota.Feature);
                json.WriteString("value", quota.Value);
                json.WriteNumber("pool", available);
                json.WriteNumber("min", quota.Min);
                json.WriteNumber("max", quota.Max);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteReport(json, report);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Writes the feasibility report's properties into the current JSON object.</summary>
    public static void WriteReport(Utf8JsonWriter json, FeasibilityReport report)
    {
        json.WriteBoolean("feasible", report.IsFeasible);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStringValue(finding);
        }
        json.WriteEndArray();
        json.WriteStartArray("conflict");
        foreach (var bound in report.Conflict)
        {
            json.WriteStartObject();
            json.WriteString("feature", bound.Quota.Feature);
            json.WriteString("value", bound.Quota.Value);
            json.WriteString("bound", bound.IsMinimum ? "min" : "max");
            json.WriteNumber("limit", bound.IsMinimum ? bound.Quota.Min : bound.Quota.Max);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("relaxationSuffices", report.RelaxationSuffices);
        json.WriteStartArray("relaxation");
        foreach (var relaxation in report.Relaxation)
        {
            json.WriteStartObject();
            json.WriteString("feature", relaxation.Quota.Feature);
            json.WriteString("value", relaxation.Quota.Value);
            json.WriteNumber("min", relaxation.Quota.Min);
            json.WriteNumber("max", relaxation.Quota.Max);
            json.WriteNumber("newMin", relaxation.NewMin);
            json.WriteNumber("newMax", relaxation.NewMax);
            json.WriteBoolean("beyondFlexibleBounds", relaxation.BeyondFlexibleBounds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
