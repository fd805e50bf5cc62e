using Cocreo.Testing;

namespace Cocreo.Cli.Tests.Opinion;

public class OpinionCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CocreoCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_prints_the_groups_their_representative_statements_and_the_consensus()
    {
        var folder = SharedData.Require("polis/reddwarf-fixtures/below-100-ptpts");

        var (exit, output, error) = Run("opinion", "run", folder, "--replay");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("35 participants voted, 23 in the conversation", output, StringComparison.Ordinal);
        Assert.Contains("Group A:", output, StringComparison.Ordinal);
        Assert.Contains("Consensus (all participants):", output, StringComparison.Ordinal);
        Assert.Contains("#26 I like how Polis relies on user interaction", output, StringComparison.Ordinal);
        Assert.Contains("Group-aware consensus", output, StringComparison.Ordinal);
        Assert.Contains("Bridging ranking (intercept of the Community Notes model", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_Polis_open_data_files_with_our_groups_that_read_back()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");
        var target = Directory.CreateTempSubdirectory("cocreo-export-");
        try
        {
            var (exit, output, error) = Run("opinion", "export", folder, target.FullName);

            Assert.Equal(0, exit);
            Assert.Equal("", error);
            Assert.Contains("Wrote 54 statements", output, StringComparison.Ordinal);
            Assert.Contains("138 participants' groups (2 groups)", output, StringComparison.Ordinal);
            var (again, againOutput, _) = Run("opinion", "run", target.FullName);
            Assert.Equal(0, again);
            Assert.Contains("339 participants voted, 138 in the conversation", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }

    [Fact]
    public void Export_of_red_dwarf_json_writes_the_votes_as_Polis_csv()
    {
        var folder = SharedData.Require("polis/reddwarf-fixtures/below-100-ptpts");
        var target = Directory.CreateTempSubdirectory("cocreo-export-");
        try
        {
            var (exit, output, error) = Run("opinion", "export", folder, target.FullName);

            Assert.Equal(0, exit);
            Assert.Equal("", error);
            Assert.True(File.Exists(Path.Combine(target.FullName, "participants-votes.csv")));
            var (again, againOutput, _) = Run("opinion", "run", target.FullName);
            Assert.Equal(0, again);
            Assert.Contains("35 participants voted", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_reads_a_Polis_export_and_can_fix_the_number_of_groups()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");

        var (exit, output, _) = Run("opinion", "run", folder, "--groups", "3");

        Assert.Equal(0, exit);
        Assert.Contains("339 participants voted, 138 in the conversation", output, StringComparison.Ordinal);
        Assert.Contains("3 opinion groups", output, StringComparison.Ordinal);
        Assert.Contains("Group C:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_writes_Polis_shaped_json_on_request()
    {
        var folder = SharedData.Require("polis/reddwarf-fixtures/25ptpt-3gp-no-strict-with-meta");
        var file = Path.Combine(Path.GetTempPath(), $"cocreo-math-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, _, _) = Run("opinion", "run", folder, "--polis-json", file);

            Assert.Equal(0, exit);
            var math = OpinionMap.Polis.PolisMath.Read(file);
            Assert.Equal(27, math.InConversation.Count);
            Assert.Equal([0, 1, 2, 3], math.ModeratedOut.Order());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Compare_reports_agreement_with_Polis_from_scratch_and_from_Polis_state()
    {
        var folder = SharedData.Require("polis/reddwarf-fixtures/150ptpt-3gp-no-strict-no-meta");

        var (exit, output, _) = Run("opinion", "compare", folder, "--replay");

        Assert.Equal(0, exit);
        Assert.Matches(@"in conversation \(ours / Polis'\)\s+121 / 121 \(-0 \+0\)\s+121 / 121 \(-0 \+0\)", output);
        Assert.Matches(@"memberships, adjusted Rand index\s+\S+\s+1\.0000", output);
        Assert.Matches(@"representative statements\s+.+\s+3 of 3 groups identical", output);
    }

    [Fact]
    public void Run_says_when_the_groups_come_from_a_seeded_start_and_polis_groups_keeps_Polis_own()
    {
        var folder = SharedData.Require("polis/opendata/canadian-electoral-reform");

        var (exit, output, _) = Run("opinion", "run", folder);
        var (polisExit, polisOutput, _) = Run("opinion", "run", folder, "--polis-groups");

        Assert.Equal(0, exit);
        Assert.Contains("2 opinion groups", output, StringComparison.Ordinal);
        Assert.Contains("the 2 groups come from a seeded start: they explain 42.5% of the spread, Polis' own start stopped at 19.5%",
            output, StringComparison.Ordinal);
        Assert.Equal(0, polisExit);
        Assert.Contains("3 opinion groups", polisOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("seeded start", polisOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_older_rules_counts_moderated_out_statements_as_voted()
    {
        // Five moderated-out statements have votes, so under Polis' rules before October 2017 two votes on other
        // statements are enough to be in.
        var folder = SharedData.Require("polis/reddwarf-fixtures/above-100-ptpts");

        var (_, today, _) = Run("opinion", "run", folder);
        var (exit, older, _) = Run("opinion", "run", folder, "--older-rules");

        Assert.Contains("267 participants voted, 176 in the conversation", today, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("267 participants voted, 220 in the conversation", older, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_with_polis_groups_reproduces_Polis_groups_where_seeded_starts_replace_them()
    {
        var folder = SharedData.Require("polis/reddwarf-fixtures/below-100-ptpts");

        var (_, ours, _) = Run("opinion", "compare", folder, "--replay");
        var (exit, polis, _) = Run("opinion", "compare", folder, "--replay", "--polis-groups");

        Assert.Equal(0, exit);
        Assert.Matches(@"memberships, adjusted Rand index\s+\S+\s+1\.0000", polis);
        Assert.DoesNotMatch(@"memberships, adjusted Rand index\s+\S+\s+1\.0000", ours);
    }

    [Fact]
    public void A_folder_without_a_conversation_is_refused_with_what_to_provide()
    {
        var folder = Directory.CreateTempSubdirectory("cocreo-empty-");
        try
        {
            var (exit, output, error) = Run("opinion", "run", folder.FullName);

            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Contains("expected votes.json (with comments.json), or comments.csv", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void A_malformed_vote_is_reported_with_file_line_and_field()
    {
        var folder = Directory.CreateTempSubdirectory("cocreo-bad-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "comments.csv"), "comment-id,moderated,comment-body\n0,1,Hello\n");
            File.WriteAllText(Path.Combine(folder.FullName, "votes.csv"), "timestamp,comment-id,voter-id,vote\n1,0,1,2\n");

            var (exit, _, error) = Run("opinion", "run", folder.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("votes.csv, line 2, column 4 (vote): '2' is not 1 (agree), -1 (disagree) or 0 (pass).", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Compare_without_Polis_math_says_how_to_give_it()
    {
        var folder = SharedData.Require("polis/opendata/15-per-hour-seattle");

        var (exit, _, error) = Run("opinion", "compare", folder);

        Assert.Equal(1, exit);
        Assert.Contains("math-pca2.json", error, StringComparison.Ordinal);
        Assert.Contains("--math", error, StringComparison.Ordinal);
    }
}
