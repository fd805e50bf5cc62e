namespace Cocreo.Assessment;

/// <summary>An ordinal level of a node of an instrument, from worst to best (DEX's qualitative scale).</summary>
public enum Level
{
    /// <summary>Low (the worst level).</summary>
    Low = 0,

    /// <summary>Medium.</summary>
    Medium = 1,

    /// <summary>High (the best level).</summary>
    High = 2,
}

/// <summary>Arithmetic on levels that the evaluator and its readers share.</summary>
public static class Levels
{
    /// <summary>Every level, worst first.</summary>
    public static IReadOnlyList<Level> All { get; } = [Level.Low, Level.Medium, Level.High];

    /// <summary>
    /// The score a level stands for when a parent without a decision table averages its children:
    /// low 0, medium 1/2, high 1 (equal steps, as DEXi assumes when it derives rules from weights).
    /// </summary>
    public static Ratio Position(this Level level) => new((int)level, 2);

    /// <summary>The next level up, or null at the top.</summary>
    public static Level? Next(this Level level) => level == Level.High ? null : level + 1;

    /// <summary>How many steps <paramref name="after"/> is above <paramref name="before"/> (0 when either is missing).</summary>
    public static int Gain(Level? before, Level? after) =>
        before is { } b && after is { } a ? (int)a - (int)b : 0;

    /// <summary>Reads a level as written in instrument files and exports ("low", "medium", "high").</summary>
    public static bool TryParse(string? text, out Level level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low": level = Level.Low; return true;
            case "medium": level = Level.Medium; return true;
            case "high": level = Level.High; return true;
            default: level = default; return false;
        }
    }

    /// <summary>The level as written in instrument files and exports.</summary>
    public static string Name(this Level level) => level switch
    {
        Level.Low => "low",
        Level.Medium => "medium",
        _ => "high",
    };
}
