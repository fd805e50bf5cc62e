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

    /// <summary>Counting stops here: "more than 1,000 results" is as useful as the exact number and much cheaper.</summary>
    public const int CountLimit = 1000;

    public IReadOnlyList<IReadOnlyList<string>> Terms { get; } = SearchTerms.ForQuery(Text);

    public int Skip => (Math.Clamp(Page, 1, CountLimit) - 1) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
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
}

/// <summary>The index itself: the database matches the stemmed terms and ranks. One implementation per database.</summary>
public interface ISearchIndex
{
    /// <summary>One page of matches, best first, and how many there are (at most <see cref="SearchRequest.CountLimit"/>).</summary>
    Task<(List<SearchHit> Hits, int Count)> FindAsync(SearchRequest request, SearchScope scope, CancellationToken cancellationToken);
}

/// <summary>
/// The SQL both databases share: the match, the reader's scope and the filters, all as parameters. User text never
/// reaches the SQL or the full-text query syntax: it arrives as terms made of letters and digits only
/// (<see cref="SearchTerms"/>), each passed as a parameter.
/// </summary>
public abstract class SqlSearchIndex(CocreoDbContext db) : ISearchIndex
{
    /// <summary>FROM and JOINs that make the match available, and the condition that applies it.</summary>
    protected abstract (string From, string Where) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter);

    /// <summary>The rank expression, higher is better.</summary>
    protected abstract string Rank { get; }

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
        var (from, match) = Match(request.Terms, P);
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
        var body = $"""FROM {from} JOIN "Process" p ON p."Id" = e."ProcessId" WHERE {where}""";
        // The SQL is made of this class's fragments only; every value (each stem, id, date) is a parameter.
        var countSql = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 AS one {body} LIMIT {SearchRequest.CountLimit}) counted";
        var count = await db.Database.SqlQueryRaw<int>(countSql, values.ToArray()).SingleAsync(cancellationToken);
        if (count <= request.Skip)
        {
            return ([], count);
        }
        var pageSql = $"SELECT e.\"Id\" AS \"Id\", {Rank} AS \"Rank\" {body} ORDER BY 2 DESC, e.\"OccurredAt\" DESC LIMIT {request.Take} OFFSET {request.Skip}";
        var hits = await db.Database.SqlQueryRaw<SearchHit>(pageSql, values.ToArray()).ToListAsync(cancellationToken);
        return (hits, count);
    }
}

/// <summary>
/// PostgreSQL full-text search: the migration adds <c>"Vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple',
/// "Terms")) STORED</c> with a GIN index. The <c>simple</c> configuration only splits and lower-cases: stemming is done
/// in C# (PostgreSQL has no Slovenian configuration), so both databases find the same things.
/// </summary>
public sealed class PostgreSqlSearchIndex(CocreoDbContext db) : SqlSearchIndex(db)
{
    protected override string Rank => "ts_rank(e.\"Vector\", q.query)";

    protected override (string From, string Where) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter)
    {
        // Every word must match; any of a word's stems will do.
        var query = string.Join(" && ", terms.Select(stems =>
            "(" + string.Join(" || ", stems.Select(stem => $"plainto_tsquery('simple', {parameter(stem)})")) + ")"));
        return ($"\"SearchEntries\" e CROSS JOIN (SELECT {query} AS query) q", "e.\"Vector\" @@ q.query");
    }
}

/// <summary>
/// SQLite FTS5: the migration adds the external-content table <c>SearchEntryTerms</c> over <c>SearchEntries.Terms</c>,
/// kept in step by triggers. Each stem is sent as an FTS5 string (in double quotes: letters and digits only, so never
/// an operator), and ranked with bm25 (lower is better, hence negated).
/// </summary>
public sealed class SqliteSearchIndex(CocreoDbContext db) : SqlSearchIndex(db)
{
    protected override string Rank => "-\"SearchEntryTerms\".rank";

    protected override (string From, string Where) Match(IReadOnlyList<IReadOnlyList<string>> terms, Func<object, string> parameter)
    {
        var query = string.Join(" AND ", terms.Select(stems => "(" + string.Join(" OR ", stems.Select(stem => $"\"{stem}\"")) + ")"));
        return ("\"SearchEntryTerms\" JOIN \"SearchEntries\" e ON e.\"Id\" = \"SearchEntryTerms\".rowid", $"\"SearchEntryTerms\" MATCH {parameter(query)}");
    }
}
