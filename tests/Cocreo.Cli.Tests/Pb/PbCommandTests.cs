using System.Text.Json;
using Cocreo.Cli.Pb;
using Cocreo.Testing;

namespace Cocreo.Cli.Tests.Pb;

public sealed class PbCommandTests : IDisposable
{
    private readonly List<string> _temporaryFiles = [];

    public void Dispose() => _temporaryFiles.ForEach(File.Delete);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Data(string file) => SharedData.Require("pabulib/" + file);

    [Fact]
    public void Run_prints_a_table_of_the_selected_projects()
    {
        var (exit, output, _) = Run("pb", "run", Data("Netherlands_Assen_2024.pb"), "--rule", "mes", "--completion", "add1");

        Assert.Equal(0, exit);
        Assert.Contains("Rule: mes, satisfaction cost, ties id, completion Add1", output);
        Assert.Contains("Selected 9 of 14 projects, total cost 76,700", output);
    }

    [Fact]
    public void Run_as_json_gives_the_selection_and_the_explanation()
    {
        var (exit, output, _) = Run("pb", "run", Data("Poland_Wieliczka_2023_Green_Budget.pb"), "--completion", "add1-no-exhaustive-stop", "--add1-start", "whole-units", "--comparison", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(995079m, json.RootElement.GetProperty("totalCost").GetDecimal());
        Assert.Equal(30, json.RootElement.GetProperty("selected").GetArrayLength());
        var explanation = json.RootElement.GetProperty("explanation");
        Assert.Equal("equal-shares", explanation.GetProperty("kind").GetString());
        Assert.Equal("315", explanation.GetProperty("perVoterBudget").GetProperty("exact").GetString());
        Assert.True(explanation.GetProperty("rounds")[0].GetProperty("payments").GetArrayLength() > 0);
    }

    [Fact]
    public void Run_as_json_writes_names_as_they_are_and_equal_to_the_file()
    {
        var file = Data("Poland_Warszawa_2026.pb");
        var (exit, output, _) = Run("pb", "run", file, "--rule", "mes", "--format", "json");

        Assert.Equal(0, exit);
        // Polish names in plain UTF-8, not \u escapes, and every character intact although the JSON is written in pieces.
        Assert.Contains("\"name\": \"Łąki kwietne dla Warszawy\"", output);
        Assert.DoesNotContain("\\u", output);
        using var json = JsonDocument.Parse(output);
        var projects = Cocreo.Budgeting.Pabulib.PabulibReader.ReadFile(file).Instance;
        foreach (var selected in json.RootElement.GetProperty("selected").EnumerateArray())
        {
            Assert.Equal(projects[selected.GetProperty("id").GetString()!]["name"], selected.GetProperty("name").GetString());
        }
        Assert.True(output.Length > 1_000_000, "the explanation of a city is long enough to be written in many pieces");
    }

    [Fact]
    public void Run_as_pb_writes_the_file_with_the_computed_selected_column()
    {
        var (exit, output, _) = Run("pb", "run", Data("Poland_Gdynia_2024_Witomino__large.pb"), "--rule", "greedy", "--format", "pb");

        Assert.Equal(0, exit);
        var written = Cocreo.Budgeting.Pabulib.PabulibReader.Read(new StringReader(output));
        Assert.Equal(2, written.OfficiallySelected!.Count);
    }

    [Fact]
    public void Greedy_threshold_uses_the_threshold_in_meta_and_explicit_tie_breaking_is_accepted()
    {
        var (exit, output, _) = Run("pb", "run", Data("Poland_Lodz_2020_Piastow-Kurak.pb"), "--rule", "greedy-threshold", "--tie-break", "cost-then-votes");

        Assert.Equal(0, exit);
        Assert.Contains("greedy-threshold", output);
        Assert.Contains("ties cost-then-votes", output);
    }

    [Fact]
    public void Check_reports_a_valid_file()
    {
        var (exit, output, _) = Run("pb", "check", Data("Poland_Lodz_2022.pb"));

        Assert.Equal(0, exit);
        Assert.Contains("160 projects, 90494 approval ballots", output);
        Assert.Contains("no warnings", output);
    }

    [Fact]
    public void Compare_says_when_the_computed_outcome_equals_the_official_one()
    {
        var (exit, output, _) = Run("pb", "compare", Data("Poland_Swiecie_2023.pb"));

        Assert.Equal(0, exit);
        Assert.Contains("equals the official outcome", output);
    }

    [Fact]
    public void Compare_lists_the_differences_and_exits_with_a_distinct_code()
    {
        var file = WriteTemporary(File.ReadAllText(Data("Poland_Gdynia_2024_Witomino__large.pb")).Replace(";1\r\n", ";0\r\n", StringComparison.Ordinal).Replace(";1\n", ";0\n", StringComparison.Ordinal));

        var (exit, output, _) = Run("pb", "compare", file);

        Assert.Equal(PbCommand.OutcomeDiffers, exit);
        Assert.Contains("computed but not official", output);
    }

    [Fact]
    public void Compare_holds_poznans_rule_to_the_projects_marked_as_funded_from_reserves()
    {
        const string poznan = "Poland_Poznan_2026_1_-_Nowe_Winogrady_Polnoc_Nowe_Winogrady_Poludnie_Nowe_Winogrady_Wschod_Stare_Winogrady__large.pb";
        // Mark the project the rule stops at (RD-I.6: 800,000 with 360,000 left, under 80%) as funded from reserves.
        var file = WriteTemporary(File.ReadAllText(Data(poznan)).Replace("Armii Poznań/Cytadela;0", "Armii Poznań/Cytadela;2", StringComparison.Ordinal));

        var (exact, _, _) = Run("pb", "compare", Data(poznan));
        var (exit, output, _) = Run("pb", "compare", file);

        Assert.Equal(0, exact);
        Assert.Equal(PbCommand.OutcomeDiffers, exit);
        Assert.Contains("Funded from reserve funds: computed none, official RD-I.6.", output);
    }

    [Fact]
    public void A_bad_file_gives_a_non_zero_exit_and_names_the_line()
    {
        var file = WriteTemporary("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\np1;10\nVOTES\nvoter_id;vote\nv1;p2\n");

        var (exit, _, error) = Run("pb", "check", file);

        Assert.Equal(PbCommand.BadInput, exit);
        Assert.Contains("line 10: voter v1 votes for project p2, which is not in PROJECTS", error);
    }

    [Fact]
    public void A_missing_file_gives_a_non_zero_exit_and_a_message()
    {
        var (exit, _, error) = Run("pb", "run", "/no/such/file.pb");

        Assert.NotEqual(0, exit);
        Assert.Contains("file.pb", error);
    }

    [Fact]
    public void Unknown_options_are_refused()
    {
        Assert.NotEqual(0, Run("pb", "run", "x.pb", "--rule", "dictatorship").Exit);
        Assert.Equal(PbCommand.BadInput, Run("pb", "run", Data("Netherlands_Assen_2024.pb"), "--tie-break", "coin").Exit);
        Assert.Equal(PbCommand.BadInput, Run("pb", "run", Data("Netherlands_Assen_2024.pb"), "--rule", "greedy", "--completion", "add1").Exit);
    }

    // Every real file of the conformance data, in pabulib/ and in pabulib-quirks/ (files with irregularities).
    public static TheoryData<string> EveryRealFile()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "pabulib", "pabulib-quirks" })
        {
            var path = SharedData.Root is { } root ? Path.Combine(root, folder) : null;
            foreach (var file in path is not null && Directory.Exists(path) ? Directory.GetFiles(path, "*.pb").Order(StringComparer.Ordinal).ToArray() : [])
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }
        if (data.Count == 0)
        {
            data.Add("pabulib/(conformance data missing)");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRealFile))]
    public void Check_reads_every_real_file_and_each_warning_names_the_file_and_line(string file)
    {
        var path = SharedData.Require(file);
        var name = Path.GetFileName(path);

        var (exit, output, error) = Run("pb", "check", path);

        Assert.True(exit == 0, $"pb check refused {file}: {error}");
        Assert.StartsWith($"{name}: valid pabulib file.", output);
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches($@"^warning: {System.Text.RegularExpressions.Regex.Escape(name)}(, line [1-9][0-9]*)?: \S", line));
    }

    [Fact]
    public void Check_reads_a_project_approved_twice_as_one_approval_with_a_warning_and_strict_refuses_it()
    {
        var file = SharedData.Require("pabulib-quirks/Poland_Warszawa_2026_Tarchomin.pb");

        var (exit, output, error) = Run("pb", "check", file);
        var (strictExit, _, strictError) = Run("pb", "check", "--strict", file);

        Assert.Equal(0, exit);
        Assert.Contains("948 approval ballots", output);
        Assert.Contains("warning: Poland_Warszawa_2026_Tarchomin.pb, line 135: voter 230580 votes for project 1557 twice; read as one approval", error);
        Assert.Contains("warning: Poland_Warszawa_2026_Tarchomin.pb, line 385: voter 257844 votes for project 1543 twice", error);
        Assert.Equal(PbCommand.BadInput, strictExit);
        Assert.StartsWith("Poland_Warszawa_2026_Tarchomin.pb, line 135: voter 230580 votes for project 1557 twice", strictError);
    }

    [Fact]
    public void Compare_on_a_file_with_repeated_approvals_gives_the_official_outcome()
    {
        var (exit, output, _) = Run("pb", "compare", SharedData.Require("pabulib-quirks/Poland_Warszawa_2026_Tarchomin.pb"));

        Assert.Equal(0, exit);
        Assert.Contains("equals the official outcome", output);
    }

    private string WriteTemporary(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cocreo-pb-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, content);
        _temporaryFiles.Add(path);
        return path;
    }
}
