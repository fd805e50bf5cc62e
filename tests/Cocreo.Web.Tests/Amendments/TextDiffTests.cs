using Cocreo.Web.Platform.Text;
using Xunit;

namespace Cocreo.Web.Tests.Amendments;

public sealed class TextDiffTests
{
    [Fact]
    public void A_changed_word_is_one_removed_and_one_added_run()
    {
        var runs = TextDiff.Diff("The library opens at nine.", "The library opens at eight.");
        Assert.Equal(
            [new(DiffKind.Same, "The library opens at "), new(DiffKind.Removed, "nine"), new(DiffKind.Added, "eight"), new DiffRun(DiffKind.Same, ".")],
            runs);
    }

    [Fact]
    public void Paragraph_breaks_are_kept_and_browser_line_ends_compare_equal()
    {
        var runs = TextDiff.Diff("First.\n\nSecond.", "First.\r\n\r\nSecond, longer.");
        Assert.Equal("First.\n\nSecond, longer.", TextDiff.NewText(runs));
        Assert.Equal(DiffKind.Same, runs[0].Kind);
        Assert.StartsWith("First.\n\nSecond", runs[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_and_empty_texts()
    {
        Assert.False(TextDiff.Changes(TextDiff.Diff("same", "same")));
        Assert.Empty(TextDiff.Diff("", null));
        Assert.Equal([new DiffRun(DiffKind.Added, "new text")], TextDiff.Diff(null, "new text"));
        Assert.Equal([new DiffRun(DiffKind.Removed, "old text")], TextDiff.Diff("old text", ""));
    }

    [Theory]
    [InlineData("Čez cesto 🚲 gre kolo.", "Čez most 🚲🚲 gre kolo!")]
    [InlineData("a  b\t c", "a b c")]
    [InlineData("<script>alert(1)</script>", "<b>x</b>")]
    public void Round_trips_on_awkward_texts(string before, string after)
    {
        var runs = TextDiff.Diff(before, after);
        Assert.Equal(before, TextDiff.OldText(runs));
        Assert.Equal(after, TextDiff.NewText(runs));
    }

    [Fact]
    public void Random_texts_round_trip()
    {
        var random = new Random(17);
        string[] words = ["the", "library", "opens", "at", "nine", "ob", "devetih", "knjižnica", "—", ",", ".", " ", "  ", "\n", "\n\n", "🚲", "x"];
        string Text()
        {
            var n = random.Next(0, 40);
            return string.Concat(Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)] + (random.Next(3) == 0 ? "" : " ")));
        }
        for (var i = 0; i < 500; i++)
        {
            var before = Text();
            var after = random.Next(4) == 0 ? Mutate(before, random) : Text();
            var runs = TextDiff.Diff(before, after);
            Assert.Equal(before, TextDiff.OldText(runs));
            Assert.Equal(after, TextDiff.NewText(runs));
            Assert.DoesNotContain(runs, r => r.Text.Length == 0);
            for (var j = 1; j < runs.Count; j++)
            {
                Assert.NotEqual(runs[j - 1].Kind, runs[j].Kind);
            }
        }
    }

    [Fact]
    public void Merge_applies_a_change_onto_a_newer_text_when_the_words_differ()
    {
        var merge = TextDiff.Merge(
            "The library opens at nine.\n\nIt closes at six.",
            "The library opens at eight.\n\nIt closes at six.",
            "The library opens at nine.\n\nIt closes at eight in the evening.");
        Assert.True(merge.Clean);
        Assert.Equal("The library opens at eight.\n\nIt closes at eight in the evening.", merge.Text);
    }

    [Fact]
    public void Merge_refuses_two_changes_of_the_same_words()
    {
        var merge = TextDiff.Merge("Opens at nine.", "Opens at eight.", "Opens at ten.");
        Assert.False(merge.Clean);
        Assert.Null(merge.Text);
    }

    [Fact]
    public void Html_encodes_and_marks_changes_for_screen_readers()
    {
        var html = Render(TextDiff.Diff("a <b> c", "a <i> c"));
        Assert.Contains("<del><span class=\"visually-hidden\">[removed: </span>", html, StringComparison.Ordinal);
        Assert.Contains("<ins><span class=\"visually-hidden\">[added: </span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    private static string Render(IReadOnlyList<DiffRun> runs)
    {
        using var writer = new StringWriter();
        TextDiffHtml.Render(runs, "added", "removed").WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "inserted";
        }
        var at = random.Next(text.Length);
        return random.Next(2) == 0 ? text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)) : text.Insert(at, " changed ");
    }
}
