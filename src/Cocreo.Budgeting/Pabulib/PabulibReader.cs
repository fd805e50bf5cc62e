using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Pabulib;

/// <summary>
/// Reads the pabulib <c>.pb</c> format (pabulib.org/format): a META section of key;value rows, a PROJECTS section and a
/// VOTES section, each with a header row, as semicolon-separated values with double-quote quoting. Every column is
/// kept. Problems that make the election meaningless (unknown project in a vote, bad cost, duplicate voter, a ballot
/// longer than META allows, a missing section) are errors naming the line; counts that disagree with META are warnings.
/// </summary>
public static class PabulibReader
{
    /// <summary>Reads a .pb file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="detail">What to keep of each ballot (everything, or only what the rules count).</param>
    /// <exception cref="PabulibFormatException">The file is not a valid .pb file.</exception>
    public static PabulibElection ReadFile(string path, BallotDetail detail = BallotDetail.Full)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, Path.GetFileName(path), detail);
    }

    /// <summary>Reads a .pb file from a stream (UTF-8, with or without a byte order mark).</summary>
    /// <exception cref="PabulibFormatException">The content is not a valid .pb file.</exception>
    public static PabulibElection Read(Stream stream, string source = "input", BallotDetail detail = BallotDetail.Full)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(reader, source, detail);
    }

    /// <summary>Reads a .pb file from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A name for the input used in error messages (e.g. the file name).</param>
    /// <param name="detail">What to keep of each ballot (everything, or only what the rules count).</param>
    /// <exception cref="PabulibFormatException">The content is not a valid .pb file.</exception>
    public static PabulibElection Read(TextReader reader, string source = "input", BallotDetail detail = BallotDetail.Full)
    {
        using var records = new PabulibRecords(reader, source);
        return new Parser(records, source, detail).Parse();
    }

    private sealed class Parser(PabulibRecords records, string source, BallotDetail detail)
    {
        private readonly PabulibRecords _records = records;
        private readonly List<PabulibWarning> _warnings = [];
        private readonly List<KeyValuePair<string, string>> _meta = [];
        private readonly Dictionary<string, int> _metaLines = new(StringComparer.OrdinalIgnoreCase);
        private Instance? _instance;
        private VoteType _voteType;
        private readonly List<Ballot> _ballots = [];
        private VotesOnlyBallots? _votesOnly;
        private string[] _voteExtraColumns = [];
        private readonly HashSet<string> _sectionsSeen = new(StringComparer.Ordinal);

        private IReadOnlyList<Ballot> Ballots => _votesOnly ?? (IReadOnlyList<Ballot>)_ballots;

        public PabulibElection Parse()
        {
            if (!_records.Read())
            {
                throw Error(0, "the file is empty; a .pb file starts with a META section");
            }
            while (true)
            {
                var section = SectionName();
                if (section is null)
                {
                    throw Error(_records.Line, $"expected a section name (META, PROJECTS or VOTES) but found \"{Shorten(_records.GetString(0))}\"");
                }
                var sectionLine = _records.Line;
                if (!_sectionsSeen.Add(section))
                {
                    throw Error(sectionLine, $"the {section} section appears twice");
                }
                if (!_records.Read())
                {
                    throw Error(sectionLine, $"the {section} section has no header row");
                }
                var more = section switch
                {
                    "META" => ReadMeta(),
                    "PROJECTS" => ReadProjects(sectionLine),
                    _ => ReadVotes(sectionLine),
                };
                if (!more)
                {
                    break;
                }
            }
            foreach (var required in new[] { "META", "PROJECTS", "VOTES" })
            {
                if (!_sectionsSeen.Contains(required))
                {
                    throw Error(0, $"the file has no {required} section");
                }
            }
            CheckCounts();
            var profile = new Profile(_voteType, Ballots, _voteExtraColumns, detail);
            return new PabulibElection(_instance!, profile, _warnings);
        }

        private string? SectionName()
        {
            if (_records.FieldCount > 2 || (_records.FieldCount == 2 && !_records[1].IsWhiteSpace()))
            {
                return null;
            }
            var name = _records[0].Trim();
            foreach (var section in new[] { "META", "PROJECTS", "VOTES" })
            {
                if (name.Equals(section, StringComparison.OrdinalIgnoreCase))
                {
                    return section;
                }
            }
            return null;
        }

        private bool ReadMeta()
        {
            if (_records.FieldCount < 2 || !_records[0].Trim().Equals("key", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(_records.Line, "the META header must be \"key;value\"");
            }
            while (_records.Read())
            {
                if (SectionName() is not null)
                {
                    return true;
                }
                if (_records.FieldCount != 2)
                {
                    throw Error(_records.Line, $"a META row has {_records.FieldCount} fields; expected key;value (quote a value that contains ';')");
                }
                var key = _records[0].Trim().ToString();
                if (_metaLines.ContainsKey(key))
                {
                    throw Error(_records.Line, $"the META key \"{key}\" appears twice (first on line {_metaLines[key]})");
                }
                _metaLines[key] = _records.Line;
                _meta.Add(KeyValuePair.Create(key, _records.GetString(1)));
            }
            return false;
        }

        private string? Meta(string key)
        {
            foreach (var entry in _meta)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }
            return null;
        }

        private int MetaLine(string key) => _metaLines.TryGetValue(key, out var line) ? line : 0;

        private long? MetaInteger(string key)
        {
            var text = Meta(key);
            if (text is null)
            {
                return null;
            }
            if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value))
            {
                return (long)value;
            }
            throw Error(MetaLine(key), $"META {key} must be a whole number, not \"{Shorten(text)}\"");
        }

        private bool ReadProjects(int sectionLine)
        {
            if (!_sectionsSeen.Contains("META"))
            {
                throw Error(sectionLine, "the PROJECTS section must come after the META section");
            }
            var budgetText = Meta("budget") ?? throw Error(sectionLine, "META has no budget");
            if (!decimal.TryParse(budgetText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var budget) || budget < 0)
            {
                throw Error(MetaLine("budget"), $"META budget \"{Shorten(budgetText)}\" is not a non-negative number");
            }
            var voteTypeText = Meta("vote_type") ?? throw Error(sectionLine, "META has no vote_type (approval, ordinal, cumulative, scoring or choose-1)");
            if (!VoteTypes.TryParse(voteTypeText, out _voteType))
            {
                throw Error(MetaLine("vote_type"), $"META vote_type \"{Shorten(voteTypeText)}\" is not one of approval, ordinal, cumulative, scoring, choose-1");
            }

            var header = Header(out var headerLine);
            var idColumn = Column(header, "project_id", headerLine, "PROJECTS");
            var costColumn = Column(header, "cost", headerLine, "PROJECTS");
            var otherColumns = OtherColumns(header, idColumn, costColumn, -1);
            // Every project refers to one shared list of column names.
            IReadOnlyList<string> columnNames = Array.ConvertAll(otherColumns, column => column.Name);
            var projects = new List<Project>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var more = false;
            while (_records.Read())
            {
                if (SectionName() is not null)
                {
                    more = true;
                    break;
                }
                CheckFieldCount(header.Length, "project");
                var id = _records[idColumn].Trim().ToString();
                if (id.Length == 0)
                {
                    throw Error(_records.Line, "a project has an empty project_id");
                }
                if (!seen.TryAdd(id, _records.Line))
                {
                    throw Error(_records.Line, $"project {id} appears twice (first on line {seen[id]})");
                }
                var costText = _records[costColumn].Trim();
                if (!decimal.TryParse(costText, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) || cost < 0)
                {
                    throw Error(_records.Line, $"project {id} has cost \"{Shorten(costText.ToString())}\"; a cost must be a non-negative number");
                }
                var values = new string[otherColumns.Length];
                for (var i = 0; i < otherColumns.Length; i++)
                {
                    values[i] = _records.GetString(otherColumns[i].Index);
                }
                projects.Add(new Project(id, cost, columnNames, values, projects.Count));
            }
            _instance = new Instance(budget, projects, _meta, columnNames);
            return more;
        }

        private bool ReadVotes(int sectionLine)
        {
            if (_instance is null)
            {
                throw Error(sectionLine, "the VOTES section must come after the PROJECTS section");
            }
            var header = Header(out var headerLine);
            var voterColumn = Column(header, "voter_id", headerLine, "VOTES");
            var voteColumn = Column(header, "vote", headerLine, "VOTES");
            var pointsColumn = Array.FindIndex(header, name => name.Equals("points", StringComparison.OrdinalIgnoreCase));
            if (_voteType.HasPoints() && pointsColumn < 0)
            {
                throw Error(headerLine, $"{_voteType.ToPabulibName()} votes need a points column");
            }
            var otherColumns = OtherColumns(header, voterColumn, voteColumn, pointsColumn);
            _voteExtraColumns = detail == BallotDetail.Full ? Array.ConvertAll(otherColumns, column => column.Name) : [];
            var interning = otherColumns.Select(_ => new ValueInterning()).ToArray();

            var maxLength = MetaInteger("max_length");
            var minLength = MetaInteger("min_length");
            var maxSumPoints = MetaInteger("max_sum_points");
            var maxPoints = MetaInteger("max_points");
            if (_voteType == VoteType.ChooseOne)
            {
                maxLength ??= 1;
            }
            var projects = _instance.ProjectsBySpan;
            var voters = new Dictionary<string, int>(StringComparer.Ordinal);
            var expected = MetaCount("num_votes");
            if (expected is > 0 and < 10_000_000)
            {
                _ballots.Capacity = detail == BallotDetail.Full ? (int)expected.Value : 0;
                voters.EnsureCapacity((int)expected.Value);
            }
            _votesOnly = detail == BallotDetail.VotesOnly ? new VotesOnlyBallots(_instance.Projects, withPoints: pointsColumn >= 0) : null;
            var chosen = new List<Project>(8);
            var points = new List<int>(8);
            var extras = new string[otherColumns.Length];
            // Many voters cast the same ballot, or share age, sex and voting method: they share one array each.
            var projectLists = new ArrayInterning<Project>(EqualityComparer<Project>.Default);
            var pointLists = new ArrayInterning<int>(EqualityComparer<int>.Default);
            var extraLists = new ArrayInterning<string>(StringComparer.Ordinal);
            var shortBallots = 0;
            var firstShortLine = 0;
            var more = false;
            while (_records.Read())
            {
                if (SectionName() is not null)
                {
                    more = true;
                    break;
                }
                CheckFieldCount(header.Length, "vote");
                var voterId = _records[voterColumn].Trim().ToString();
                if (voterId.Length == 0)
                {
                    throw Error(_records.Line, "a vote has an empty voter_id");
                }
                if (!voters.TryAdd(voterId, _records.Line))
                {
                    throw Error(_records.Line, $"voter {voterId} votes twice (first on line {voters[voterId]})");
                }
                chosen.Clear();
                var vote = _records[voteColumn];
                foreach (var range in vote.Split(','))
                {
                    var id = vote[range].Trim();
                    if (id.IsEmpty)
                    {
                        if (vote.Trim().IsEmpty)
                        {
                            break;
                        }
                        throw Error(_records.Line, $"voter {voterId} has an empty project in the vote \"{Shorten(vote.ToString())}\"");
                    }
                    if (!projects.TryGetValue(id, out var project))
                    {
                        throw Error(_records.Line, $"voter {voterId} votes for project {id}, which is not in PROJECTS");
                    }
                    if (chosen.Contains(project))
                    {
                        throw Error(_records.Line, $"voter {voterId} votes for project {id} twice");
                    }
                    chosen.Add(project);
                }
                if (maxLength is { } max && chosen.Count > max)
                {
                    throw Error(_records.Line, $"voter {voterId} votes for {chosen.Count} projects; META max_length allows {max}");
                }
                if (minLength is { } min && chosen.Count < min)
                {
                    shortBallots++;
                    firstShortLine = firstShortLine == 0 ? _records.Line : firstShortLine;
                }
                if (pointsColumn >= 0)
                {
                    ReadPoints(voterId, chosen.Count, points, maxSumPoints, maxPoints, _records[pointsColumn]);
                }
                if (_votesOnly is not null)
                {
                    _votesOnly.Add(CollectionsMarshal.AsSpan(chosen), CollectionsMarshal.AsSpan(points));
                    continue;
                }
                for (var i = 0; i < extras.Length; i++)
                {
                    extras[i] = interning[i].Intern(_records[otherColumns[i].Index]);
                }
                var ballotPoints = pointsColumn >= 0 ? pointLists.Intern(CollectionsMarshal.AsSpan(points)) : null;
                _ballots.Add(Ballot.FromCheckedArrays(voterId, projectLists.Intern(CollectionsMarshal.AsSpan(chosen)), ballotPoints, extraLists.Intern(extras)));
            }
            if (shortBallots > 0)
            {
                _warnings.Add(new PabulibWarning(firstShortLine, $"{shortBallots} ballots vote for fewer projects than META min_length {minLength} (first on line {firstShortLine})"));
            }
            return more;
        }

        private void ReadPoints(string voterId, int count, List<int> points, long? maxSum, long? maxPoints, ReadOnlySpan<char> text)
        {
            points.Clear();
            if (text.Trim().IsEmpty && count == 0)
            {
                return;
            }
            foreach (var range in text.Split(','))
            {
                var item = text[range].Trim();
                if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    // Some files write points as 3.0.
                    if (decimal.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDecimal) && asDecimal == decimal.Truncate(asDecimal) && Math.Abs(asDecimal) <= int.MaxValue)
                    {
                        value = (int)asDecimal;
                    }
                    else
                    {
                        throw Error(_records.Line, $"voter {voterId} gives \"{Shorten(item.ToString())}\" points; points must be whole numbers");
                    }
                }
                if (maxPoints is { } limit && value > limit)
                {
                    throw Error(_records.Line, $"voter {voterId} gives {value} points to one project; META max_points allows {limit}");
                }
                points.Add(value);
            }
            if (points.Count != count)
            {
                throw Error(_records.Line, $"voter {voterId} votes for {count} projects but gives {points.Count} points");
            }
            if (maxSum is { } sumLimit && points.Sum(p => (long)p) > sumLimit)
            {
                throw Error(_records.Line, $"voter {voterId} gives {points.Sum(p => (long)p)} points in all; META max_sum_points allows {sumLimit}");
            }
        }

        // num_projects and num_votes are only compared with the data (a disagreement is a warning), so one that is
        // not a whole number is ignored rather than refused.
        private long? MetaCount(string key)
        {
            var text = Meta(key);
            return text is not null && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        private void CheckCounts()
        {
            if (MetaCount("num_projects") is { } projects && projects != _instance!.Projects.Count)
            {
                _warnings.Add(new PabulibWarning(MetaLine("num_projects"), $"META num_projects is {projects} but PROJECTS lists {_instance.Projects.Count}"));
            }
            if (MetaCount("num_votes") is { } votes && votes != Ballots.Count)
            {
                _warnings.Add(new PabulibWarning(MetaLine("num_votes"), $"META num_votes is {votes} but VOTES holds {Ballots.Count}"));
            }
        }

        private string[] Header(out int line)
        {
            line = _records.Line;
            var header = new string[_records.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = _records[i].Trim().ToString();
            }
            return header;
        }

        private int Column(string[] header, string name, int line, string section)
        {
            var index = Array.FindIndex(header, column => column.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw Error(line, $"the {section} header has no {name} column");
        }

        private static (string Name, int Index)[] OtherColumns(string[] header, int first, int second, int third) =>
            header.Select((name, index) => (name, index)).Where(column => column.index != first && column.index != second && column.index != third).ToArray();

        private void CheckFieldCount(int expected, string what)
        {
            if (_records.FieldCount != expected)
            {
                throw Error(_records.Line, $"a {what} row has {_records.FieldCount} fields but the header has {expected} (quote a value that contains ';')");
            }
        }

        private PabulibFormatException Error(int line, string problem) => new(source, line, problem);

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    // Equal arrays become one shared array (ballots never hand their arrays out as writable).
    private sealed class ArrayInterning<T>(IEqualityComparer<T> items)
    {
        private readonly Dictionary<T[], T[]> _arrays = new(new Comparer(items));

        public T[] Intern(ReadOnlySpan<T> values)
        {
            if (values.IsEmpty)
            {
                return [];
            }
            var lookup = _arrays.GetAlternateLookup<ReadOnlySpan<T>>();
            if (lookup.TryGetValue(values, out var existing))
            {
                return existing;
            }
            var array = values.ToArray();
            _arrays.Add(array, array);
            return array;
        }

        private sealed class Comparer(IEqualityComparer<T> items) : IEqualityComparer<T[]>, IAlternateEqualityComparer<ReadOnlySpan<T>, T[]>
        {
            public bool Equals(T[]? x, T[]? y) => x.AsSpan().SequenceEqual(y, items);

            public int GetHashCode(T[] array) => GetHashCode(array.AsSpan());

            public bool Equals(ReadOnlySpan<T> alternate, T[] other) => alternate.SequenceEqual(other, items);

            public int GetHashCode(ReadOnlySpan<T> alternate)
            {
                var hash = new HashCode();
                foreach (var item in alternate)
                {
                    hash.Add(item, items);
                }
                return hash.ToHashCode();
            }

            public T[] Create(ReadOnlySpan<T> alternate) => alternate.ToArray();
        }
    }

    // Ballot columns such as age, sex or voting method repeat a few values across tens of thousands of voters;
    // sharing one string per value keeps a large profile within a few times its file size.
    private sealed class ValueInterning
    {
        private const int MaximumDistinctValues = 4096;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Intern(ReadOnlySpan<char> value)
        {
            var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(value, out var existing))
            {
                return existing;
            }
            var text = new string(value);
            if (_values.Count < MaximumDistinctValues)
            {
                _values.Add(text, text);
            }
            return text;
        }
    }
}
