using System.Globalization;
using CsvHelper;

namespace Cocreo.Sortition;

/// <summary>A comma-separated file read whole, keeping each record's line number for error messages.</summary>
internal sealed class CsvTable
{
    private CsvTable(string name, string[] header, List<(int Line, string[] Fields)> rows)
    {
        Name = name;
        Header = header;
        Rows = rows;
    }

    public string Name { get; }

    public string[] Header { get; }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public static CsvTable Read(TextReader reader, string name)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
        };
        string[]? header = null;
        var rows = new List<(int, string[])>();
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var line = 0;
        try
        {
            while (csv.Read())
            {
                line = (int)csv.LineNumber;
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = csv.GetString(i);
                }
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (header is null)
                {
                    header = record.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
                    continue;
                }
                rows.Add((line, record));
            }
        }
        catch (CsvFormatException exception)
        {
            throw new InputFormatException(name, line + 1, null, null, "not a valid CSV record: " + exception.Message.Split('\n')[0]);
        }
        if (header is null)
        {
            throw new InputFormatException(name, null, null, null, "the file is empty; it needs a header line and one line per record");
        }
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw new InputFormatException(name, 1, i + 1, null, "a column has no name in the header");
            }
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(header[i], header[j], StringComparison.OrdinalIgnoreCase))
                {
                    throw new InputFormatException(name, 1, i + 1, header[i], $"the header names this column twice (also column {j + 1})");
                }
            }
        }
        return new CsvTable(name, header, rows);
    }

    /// <summary>The 0-based index of a column (names match ignoring case), or -1.</summary>
    public int IndexOf(string column) => Array.FindIndex(Header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));

    public int Require(string column)
    {
        var index = IndexOf(column);
        return index >= 0
            ? index
            : throw new InputFormatException(Name, 1, null, column, $"missing column '{column}'; the header has: {string.Join(", ", Header)}");
    }

    public string Field((int Line, string[] Fields) row, int column)
    {
        if (column >= row.Fields.Length)
        {
            throw Error(row, column, $"the line has {row.Fields.Length} fields; the header has {Header.Length}");
        }
        return row.Fields[column].Trim();
    }

    /// <summary>A whole number of at least zero; an empty field is null when optional, an error otherwise.</summary>
    public int? Count((int Line, string[] Fields) row, int column, bool optional = false)
    {
        var text = Field(row, column);
        if (text.Length == 0)
        {
            return optional ? null : throw Error(row, column, "a whole number is needed here; the field is empty");
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // Spreadsheets often export whole numbers as "3.0".
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && real is >= 0 and <= int.MaxValue)
            {
                return (int)real;
            }
            throw Error(row, column, $"'{text}' is not a whole number");
        }
        return value >= 0 ? value : throw Error(row, column, $"{value} is negative; a count of people is needed");
    }

    public InputFormatException Error((int Line, string[] Fields) row, int column, string problem) =>
        new(Name, row.Line, column + 1, column < Header.Length ? Header[column] : null, problem);
}
