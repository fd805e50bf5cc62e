using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Cocreo.Budgeting.Election;

namespace Cocreo.Budgeting.Pabulib;

/// <summary>
/// Reads the pabulib <c>.pb</c> format (pabulib.org/format): a META section of key;value rows, a PROJECTS section and a
/// VOTES section, each with a header row, as semicolon-separated values with double-quote quoting. Every column is
/// kept. Whatever a file holds is either read, with a warning where the file is irregular, or refused with an error;
/// both name the line and what was found (the table of decisions is in docs/participatory-budgeting.md). Irregularities
/// with one clear reading are warnings, read as pabutools reads them (an approval ballot that names a project twice is
/// one approval; rows that end with extra semicolons; empty VOTES; projects on no ballot or costing 0; counts that
/// disagree with META or with the PROJECTS votes column). What has no clear reading is an error (an unknown project in
/// a vote, a bad cost, a duplicate project or voter, a ranking or points ballot that names a project twice, a ballot
/// longer than META allows, a missing section). A strict reading refuses every warning as an error.
/// </summary>
public static class PabulibReader
{
    /// <summary>Reads a .pb file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="detail">What to keep of each ballot (everything, or only what the rules count).</param>
    /// <param name="strict">Refuse the file at the first irregularity that would otherwise be a warning.</param>
    /// <exception cref="PabulibFormatException">The file is not a valid .pb file.</exception>
    public static PabulibElection ReadFile(string path, BallotDetail detail = BallotDetail.Full, bool strict = false)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, Path.GetFileName(path), detail, strict);
    }

    /// <summary>Reads a .pb file from a stream (UTF-8, with or without a byte order mark).</summary>
    /// <param name="stream">The bytes of the file.</param>
    /// <param name="source">A name for the input used in error messages (e.g. the file name).</param>
    /// <param name="detail">What to keep of each ballot (everything, or only what the rules count).</param>
    /// <param name="strict">Refuse the file at the first irregularity that would otherwise be a warning.</param>
    /// <exception cref="PabulibFormatException">The content is not a valid .pb file.</exception>
    public static PabulibElection Read(Stream stream, string source = "input", BallotDetail detail = BallotDetail.Full, bool strict = false)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(reader, source, detail, strict);
    }

    /// <summary>Reads a .pb file from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A name for the input used in error messages (e.g. the file name).</param>
    /// <param name="detail">What to keep of each ballot (everything, or only what the rules count).</param>
    /// <param name="strict">Refuse the file at the first irregularity that would otherwise be a warning.</param>
    /// <exception cref="PabulibFormatException">The content is not a valid .pb file.</exception>
    public static PabulibElection Read(TextReader reader, string source = "input", BallotDetail detail = BallotDetail.Full, bool strict = false)
    {
        using var records = new PabulibRecords(reader, source);
        return new Parser(records, source, detail, strict).Parse();
    }

    private sealed class Parser(PabulibRecords records, string source, BallotDetail detail, bool strict)
    {
        // Warnings of one kind that concern single lines (a ballot, a project) are listed up to this many; a summary
        // counts the rest, so that a city file with thousands of them still gives a readable report.
        private const int ListedPerKind = 20;

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
        private int[] _projectLines = [];
        // How many ballots name each project (by project index): compared with the PROJECTS votes column.
        private int[] _ballotsNaming = [];
        private int _votesLine;
        private readonly Tally _trailingFields = new();
        private readonly Tally _shortRows = new();
        private readonly Tally _blankRows = new();
        private readonly Tally _emptyBallots = new();
        private readonly Tally _emptyEntries = new();
        private readonly Listing _repeatedApprovals = new("ballots in all name a project more than once");
        private readonly Listing _freeProjects = new("projects in all cost 0");
        private readonly Listing _projectsOnNoBallot = new("projects in all are on no ballot");
        private readonly Listing _votesColumnDisagrees = new("projects in all have a votes column that disagrees with the ballots");

        private IReadOnlyList<Ballot> Ballots => _votesOnly ?? (IReadOnlyList<Ballot>)_ballots;

        public PabulibElection Parse()
        {
            if (!Next())
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
                if (!Next())
                {
                    if (section == "VOTES")
                    {
                        // A file cut off after the VOTES line holds no ballots: the same as a VOTES header without rows.
                        NoBallots(sectionLine);
                        break;
                    }
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
            WarnOfTallies();
            CheckCounts();
            var profile = new Profile(_voteType, Ballots, _voteExtraColumns, detail);
            return new PabulibElection(_instance!, profile, _warnings);
        }

        // The next record that is not only semicolons (";;;" is what a spreadsheet writes for an empty line).
        private bool Next()
        {
            while (_records.Read())
            {
                if (!_records[0].IsWhiteSpace() || !IsBlankFrom(1))
                {
                    return true;
                }
                if (_records.FieldCount > 1)
                {
                    Note(_blankRows, "the row holds only semicolons");
                }
            }
            return false;
        }

        private bool IsBlankFrom(int first)
        {
            for (var i = first; i < _records.FieldCount; i++)
            {
                if (!_records[i].IsWhiteSpace())
                {
                    return false;
                }
            }
            return true;
        }

        private string? SectionName()
        {
            if (!IsBlankFrom(1))
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
            var headerWidth = HeaderWidth();
            if (headerWidth < 2 || !_records[0].Trim().Equals("key", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(_records.Line, "the META header must be \"key;value\"");
            }
            CheckTrailingFields(2, headerWidth);
            while (Next())
            {
                if (SectionName() is not null)
                {
                    return true;
                }
                if (_records.FieldCount < 2 || (_records.FieldCount > 2 && !IsBlankFrom(2)))
                {
                    throw Error(_records.Line, $"a META row has {_records.FieldCount} fields; expected key;value (quote a value that contains ';')");
                }
                CheckTrailingFields(2, headerWidth);
                var key = _records[0].Trim().ToString();
                var value = _records.GetString(1);
                if (_metaLines.TryGetValue(key, out var firstLine))
                {
                    var first = Meta(key)!;
                    if (first.Trim() != value.Trim())
                    {
                        throw Error(_records.Line, $"the META key \"{key}\" appears twice (first on line {firstLine}) with different values, \"{Shorten(first)}\" and \"{Shorten(value)}\"");
                    }
                    Warn(_records.Line, $"the META key \"{key}\" appears twice (first on line {firstLine})", "both have the same value, read once");
                    continue;
                }
                _metaLines[key] = _records.Line;
                _meta.Add(KeyValuePair.Create(key, value));
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
                throw Error(MetaLine("budget"), $"META budget \"{Shorten(budgetText)}\" is not a non-negative number{DecimalCommaHint(budgetText)}");
            }
            var voteTypeText = Meta("vote_type") ?? throw Error(sectionLine, "META has no vote_type (approval, ordinal, cumulative, scoring or choose-1)");
            if (!VoteTypes.TryParse(voteTypeText, out _voteType))
            {
                throw Error(MetaLine("vote_type"), $"META vote_type \"{Shorten(voteTypeText)}\" is not one of approval, ordinal, cumulative, scoring, choose-1");
            }

            var header = Header(out var headerLine);
            var idColumn = Column(header, "project_id", headerLine, "PROJECTS");
            var costColumn = Column(header, "cost", headerLine, "PROJECTS");
            var requiredWidth = Math.Max(idColumn, costColumn) + 1;
            var otherColumns = OtherColumns(header, idColumn, costColumn, -1);
            // Every project refers to one shared list of column names.
            IReadOnlyList<string> columnNames = Array.ConvertAll(otherColumns, column => column.Name);
            var projects = new List<Project>();
            var lines = new List<int>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var more = false;
            while (Next())
            {
                if (SectionName() is not null)
                {
                    more = true;
                    break;
                }
                CheckFieldCount(header.Length, requiredWidth, "project");
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
                    throw Error(_records.Line, $"project {id} has cost \"{Shorten(costText.ToString())}\"; a cost must be a non-negative number{DecimalCommaHint(costText.ToString())}");
                }
                if (cost == 0)
                {
                    List(_freeProjects, _records.Line, $"project {id} costs 0", "read as a free project, as pabutools reads it: it takes none of the budget");
                }
                var values = new string[otherColumns.Length];
                for (var i = 0; i < otherColumns.Length; i++)
                {
                    values[i] = _records.GetString(otherColumns[i].Index);
                }
                projects.Add(new Project(id, cost, columnNames, values, projects.Count));
                lines.Add(_records.Line);
            }
            _instance = new Instance(budget, projects, _meta, columnNames);
            _projectLines = [.. lines];
            _ballotsNaming = new int[projects.Count];
            return more;
        }

        // pabutools reads "1,5" as 1.5; "1,000" would then be 1. Neither reading is safe, so the comma is refused.
        private static string DecimalCommaHint(string text) =>
            text.Contains(',', StringComparison.Ordinal) ? " (write a decimal point, not a comma: \"1,500\" could be 1.5 or 1500)" : "";

        private void NoBallots(int sectionLine)
        {
            if (_instance is null)
            {
                throw Error(sectionLine, "the VOTES section must come after the PROJECTS section");
            }
            _votesLine = sectionLine;
            _votesOnly = detail == BallotDetail.VotesOnly ? new VotesOnlyBallots(_instance.Projects, withPoints: _voteType.HasPoints()) : null;
        }

        private bool ReadVotes(int sectionLine)
        {
            if (_instance is null)
            {
                throw Error(sectionLine, "the VOTES section must come after the PROJECTS section");
            }
            _votesLine = sectionLine;
            var header = Header(out var headerLine);
            var voterColumn = Column(header, "voter_id", headerLine, "VOTES");
            var voteColumn = Column(header, "vote", headerLine, "VOTES");
            var pointsColumn = Array.FindIndex(header, name => name.Equals("points", StringComparison.OrdinalIgnoreCase));
            if (_voteType.HasPoints() && pointsColumn < 0)
            {
                throw Error(headerLine, $"{_voteType.ToPabulibName()} votes need a points column");
            }
            var requiredWidth = Math.Max(Math.Max(voterColumn, voteColumn), pointsColumn) + 1;
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
            // An approval (or choose-1) ballot is a set: naming a project twice says nothing more. A ranking or a
            // points ballot that names a project twice says two different things (two places, two amounts).
            var ballotIsASet = _voteType is VoteType.Approval or VoteType.ChooseOne;
            var projects = _instance!.ProjectsBySpan;
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
            while (Next())
            {
                if (SectionName() is not null)
                {
                    more = true;
                    break;
                }
                CheckFieldCount(header.Length, requiredWidth, "vote");
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
                if (!vote.IsWhiteSpace())
                {
                    foreach (var range in vote.Split(','))
                    {
                        var id = vote[range].Trim();
                        if (id.IsEmpty)
                        {
                            if (pointsColumn >= 0)
                            {
                                // The points are matched to the projects by position: an empty place would shift them.
                                throw Error(_records.Line, $"voter {voterId} has an empty project in the vote \"{Shorten(vote.ToString())}\"");
                            }
                            Note(_emptyEntries, $"voter {voterId} has an empty entry in the vote \"{Shorten(vote.ToString())}\"");
                            continue;
                        }
                        if (!projects.TryGetValue(id, out var project))
                        {
                            throw Error(_records.Line, $"voter {voterId} votes for project {id}, which is not in PROJECTS");
                        }
                        if (chosen.Contains(project))
                        {
                            if (!ballotIsASet)
                            {
                                throw Error(_records.Line, RepeatedProject(voterId, id, chosen.IndexOf(project)));
                            }
                            List(_repeatedApprovals, _records.Line, $"voter {voterId} votes for project {id} twice", "read as one approval, as pabutools reads an approval ballot as a set");
                            continue;
                        }
                        chosen.Add(project);
                        _ballotsNaming[project.Index]++;
                    }
                }
                if (chosen.Count == 0)
                {
                    Note(_emptyBallots, $"voter {voterId} votes for no project");
                }
                if (maxLength is { } max && chosen.Count > max)
                {
                    throw Error(_records.Line, $"voter {voterId} votes for {chosen.Count} projects; META max_length allows {max}");
                }
                if (minLength is { } min && chosen.Count < min)
                {
                    if (strict)
                    {
                        throw StrictError(_records.Line, $"voter {voterId} votes for {chosen.Count} projects; META min_length asks for {min}");
                    }
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

        private string RepeatedProject(string voterId, ReadOnlySpan<char> id, int firstPlace) => _voteType == VoteType.Ordinal
            ? $"voter {voterId} ranks project {id} twice (first in place {firstPlace + 1}); a ranking names each project once, and which place would count is not clear"
            : $"voter {voterId} gives points to project {id} twice; whether the points add up or the second replaces the first is not clear";

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
                Warn(MetaLine("num_projects"), $"META num_projects is {projects} but PROJECTS lists {_instance.Projects.Count}", "the projects listed are read");
            }
            if (MetaCount("num_votes") is { } votes && votes != Ballots.Count)
            {
                Warn(MetaLine("num_votes"), $"META num_votes is {votes} but VOTES holds {Ballots.Count}", "the ballots held are read");
            }
            if (Ballots.Count == 0)
            {
                Warn(_votesLine, "the VOTES section holds no ballots", "every project is read as supported by no one");
            }
            var instance = _instance!;
            var hasVotesColumn = instance.ProjectColumns.Contains("votes", StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < instance.Projects.Count && Ballots.Count > 0; i++)
            {
                var project = instance.Projects[i];
                if (_ballotsNaming[i] == 0)
                {
                    List(_projectsOnNoBallot, _projectLines[i], $"project {project.Id} is on no ballot", "read as supported by no one (greedy rules still fund it if money is left, as pabutools does)");
                }
                if (hasVotesColumn && long.TryParse(project["votes"]?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var column) && column != _ballotsNaming[i])
                {
                    List(_votesColumnDisagrees, _projectLines[i], $"project {project.Id} has {column} in the votes column but {_ballotsNaming[i]} ballots vote for it", "the ballots are counted, not the column");
                }
            }
            foreach (var listing in new[] { _repeatedApprovals, _freeProjects, _projectsOnNoBallot, _votesColumnDisagrees })
            {
                if (listing.Count > ListedPerKind)
                {
                    _warnings.Add(new PabulibWarning(0, $"{listing.Count} {listing.Summary}; the first {ListedPerKind} are listed"));
                }
            }
        }

        private void WarnOfTallies()
        {
            if (_blankRows.Count > 0)
            {
                Warn(_blankRows.FirstLine, $"{_blankRows.Count} rows hold only semicolons (first on line {_blankRows.FirstLine})", "read as empty lines");
            }
            if (_trailingFields.Count > 0)
            {
                Warn(_trailingFields.FirstLine, $"{_trailingFields.Count} rows end with empty fields beyond the columns their section names (first on line {_trailingFields.FirstLine}; a trailing ';')", "the empty fields are ignored");
            }
            if (_shortRows.Count > 0)
            {
                Warn(_shortRows.FirstLine, $"{_shortRows.Count} rows have fewer fields than their header (first on line {_shortRows.FirstLine})", "the missing values are read as empty");
            }
            if (_emptyEntries.Count > 0)
            {
                Warn(_emptyEntries.FirstLine, $"{_emptyEntries.Count} ballots have an empty entry in their vote, such as a trailing comma (first on line {_emptyEntries.FirstLine})", "the empty entries are ignored");
            }
            if (_emptyBallots.Count > 0)
            {
                Warn(_emptyBallots.FirstLine, $"{_emptyBallots.Count} ballots vote for no project (first on line {_emptyBallots.FirstLine})", "they count as voters, as in pabutools (the Method of Equal Shares gives each a share of the budget)");
            }
            if (_records.UndecodableLines > 0)
            {
                Warn(_records.FirstUndecodableLine, $"{_records.UndecodableLines} lines hold bytes that are not UTF-8 (first on line {_records.FirstUndecodableLine}; shown as U+FFFD)", "read with those characters replaced: save the file as UTF-8");
            }
        }

        // The width of a header without the empty names a trailing ';' adds.
        private int HeaderWidth()
        {
            var width = _records.FieldCount;
            while (width > 1 && _records[width - 1].IsWhiteSpace())
            {
                width--;
            }
            return width;
        }

        private string[] Header(out int line)
        {
            line = _records.Line;
            var header = new string[HeaderWidth()];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = _records[i].Trim().ToString();
            }
            CheckTrailingFields(header.Length, header.Length);
            return header;
        }

        private void CheckTrailingFields(int width, int headerWidth)
        {
            if (_records.FieldCount > width)
            {
                Note(_trailingFields, $"the row ends with empty fields beyond the {headerWidth} columns its section names");
            }
        }

        private int Column(string[] header, string name, int line, string section)
        {
            var index = Array.FindIndex(header, column => column.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw Error(line, $"the {section} header has no {name} column");
        }

        private static (string Name, int Index)[] OtherColumns(string[] header, int first, int second, int third) =>
            header.Select((name, index) => (name, index)).Where(column => column.index != first && column.index != second && column.index != third).ToArray();

        // A row may end with empty fields beyond its header (trailing semicolons) or stop before its last optional
        // columns; fields with a value beyond the header, or missing required ones, are refused.
        private void CheckFieldCount(int expected, int required, string what)
        {
            var count = _records.FieldCount;
            if (count == expected)
            {
                return;
            }
            if (count > expected && IsBlankFrom(expected))
            {
                Note(_trailingFields, $"the {what} row ends with empty fields beyond the {expected} columns of its header");
                return;
            }
            if (count < expected && count >= required)
            {
                Note(_shortRows, $"the {what} row has {count} fields but the header has {expected}");
                return;
            }
            throw Error(_records.Line, $"a {what} row has {count} fields but the header has {expected} (quote a value that contains ';')");
        }

        // Irregularities of many lines are counted and reported once, at the first of them (strict: refused there).
        private void Note(Tally tally, string found)
        {
            if (strict)
            {
                throw StrictError(_records.Line, found);
            }
            tally.Count++;
            tally.FirstLine = tally.FirstLine == 0 ? _records.Line : tally.FirstLine;
        }

        private void List(Listing listing, int line, string found, string reading)
        {
            listing.Count++;
            if (strict || listing.Count <= ListedPerKind)
            {
                Warn(line, found, reading);
            }
        }

        // What the file holds, then how it is read; a strict reading refuses it instead.
        private void Warn(int line, string found, string reading)
        {
            if (strict)
            {
                throw StrictError(line, found);
            }
            _warnings.Add(new PabulibWarning(line, $"{found}; {reading}"));
        }

        private PabulibFormatException StrictError(int line, string found) => Error(line, $"{found} (refused by the strict reading; otherwise a warning)");

        private PabulibFormatException Error(int line, string problem) => new(source, line, problem);

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    private sealed class Tally
    {
        public int Count;
        public int FirstLine;
    }

    private sealed class Listing(string summary)
    {
        public string Summary { get; } = summary;
        public int Count;
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
