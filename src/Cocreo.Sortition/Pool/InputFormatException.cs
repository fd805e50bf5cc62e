namespace Cocreo.Sortition;

/// <summary>
/// A pool or quota file that cannot be read as it is; the message names the file, the line and the column to fix.
/// </summary>
public sealed class InputFormatException : Exception
{
    /// <summary>Creates the error for a place in a file (line and column are 1-based; null when not applicable).</summary>
    public InputFormatException(string file, int? line, int? column, string? columnName, string problem)
        : base(Describe(file, line, column, columnName, problem))
    {
        File = file;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Problem = problem;
    }

    /// <summary>The file's name as the user gave it.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or null for the whole file.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column, or null for the whole line.</summary>
    public int? Column { get; }

    /// <summary>The column's header, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    private static string Describe(string file, int? line, int? column, string? columnName, string problem)
    {
        var place = file;
        if (line is not null)
        {
            place += $", line {line}";
        }
        if (column is not null)
        {
            place += columnName is null ? $", column {column}" : $", column {column} ({columnName})";
        }
        else if (columnName is not null)
        {
            place += $", column {columnName}";
        }
        return $"{place}: {problem}";
    }
}
