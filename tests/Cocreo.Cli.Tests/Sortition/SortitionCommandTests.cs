using System.Text.Json;
using Cocreo.Testing;

namespace Cocreo.Cli.Tests.Sortition;

public sealed class SortitionCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cocreo-sortition-");

    public void Dispose() => folder.Delete(recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Scotland(int panelSize = 22)
    {
        var data = SharedData.Require("sortition/scotland_150");
        return ["--quotas", Path.Combine(data, "features.csv"), "--pool", Path.Combine(data, "candidates.csv"), "-k", panelSize.ToString(System.Globalization.CultureInfo.InvariantCulture)];
    }

    private static string[] SmallExample()
    {
        var data = SharedData.Require("sortition/example_small_20");
        return ["--quotas", Path.Combine(data, "categories.csv"), "--pool", Path.Combine(data, "respondents.csv"), "-k", "20"];
    }

    private string File(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public void Check_prints_the_pool_against_the_quotas_and_says_the_scottish_quotas_are_feasible()
    {
        var (exit, output, error) = Run(["sortition", "check", .. Scotland()]);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("Pool: 150 people, 4 features", output, StringComparison.Ordinal);
        Assert.Matches(@"Gender\s+Female\s+77\s+11\s+12", output);
        Assert.Contains("Feasible: yes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("email", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_infeasible_quotas_names_the_conflict_and_the_smallest_relaxation_and_exits_1()
    {
        var quotas = File("features.csv");
        System.IO.File.WriteAllText(quotas, System.IO.File.ReadAllText(Path.Combine(SharedData.Require("sortition/scotland_150"), "features.csv"))
            .Replace("Gender,Female,11,12,0,12", "Gender,Female,13,13,0,13", StringComparison.Ordinal)
            .Replace("Gender,Male,10,11,0,12", "Gender,Male,11,11,0,12", StringComparison.Ordinal));
        var pool = Path.Combine(SharedData.Require("sortition/scotland_150"), "candidates.csv");

        var (exit, output, _) = Run("sortition", "check", "--quotas", quotas, "--pool", pool, "-k", "22");
        var (_, json, _) = Run("sortition", "check", "--quotas", quotas, "--pool", pool, "-k", "22", "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains("Feasible: no", output, StringComparison.Ordinal);
        Assert.Contains("Gender: the minimums add up to 24, more than the panel size 22", output, StringComparison.Ordinal);
        Assert.Contains("Gender=Female at least 13", output, StringComparison.Ordinal);
        Assert.Contains("Smallest relaxation that makes the quotas feasible (2 seats of change in total)", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("feasible").GetBoolean());
        Assert.Equal(2, document.RootElement.GetProperty("conflict").GetArrayLength());
    }

    [Fact]
    public void Check_writes_csv_with_one_line_per_quota()
    {
        var (exit, output, _) = Run(["sortition", "check", .. SmallExample(), "--format", "csv"]);

        Assert.Equal(0, exit);
        Assert.Equal(["feature,value,pool,min,max", "gender,female,100,9,20", "gender,male,100,9,20", "leaning,liberal,99,9,20", "leaning,conservative,101,9,20"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Select_gives_everyone_k_over_n_on_the_papers_small_example_as_table_csv_and_json()
    {
        var (exit, table, _) = Run(["sortition", "select", .. SmallExample()]);
        var (_, csv, _) = Run(["sortition", "select", .. SmallExample(), "--format", "csv"]);
        var (_, json, _) = Run(["sortition", "select", .. SmallExample(), "--format", "json"]);

        Assert.Equal(0, exit);
        Assert.Contains("LEXIMIN: 200 people", table, StringComparison.Ordinal);
        Assert.Matches(@"10\.0000 %\s+200", table);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,probability", lines[0]);
        Assert.Equal(200, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Equal(0.1, double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), 1e-6));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("leximin", document.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal(200, document.RootElement.GetProperty("probabilities").GetArrayLength());
        Assert.StartsWith("GLOP", document.RootElement.GetProperty("solver").GetProperty("lp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_with_legacy_reports_the_share_below_leximins_minimum()
    {
        var (exit, output, _) = Run(["sortition", "select", .. SmallExample(), "--algorithm", "legacy", "--runs", "2000"]);

        Assert.Equal(0, exit);
        Assert.Contains("LEGACY: 200 people", output, StringComparison.Ordinal);
        Assert.Contains("share of people below LEXIMIN's minimum (10.00 %)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_draw_and_verify_reproduce_the_panel_from_the_revealed_seed()
    {
        var distribution = File("distribution.json");
        var draw = File("draw.json");
        var (commitExit, commitOutput, _) = Run("sortition", "commit", "--seed", "a secret seed");
        var commitment = commitOutput.Split('\n')[0].Split(':')[1].Trim();

        var (selectExit, _, _) = Run(["sortition", "select", .. Scotland(), "--out", distribution]);
        var (drawExit, drawOutput, _) = Run("sortition", "draw", "--distribution", distribution, "--seed", "a secret seed", "--commitment", commitment, "--out", draw);
        var (verifyExit, verifyOutput, _) = Run(["sortition", "verify", "--distribution", distribution, "--draw", draw, .. Scotland()]);
        var (_, csv, _) = Run("sortition", "draw", "--distribution", distribution, "--seed", "a secret seed", "--format", "csv");
        var (_, otherCsv, _) = Run("sortition", "draw", "--distribution", distribution, "--seed", "another seed", "--format", "csv");

        Assert.Equal([0, 0, 0, 0], new[] { commitExit, selectExit, drawExit, verifyExit });
        Assert.Contains("The seed matches the commitment", drawOutput, StringComparison.Ordinal);
        Assert.Contains("22 members:", drawOutput, StringComparison.Ordinal);
        Assert.StartsWith("Verified: the seed matches the commitment and reproduces panel", verifyOutput, StringComparison.Ordinal);
        var members = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();
        Assert.Equal(22, members.Length);
        Assert.All(members, id => Assert.Contains(id, drawOutput, StringComparison.Ordinal));
        Assert.NotEqual(csv, otherCsv);
    }

    [Fact]
    public void Verify_rejects_a_draw_whose_members_were_changed_and_exits_1()
    {
        var distribution = File("distribution.json");
        var draw = File("draw.json");
        Run(["sortition", "select", .. Scotland(), "--out", distribution]);
        Run("sortition", "draw", "--distribution", distribution, "--seed", "seed", "--out", draw);
        var published = JsonDocument.Parse(System.IO.File.ReadAllText(draw)).RootElement.GetProperty("members")[0].GetString()!;
        var outsider = Enumerable.Range(0, 150).Select(i => $"p{i}").First(id => !System.IO.File.ReadAllText(draw).Contains($"\"{id}\"", StringComparison.Ordinal));
        System.IO.File.WriteAllText(draw, System.IO.File.ReadAllText(draw).Replace($"\"{published}\"", $"\"{outsider}\"", StringComparison.Ordinal));

        var (exit, output, _) = Run("sortition", "verify", "--distribution", distribution, "--draw", draw);

        Assert.Equal(1, exit);
        Assert.StartsWith("NOT verified:", output, StringComparison.Ordinal);
        Assert.Contains(outsider, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_rejects_a_distribution_changed_after_publication()
    {
        var distribution = File("distribution.json");
        var draw = File("draw.json");
        Run(["sortition", "select", .. Scotland(), "--out", distribution]);
        Run("sortition", "draw", "--distribution", distribution, "--seed", "seed", "--out", draw);
        System.IO.File.WriteAllText(distribution, System.IO.File.ReadAllText(distribution).Replace("\"p0\"", "\"p0-renamed\"", StringComparison.Ordinal));

        var (exit, _, error) = Run("sortition", "verify", "--distribution", distribution, "--draw", draw);

        Assert.Equal(2, exit);
        Assert.Contains("it was changed after publication", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_draws_replacements_that_keep_the_quotas()
    {
        var distribution = File("distribution.json");
        var draw = File("draw.json");
        var replacements = File("replacements.json");
        var replacementDraw = File("replacement-draw.json");
        Run(["sortition", "select", .. Scotland(), "--out", distribution]);
        Run("sortition", "draw", "--distribution", distribution, "--seed", "first seed", "--out", draw);
        var members = JsonDocument.Parse(System.IO.File.ReadAllText(draw)).RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray();
        var dropouts = members.Take(2).ToArray();

        var (exit, output, _) = Run(["sortition", "replace", .. Scotland(), "--panel", draw, "--dropouts", string.Join(',', dropouts),
            "--out", replacements, "--seed", "replacement seed", "--draw-out", replacementDraw, "--format", "csv"]);
        var (verifyExit, _, _) = Run("sortition", "verify", "--distribution", replacements, "--draw", replacementDraw);

        Assert.Equal(0, exit);
        Assert.Equal(0, verifyExit);
        Assert.Contains("2 vacancies; 20 members stay", output, StringComparison.Ordinal);
        var newcomers = output.Split('\n', StringSplitOptions.TrimEntries).SkipWhile(l => l != "id").Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(2, newcomers.Length);
        var renewed = members.Except(dropouts).Concat(newcomers).ToArray();
        var (checkExit, _, _) = Run(["sortition", "check", .. PanelAsPool(renewed), "-k", "22"]);
        Assert.Equal(0, checkExit);
    }

    /// <summary>The quota file and a pool file holding only the given Scottish candidates: the panel itself must then be feasible.</summary>
    private string[] PanelAsPool(string[] ids)
    {
        var data = SharedData.Require("sortition/scotland_150");
        var lines = System.IO.File.ReadAllLines(Path.Combine(data, "candidates.csv"));
        var pool = File("panel.csv");
        System.IO.File.WriteAllLines(pool, lines.Take(1).Concat(lines.Skip(1).Where(l => ids.Contains(l.Split(',')[0]))));
        return ["--quotas", Path.Combine(data, "features.csv"), "--pool", pool];
    }

    [Theory]
    [InlineData("category,feature,min,max\ngender,female,9,x\n", ", line 2, column 4 (max): 'x' is not a whole number")]
    [InlineData("category,feature,min,max\ngender,female,9,20\ngender,female,9,20\n", ", line 3, column 2 (feature): gender=female is listed twice (also on line 2)")]
    [InlineData("category,feature,max\ngender,female,20\n", ", line 1, column min: missing column 'min'")]
    public void Bad_quota_files_are_refused_naming_the_file_line_and_column(string quotas, string expected)
    {
        var quotaFile = File("quotas.csv");
        System.IO.File.WriteAllText(quotaFile, quotas);
        var pool = Path.Combine(SharedData.Require("sortition/example_small_20"), "respondents.csv");

        var (exit, output, error) = Run("sortition", "check", "--quotas", quotaFile, "--pool", pool, "-k", "20");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: " + quotaFile + expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_pool_value_missing_from_the_quotas_is_refused_naming_the_pool_line_and_column()
    {
        var pool = File("respondents.csv");
        System.IO.File.WriteAllText(pool, "gender,leaning\nfemale,liberal\nmale,green\n");
        var quotas = Path.Combine(SharedData.Require("sortition/example_small_20"), "categories.csv");

        var (exit, _, error) = Run("sortition", "select", "--quotas", quotas, "--pool", pool, "-k", "2");

        Assert.Equal(2, exit);
        Assert.Contains($"{pool}, line 3, column 2 (leaning): 'green' is not a value of leaning in {quotas}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_distribution_file_is_refused_with_its_line_and_column()
    {
        var distribution = File("distribution.json");
        System.IO.File.WriteAllText(distribution, "{\n  \"format\": \"cocreo-panel-distribution/1\",\n  \"panels\": [ }\n");

        var (exit, _, error) = Run("sortition", "draw", "--distribution", distribution, "--seed", "s");

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {distribution}, line 3, column", error, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var (exit, _, error) = Run("sortition", "draw", "--distribution", File("nowhere.json"), "--seed", "s");

        Assert.Equal(2, exit);
        Assert.Contains("nowhere.json: the file does not exist", error, StringComparison.Ordinal);
    }
}
