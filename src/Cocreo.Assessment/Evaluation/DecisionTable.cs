namespace Cocreo.Assessment;

/// <summary>
/// A DEX utility function: a table that gives a parent's level for every combination of its children's levels.
/// Rules may use <c>*</c> (any level), <c>&gt;=medium</c> or <c>&lt;=medium</c>; when the file is read, the
/// rules are expanded and checked to cover every combination exactly once in meaning (rules that overlap must
/// agree) and to be monotone (a better child never makes the parent worse).
/// </summary>
public sealed class DecisionTable
{
    private readonly Level[] entries;

    private DecisionTable(IReadOnlyList<DecisionRule> rules, LocalizedText rationale, int arity, Level[] entries)
    {
        Rules = rules;
        Rationale = rationale;
        Arity = arity;
        this.entries = entries;
    }

    /// <summary>The rules as written in the instrument file, in the children's order.</summary>
    public IReadOnlyList<DecisionRule> Rules { get; }

    /// <summary>Where the rules come from and why they are what they are.</summary>
    public LocalizedText Rationale { get; }

    /// <summary>The number of children the table reads.</summary>
    public int Arity { get; }

    /// <summary>The parent's level for the children's levels, in the children's order.</summary>
    public Level Lookup(IReadOnlyList<Level> childLevels)
    {
        ArgumentNullException.ThrowIfNull(childLevels);
        if (childLevels.Count != Arity)
        {
            throw new ArgumentException($"The table reads {Arity} child levels, not {childLevels.Count}.", nameof(childLevels));
        }
        return entries[IndexOf(childLevels)];
    }

    /// <summary>Every combination of child levels with the parent's level, worst combination first (for display).</summary>
    public IReadOnlyList<DecisionEntry> Entries() =>
        Enumerable.Range(0, entries.Length).Select(i => new DecisionEntry(Combination(i, Arity), entries[i])).ToList();

    internal static DecisionTable Build(IReadOnlyList<DecisionRule> rules, LocalizedText rationale, int arity, string where)
    {
        var size = (int)Math.Pow(Levels.All.Count, arity);
        var entries = new Level?[size];
        var sources = new int[size];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule.When.Count != arity)
            {
                throw new InstrumentFormatException(
                    $"{where}: rule {r + 1} has {rule.When.Count} conditions but the node has {arity} children; give one condition per child, in the children's order.");
            }
            var allowed = rule.When.Select((condition, i) => Allowed(condition, $"{where}: rule {r + 1}, condition {i + 1}")).ToList();
            for (var index = 0; index < size; index++)
            {
                var combination = Combination(index, arity);
                if (!combination.Select((level, i) => allowed[i].Contains(level)).All(ok => ok))
                {
                    continue;
                }
                if (entries[index] is { } earlier && earlier != rule.Then)
                {
                    throw new InstrumentFormatException(
                        $"{where}: rules {sources[index] + 1} and {r + 1} disagree on ({Describe(combination)}): {earlier.Name()} or {rule.Then.Name()}.");
                }
                entries[index] = rule.Then;
                sources[index] = r;
            }
        }

        var missing = Enumerable.Range(0, size).Where(i => entries[i] is null).Select(i => $"({Describe(Combination(i, arity))})").ToList();
        if (missing.Count > 0)
        {
            throw new InstrumentFormatException(
                $"{where}: the table does not say what the level is for {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")}; add rules that cover them.");
        }

        var table = entries.Select(e => e!.Value).ToArray();
        for (var index = 0; index < size; index++)
        {
            var combination = Combination(index, arity);
            for (var child = 0; child < arity; child++)
            {
                if (combination[child].Next() is not { } better)
                {
                    continue;
                }
                var raised = combination.ToArray();
                raised[child] = better;
                if (table[IndexOf(raised)] < table[index])
                {
                    throw new InstrumentFormatException(
                        $"{where}: the table is not monotone: ({Describe(combination)}) gives {table[index].Name()} but the better ({Describe(raised)}) gives {table[IndexOf(raised)].Name()}.");
                }
            }
        }
        return new DecisionTable(rules, rationale, arity, table);
    }

    private static HashSet<Level> Allowed(string condition, string where)
    {
        var text = condition.Trim();
        if (text == "*")
        {
            return [.. Levels.All];
        }
        if (text.StartsWith(">=", StringComparison.Ordinal) && Levels.TryParse(text[2..], out var from))
        {
            return [.. Levels.All.Where(l => l >= from)];
        }
        if (text.StartsWith("<=", StringComparison.Ordinal) && Levels.TryParse(text[2..], out var upTo))
        {
            return [.. Levels.All.Where(l => l <= upTo)];
        }
        if (Levels.TryParse(text, out var level))
        {
            return [level];
        }
        throw new InstrumentFormatException(
            $"{where}: '{condition}' is not a condition; write low, medium, high, *, >=medium or <=medium.");
    }

    private static int IndexOf(IReadOnlyList<Level> levels)
    {
        var index = 0;
        foreach (var level in levels)
        {
            index = index * Levels.All.Count + (int)level;
        }
        return index;
    }

    private static Level[] Combination(int index, int arity)
    {
        var levels = new Level[arity];
        for (var i = arity - 1; i >= 0; i--)
        {
            levels[i] = (Level)(index % Levels.All.Count);
            index /= Levels.All.Count;
        }
        return levels;
    }

    private static string Describe(IEnumerable<Level> levels) => string.Join(", ", levels.Select(l => l.Name()));
}

/// <summary>One row of a decision table as written: a condition per child and the parent's level.</summary>
/// <param name="When">One condition per child: <c>low</c>, <c>medium</c>, <c>high</c>, <c>*</c>, <c>&gt;=level</c> or <c>&lt;=level</c>.</param>
/// <param name="Then">The parent's level when every condition holds.</param>
public sealed record DecisionRule(IReadOnlyList<string> When, Level Then);

/// <summary>One row of a decision table after expansion: a level per child and the parent's level.</summary>
/// <param name="When">The children's levels, in the children's order.</param>
/// <param name="Then">The parent's level.</param>
public sealed record DecisionEntry(IReadOnlyList<Level> When, Level Then);
