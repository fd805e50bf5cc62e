namespace Cocreo.OpinionMap.Polis;

/// <summary>A Polis file that cannot be read, with where and what to fix.</summary>
public sealed class PolisFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="file">The file's name or path.</param>
    /// <param name="location">Where in the file (e.g. "line 12, column 5 (vote)" or "vote #3"), or null.</param>
    /// <param name="problem">What is wrong and what would be right.</param>
    /// <param name="inner">The underlying error, if any.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column (field of a CSV row), when known.</param>
    public PolisFormatException(string file, string? location, string problem, Exception? inner = null, long? line = null, int? column = null)
        : base($"{file}{(location is null ? "" : ", " + location)}: {problem}", inner)
    {
        File = file;
        Location = location;
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line in the file, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (CSV field), when known.</summary>
    public int? Column { get; }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>Where in the file, when known.</summary>
    public string? Location { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
