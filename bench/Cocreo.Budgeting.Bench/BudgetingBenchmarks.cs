using BenchmarkDotNet.Attributes;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Budgeting.Rules;
using CsvHelper;

namespace Cocreo.Budgeting.Bench;

/// <summary>The speed targets of issue 3, on the real files of ../shared/data/pabulib.</summary>
[MemoryDiagnoser]
public class BudgetingBenchmarks
{
    private PabulibElection _lodz = null!;
    private PabulibElection _wieliczka = null!;
    private PabulibElection _wroclaw = null!;

    [GlobalSetup]
    public void ReadFiles()
    {
        _lodz = PabulibReader.ReadFile(DataFile("Poland_Lodz_2022.pb"));
        _wieliczka = PabulibReader.ReadFile(DataFile("Poland_Wieliczka_2023_Green_Budget.pb"));
        _wroclaw = PabulibReader.ReadFile(DataFile("Poland_Wroclaw_2015_150_-_500.pb"));
    }

    [Benchmark(Description = "parse Lodz 2022 (3.8 MB)")]
    public PabulibElection ParseLodz() => PabulibReader.ReadFile(DataFile("Poland_Lodz_2022.pb"));

    [Benchmark(Description = "CsvHelper alone: split Lodz 2022 into fields")]
    public int SplitLodzWithCsvHelper()
    {
        // What the reader costs beyond splitting the file: CsvHelper on the same file, every field as a string, no model built.
        using var stream = File.OpenRead(DataFile("Poland_Lodz_2022.pb"));
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ';', HasHeader = false, FieldCountMismatch = CsvFieldCountHandling.Allow });
        var characters = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                characters += csv.GetString(i).Length;
            }
        }
        return characters;
    }

    [Benchmark(Description = "MES, no completion, Lodz 2022")]
    public Outcome EqualSharesLodz() => new EqualSharesRule().Compute(_lodz.Instance, _lodz.Profile);

    [Benchmark(Description = "MES + add1, Lodz 2022")]
    public Outcome EqualSharesAdd1Lodz() =>
        new EqualSharesRule().Compute(_lodz.Instance, _lodz.Profile, RuleOptions.Default with { Completion = EqualSharesCompletion.Add1 });

    [Benchmark(Description = "MES + add1, Wieliczka 2023")]
    public Outcome EqualSharesAdd1Wieliczka() =>
        new EqualSharesRule().Compute(_wieliczka.Instance, _wieliczka.Profile, RuleOptions.Default with { Completion = EqualSharesCompletion.Add1 });

    [Benchmark(Description = "greedy-no-skip, Wroclaw 2015 (after parsing)")]
    public Outcome GreedyWroclaw() => new GreedyRule(GreedyVariant.NoSkip).Compute(_wroclaw.Instance, _wroclaw.Profile);

    internal static string DataFile(string name)
    {
        var root = Environment.GetEnvironmentVariable("COCREO_SHARED_DATA");
        if (string.IsNullOrWhiteSpace(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cocreo.slnx")))
                {
                    root = Path.Combine(dir.FullName, "..", "shared", "data");
                    break;
                }
            }
        }
        var path = Path.Combine(root ?? ".", "pabulib", name);
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException("Conformance data not found; set COCREO_SHARED_DATA.", path);
    }
}
