using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Cocreo.Web.Platform.Text;

/// <summary>What a run of a diff is: text both sides share, text only the new side has, text only the old side had.</summary>
public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>One run of a word-level diff: its kind and its exact text (spaces and line breaks included).</summary>
public sealed record DiffRun(DiffKind Kind, string Text);

/// <summary>The result of re-applying one change onto a newer text: the merged text when it applies cleanly.</summary>
public sealed record TextMerge(bool Clean, string? Text);

/// <summary>
/// Word-level diffs of two texts (DiffPlex), in runs a page renders as &lt;ins&gt; and &lt;del&gt;
/// (<c>Platform/Text/_TextDiff.cshtml</c>), and the three-way merge an amendment is rebased with.
/// A text is cut into tokens that together are exactly the text: words (letters, marks, digits), runs of spaces,
/// each line break, each other character. So the runs give back both texts exactly: the Same and Removed runs the
/// old one, the Same and Added runs the new one (<see cref="OldText"/>, <see cref="NewText"/>).
/// </summary>
public static partial class TextDiff
{
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}_]+|[^\S\n]+|\n|[\uD800-\uDBFF][\uDC00-\uDFFF]|.", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private static readonly CustomFunctionChunker Chunker = new(Tokens);

    /// <summary>The tokens of a text; concatenated they are the text.</summary>
    public static string[] Tokens(string text) =>
        TokenPattern().Matches(text ?? "").Select(m => m.Value).ToArray();

    /// <summary>The runs that turn <paramref name="oldText"/> into <paramref name="newText"/>, adjacent runs of one kind joined.</summary>
    public static IReadOnlyList<DiffRun> Diff(string? oldText, string? newText)
    {
        var before = Normalize(oldText);
        var after = Normalize(newText);
        var runs = new List<DiffRun>();
        if (before.Length == 0 && after.Length == 0)
        {
            return runs;
        }
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(runs, DiffKind.Same, result.PiecesOld, a, block.DeleteStartA - a);
            Add(runs, DiffKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(runs, DiffKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(runs, DiffKind.Same, result.PiecesOld, a, result.PiecesOld.Count - a);
        return runs;
    }

    /// <summary>The old text the runs were made from.</summary>
    public static string OldText(IEnumerable<DiffRun> runs) =>
        string.Concat(runs.Where(r => r.Kind != DiffKind.Added).Select(r => r.Text));

    /// <summary>The new text the runs lead to: applying the runs to the old text.</summary>
    public static string NewText(IEnumerable<DiffRun> runs) =>
        string.Concat(runs.Where(r => r.Kind != DiffKind.Removed).Select(r => r.Text));

    /// <summary>Whether the runs change anything.</summary>
    public static bool Changes(IEnumerable<DiffRun> runs) => runs.Any(r => r.Kind != DiffKind.Same);

    /// <summary>
    /// Re-applies the change from <paramref name="baseText"/> to <paramref name="mine"/> onto <paramref name="theirs"/>
    /// (a newer version of the base), word by word. Clean when the two changes touch different words (or make the same
    /// change); otherwise not clean and no text: the author edits by hand.
    /// </summary>
    public static TextMerge Merge(string? baseText, string? mine, string? theirs)
    {
        var b = Normalize(baseText);
        var m = Normalize(mine);
        var t = Normalize(theirs);
        if (m == b)
        {
            return new TextMerge(true, t);
        }
        if (t == b || t == m)
        {
            return new TextMerge(true, m);
        }
        var merge = ThreeWayDiffer.Instance.CreateMerge(b, t, m, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        return merge.IsSuccessful ? new TextMerge(true, string.Concat(merge.MergedPieces)) : new TextMerge(false, null);
    }

    /// <summary>Line breaks as \n, so a text typed in a browser (\r\n) compares with one stored.</summary>
    public static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void Add(List<DiffRun> runs, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append(pieces[i]);
        }
        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        }
        else
        {
            runs.Add(new DiffRun(kind, text.ToString()));
        }
    }
}
