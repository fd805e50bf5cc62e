using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Search;

/// <summary>What someone searches for: the words as typed, and the filters.</summary>
public sealed record SearchRequest(
    string? Text,
    int? OrganisationId = null,
    PolicyPhase? Phase = null,
    SearchKind? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 50;

    /// <summary>
    /// A search ranks at most this many matches: the newest ones the reader may see with the filters. Past it the page
    /// says "more than 1,000 results" and the reader adds a word or a filter; the work per search stays bounded however
    /// common the words are (see docs/benchmarks.md).
    /// </summary>
    public const int CountLimit = 1000;

    public IReadOnlyList<IReadOnlyList<string>> Terms { get; } = SearchTerms.ForQuery(Text);

    public int Skip => Math.Min((Math.Max(Page, 1) - 1) * Take, CountLimit);

    /// <summary>Pages and the API ask for at most <see cref="MaxPageSize"/>; other capabilities may take every candidate.</summary>
    public int Take => Math.Clamp(PageSize, 1, CountLimit + 1);
}

/// <summary>
/// Whose search it is: a platform administrator sees everything; anyone else the public processes of listed
/// (verified) organisations, and the other processes <see cref="ProcessPermissions.CanSee"/> lets them see.
/// </summary>
public sealed record SearchScope(bool Everything, IReadOnlyList<int> AlsoProcesses)
{
    public static SearchScope Public { get; } = new(false, []);
}

/// <summary>A match: the entry and its rank (higher is better).</summary>
public sealed class SearchHit
{
    public long Id { get; set; }
    public double Rank { get; set; }

    /// <summary>How many matches were ranked (at most <see cref="SearchRequest.CountLimit"/> + 1).</summary>
    public int Total { get; set; }
}

/// <summary>The index itself: the database matches the stemmed terms and ranks. One implementation per database.</summary>
public interface ISearchIndex
{
    /// <summary>One page of matches, best first, and how many there are (more than <see cref="SearchRequest.CountLimit"/> is told as CountLimit + 1).</summary>
    Task<(List<SearchHit> Hits, int Count)> FindAsync(SearchRequest request, SearchScope scope, CancellationToken cancellationToken);
}

/// <summary>
/// The SQL both databases share: the match, the reader's scope and the filters, all as parameters. User text never
/// reaches the SQL or the full-text query syntax: it arrives as terms made of letters and digits only
/// (<see cref="SearchTerms"/>), each passed as a parameter.
/// </summary>
public abstract class SqlSearchIndex(CocreoDbContext db) : ISearchIndex
{
    /// <summary>
    /// FROM and JOINs that make the match available (the entry as <c>e</c>), the condition that applies it, and the rank
    /// (higher is better). <paramref name="few"/> says the words are expected to match few items (<see cref="FewMatchesAsync"/>).
    /// </summary>
    protected abstract (string From, string Where, string Rank) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter, bool few);

    /// <summary>Whether the words are expected to match so few items that finding all of them first is cheaper than reading the newest items until enough match.</summary>
    protected virtual Task<bool> FewMatchesAsync(IReadOnlyList<IReadOnlyList<string>> terms, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The order in which the matches are taken before ranking: the newest entries first.</summary>
    protected abstract string Newest { get; }

    public async Task<(List<SearchHit> Hits, int Count)> FindAsync(SearchRequest request, SearchScope scope, CancellationToken cancellationToken)
    {
        if (request.Terms.Count == 0)
        {
            return ([], 0);
        }
        var values = new List<object>();
        string P(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }
        var (from, match, rank) = Match(request.Terms, P, await FewMatchesAsync(request.Terms, cancellationToken));
        var where = new StringBuilder(match);
        if (!scope.Everything)
        {
            where.Append($"""
                 AND ((p."Visibility" = 'Public' AND p."OrganisationId" IN (SELECT o."Id" FROM "Organisation" o WHERE o."Standing" = 'Verified'))
                """);
            if (scope.AlsoProcesses.Count > 0)
            {
                where.Append(" OR e.\"ProcessId\" IN (").AppendJoin(", ", scope.AlsoProcesses.Select(id => P(id))).Append(')');
            }
            where.Append(')');
        }
        if (request.OrganisationId is { } organisation)
        {
            where.Append($" AND e.\"OrganisationId\" = {P(organisation)}");
        }
        if (request.Phase is { } phase)
        {
            where.Append($" AND p.\"CurrentPhase\" = {P(phase.ToString())} AND p.\"ClosedAt\" IS NULL");
        }
        if (request.Kind is { } kind)
        {
            where.Append($" AND e.\"Kind\" = {P(kind.ToString())}");
        }
        if (request.From is { } start)
        {
            where.Append($" AND e.\"OccurredAt\" >= {P(start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }
        if (request.To is { } end)
        {
            where.Append($" AND e.\"OccurredAt\" < {P(end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }
        // The SQL is made of this class's fragments only; every value (each stem, id, date) is a parameter. The newest
        // CountLimit + 1 matches the reader may see are ranked; one query gives the page and how many were ranked.
        var candidates = $"""SELECT e."Id" AS "Id", e."OccurredAt" AS "OccurredAt", {rank} AS "Rank" FROM {from} JOIN "Process" p ON p."Id" = e."ProcessId" WHERE {where} ORDER BY {Newest} LIMIT {SearchRequest.CountLimit + 1}""";
        var sql = $"""SELECT c."Id", c."Rank", COUNT(*) OVER () AS "Total" FROM ({candidates}) c ORDER BY c."Rank" DESC, c."OccurredAt" DESC, c."Id" DESC LIMIT {request.Take} OFFSET {request.Skip}""";
        var hits = await db.Database.SqlQueryRaw<SearchHit>(sql, values.ToArray()).ToListAsync(cancellationToken);
        if (hits.Count > 0)
        {
            return (hits, hits[0].Total);
        }
        if (request.Skip == 0)
        {
            return ([], 0);
        }
        // A page past the last: count on the first.
        var (_, count) = await FindAsync(request with { Page = 1 }, scope, cancellationToken);
        return ([], count);
    }
}

/// <summary>
/// PostgreSQL full-text search: the migration adds <c>"Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple',
/// "Terms")) STORED</c> with a GIN index. The <c>simple</c> configuration only splits and lower-cases: stemming is done
/// in C# (PostgreSQL has no Slovenian configuration), so both databases find the same things.
/// <para>
/// Two ways to find the newest matches, chosen per query from how many items the words are expected to match
/// (<see cref="PostgreSqlStemFrequencies"/>): common words are met soon when reading the newest items backwards, so the
/// planner is left to do that; words that match few items are all found through the GIN index first, then ordered.
/// The planner cannot choose well by itself here: each word is asked for as any of its stems, and an item holds both
/// stems of its words, so PostgreSQL, taking the stems as independent, counts most items twice per word (four times
/// too many for two words) and reads hundreds of thousands of items backwards for two rare words (measured: 1.4 s
/// instead of 0.1 s for "kolesarska steza" at 1,000,000 items; docs/benchmarks.md).
/// </para>
/// </summary>
public sealed class PostgreSqlSearchIndex(CocreoDbContext db, PostgreSqlStemFrequencies frequencies) : SqlSearchIndex(db)
{
    private readonly CocreoDbContext db = db;

    protected override string Newest => "e.\"Id\" DESC";

    protected override async Task<bool> FewMatchesAsync(IReadOnlyList<IReadOnlyList<string>> terms, CancellationToken cancellationToken) =>
        await frequencies.EstimateAsync(db, terms, cancellationToken) is { } estimate && estimate.Few;

    protected override (string From, string Where, string Rank) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter, bool few)
    {
        // Every word must match; any of a word's stems will do. Written out in the condition (not joined in), so the
        // planner sees the query's words.
        string Query() => string.Join(" && ", terms.Select(stems =>
            "(" + string.Join(" || ", stems.Select(stem => $"plainto_tsquery('simple', {parameter(stem)})")) + ")"));
        if (few)
        {
            // All matches through the GIN index, ranked there; OFFSET 0 keeps the planner from merging this into the
            // outer query and reading the newest items backwards instead.
            var query = Query();
            return ($"""(SELECT e."Id", e."ProcessId", e."OrganisationId", e."Kind", e."OccurredAt", ts_rank(e."Vector", ({query})) AS "Rank" FROM "SearchEntries" e WHERE e."Vector" @@ ({query}) OFFSET 0) e""",
                "TRUE", "e.\"Rank\"");
        }
        var all = Query();
        return ("\"SearchEntries\" e", $"e.\"Vector\" @@ ({all})", $"ts_rank(e.\"Vector\", ({all}))");
    }
}

/// <summary>How many items a query's words are expected to match, and whether that is few.</summary>
public sealed record MatchEstimate(double Items, double Matches)
{
    /// <summary>
    /// Reading the newest items backwards visits about CountLimit × items ÷ matches of them; finding every match through
    /// the GIN index visits each match, at about three times the cost of a visit when reading backwards (measured at
    /// 1,000,000 items). The index is cheaper below the square root of their product.
    /// </summary>
    public bool Few => Matches * Matches * 3 < (SearchRequest.CountLimit + 1) * Items;
}

/// <summary>
/// The frequencies of the commonest stems in the index, as PostgreSQL's ANALYZE keeps them for the <c>Vector</c>
/// column (<c>pg_stats.most_common_elems</c>), read at most every ten minutes. A word matches about as many items as
/// its commonest stem (an item holds every stem of its words); the words of a query are taken as independent, which
/// errs towards more matches when words go together, and so towards reading backwards, which is then cheaper still.
/// </summary>
public sealed class PostgreSqlStemFrequencies(TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10);

    private sealed record Statistics(DateTimeOffset ReadAt, double Items, IReadOnlyDictionary<string, double> Frequencies, double Rare);

    private sealed class StemFrequency
    {
        public string Stem { get; set; } = "";
        public double Frequency { get; set; }
        public double Items { get; set; }
    }

    private Statistics? statistics;

    /// <summary>The estimate, or null when PostgreSQL has no statistics of the index yet (a new or small database).</summary>
    public async Task<MatchEstimate?> EstimateAsync(CocreoDbContext db, IReadOnlyList<IReadOnlyList<string>> terms, CancellationToken cancellationToken)
    {
        var known = statistics;
        // Without statistics yet (a new database, before its first ANALYZE) they are looked for again sooner.
        if (known is null || clock.GetUtcNow() - known.ReadAt > (known.Items > 0 ? Fresh : Fresh / 10))
        {
            known = statistics = await ReadAsync(db, cancellationToken);
        }
        if (known.Items <= 0 || known.Frequencies.Count == 0)
        {
            return null;
        }
        var share = terms.Aggregate(1.0, (product, stems) => product * stems.Max(stem => known.Frequencies.GetValueOrDefault(stem, known.Rare)));
        return new MatchEstimate(known.Items, share * known.Items);
    }

    /// <summary>Reads PostgreSQL's statistics again at the next search (tests call it after ANALYZE).</summary>
    public void Forget() => statistics = null;

    /// <summary>For tests: these frequencies instead of PostgreSQL's, until <see cref="Forget"/>.</summary>
    internal void Assume(double items, IReadOnlyDictionary<string, double> frequencies) =>
        statistics = new Statistics(DateTimeOffset.MaxValue, items, frequencies, frequencies.Count == 0 ? 0 : frequencies.Values.Min() / 2);

    private async Task<Statistics> ReadAsync(CocreoDbContext db, CancellationToken cancellationToken)
    {
        // most_common_elem_freqs has three more numbers than there are elements (the least and greatest frequency and
        // the share of empty vectors): unnest pairs them by position and leaves those three without a stem.
        var rows = await db.Database.SqlQueryRaw<StemFrequency>("""
            SELECT x.stem AS "Stem", x.frequency::float8 AS "Frequency", c.reltuples::float8 AS "Items"
            FROM pg_stats s
            JOIN pg_class c ON c.oid = '"SearchEntries"'::regclass
            CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(stem, frequency)
            WHERE s.schemaname = current_schema() AND s.tablename = 'SearchEntries' AND s.attname = 'Vector' AND x.stem IS NOT NULL
            """).ToListAsync(cancellationToken);
        var frequencies = rows.ToDictionary(r => r.Stem, r => r.Frequency, StringComparer.Ordinal);
        // A stem not among the commonest is rarer than the rarest of them; PostgreSQL itself takes half of that.
        var rare = frequencies.Count == 0 ? 0 : frequencies.Values.Min() / 2;
        return new Statistics(clock.GetUtcNow(), rows.Count == 0 ? 0 : rows[0].Items, frequencies, rare);
    }
}

/// <summary>
/// SQLite FTS5: the migration adds the external-content table <c>SearchEntryTerms</c> over <c>SearchEntries.Terms</c>,
/// kept in step by triggers. Each stem is sent as an FTS5 string (in double quotes: letters and digits only, so never
/// an operator). FTS5 hands the matches newest first; they are ranked by how often the query's stems occur, for the
/// length of the item. Not bm25: its first call counts every row that contains each word, which for a common word
/// is most of the index (hundreds of milliseconds at 1,000,000 items), whatever the limit.
/// </summary>
public sealed class SqliteSearchIndex(CocreoDbContext db) : SqlSearchIndex(db)
{
    protected override string Newest => "\"SearchEntryTerms\".rowid DESC";

    protected override (string From, string Where, string Rank) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter, bool few)
    {
        var query = string.Join(" AND ", terms.Select(stems => "(" + string.Join(" OR ", stems.Select(stem => $"\"{stem}\"")) + ")"));
        const string padded = "(' ' || e.\"Terms\" || ' ')";
        // Occurrences of ' stem ' in the padded terms, found by what replacing them removes.
        var occurrences = string.Join(" + ", terms.SelectMany(stems => stems).Select(stem =>
            $"(length({padded}) - length(replace({padded}, {parameter($" {stem} ")}, ' '))) / {stem.Length + 1}.0"));
        return ("\"SearchEntryTerms\" JOIN \"SearchEntries\" e ON e.\"Id\" = \"SearchEntryTerms\".rowid",
            $"\"SearchEntryTerms\" MATCH {parameter(query)}", $"({occurrences}) / (1 + length(e.\"Terms\") / 400.0)");
    }
}
