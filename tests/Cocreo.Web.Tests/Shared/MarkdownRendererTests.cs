using Cocreo.Web.Platform.Markdown;

namespace Cocreo.Web.Tests.Shared;

/// <summary>User-written Markdown becomes safe HTML, the same for a text rendered again (kept by its text) as for the first time.</summary>
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Raw_html_and_scripts_never_pass_and_links_get_rel()
    {
        var html = renderer.Render("Hello <script>alert(1)</script> **world** [site](https://example.org) [bad](javascript:alert(1))").ToString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>world</strong>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_text_renders_to_its_own_html_the_first_time_and_after()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Comment **{i}** says _{i * 7}_").ToList();
        var first = texts.Select(t => renderer.Render(t).ToString()).ToList();
        var again = texts.AsEnumerable().Reverse().Select(t => renderer.Render(t).ToString()).Reverse().ToList();
        Assert.Equal(first, again);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal($"<p>Comment <strong>{i}</strong> says <em>{i * 7}</em></p>", first[i]!.Trim());
        }
        var longText = string.Concat(Enumerable.Repeat("A long paragraph with *emphasis*. ", 1_000));
        Assert.Contains("<em>emphasis</em>", renderer.Render(longText).ToString(), StringComparison.Ordinal);
        Assert.Equal("", renderer.Render("  ").ToString());
    }
}
