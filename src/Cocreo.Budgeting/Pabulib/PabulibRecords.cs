using CsvHelper;

namespace Cocreo.Budgeting.Pabulib;

/// <summary>
/// The records of a .pb file: semicolon-separated, with double-quote quoting ("" inside quotes is a quote; quoted
/// fields may hold semicolons and line breaks), split by CsvHelper. Each record's fields are decoded once into one
/// buffer, so that a row's fields can be looked at together as spans without a string each. A byte order mark before
/// the first field is dropped (also when the text comes from a reader that kept it), and lines holding characters that
/// could not be decoded (U+FFFD, what a decoder puts for bytes that are not UTF-8) are counted.
/// </summary>
internal sealed class PabulibRecords : IDisposable
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ';',
        HasHeader = false,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        AllowLineBreaksInQuotes = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    private readonly CsvReader _reader;
    private readonly string _source;
    private char[] _fields = new char[256];
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private bool _firstRecord = true;

    public PabulibRecords(TextReader text, string source)
    {
        _reader = CsvReader.Create(text, Options);
        _source = source;
    }

    /// <summary>The line on which the current record starts (1-based).</summary>
    public int Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The number of lines holding a character that could not be decoded (U+FFFD).</summary>
    public int UndecodableLines { get; private set; }

    /// <summary>The first line holding a character that could not be decoded, or 0.</summary>
    public int FirstUndecodableLine { get; private set; }

    /// <summary>A field of the current record, unquoted; empty past the last field (a row shorter than its header).</summary>
    public ReadOnlySpan<char> this[int index] => index < FieldCount ? _fields.AsSpan(_starts[index], _ends[index] - _starts[index]) : [];

    /// <summary>A field of the current record as a string.</summary>
    public string GetString(int index) => new(this[index]);

    /// <summary>Moves to the next non-blank record; false at the end of the input.</summary>
    public bool Read()
    {
        try
        {
            if (!_reader.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException problem)
        {
            throw new PabulibFormatException(_source, (int)problem.LineNumber, "the quoting is broken (a \" is missing or misplaced)");
        }
        Line = (int)_reader.LineNumber;
        FieldCount = _reader.FieldCount;
        if (FieldCount > _starts.Length)
        {
            Array.Resize(ref _starts, Math.Max(FieldCount, _starts.Length * 2));
            Array.Resize(ref _ends, _starts.Length);
        }
        var length = 0;
        for (var i = 0; i < FieldCount; i++)
        {
            var bytes = _reader.GetSpan(i);
            // UTF-8 never needs more UTF-16 code units than bytes.
            if (length + bytes.Length > _fields.Length)
            {
                Array.Resize(ref _fields, Math.Max(_fields.Length * 2, length + bytes.Length));
            }
            _starts[i] = length;
            length += System.Text.Encoding.UTF8.GetChars(bytes, _fields.AsSpan(length));
            _ends[i] = length;
        }
        if (_firstRecord)
        {
            _firstRecord = false;
            if (FieldCount > 0 && _ends[0] > 0 && _fields[0] == '\uFEFF')
            {
                _starts[0] = 1;
            }
        }
        if (_fields.AsSpan(0, length).Contains('\uFFFD'))
        {
            UndecodableLines++;
            FirstUndecodableLine = FirstUndecodableLine == 0 ? Line : FirstUndecodableLine;
        }
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
