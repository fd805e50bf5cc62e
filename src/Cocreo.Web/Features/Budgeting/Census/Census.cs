using System.Globalization;
using CsvHelper;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>A person on an uploaded census list, with the line they are on.</summary>
public sealed record CensusRow(int Line, string Reference, string Name, string Email);

public enum CensusProblemKind
{
    Empty,
    NoReferenceColumn,
    FieldCount,
    BrokenQuotes,
    ReferenceMissing,
    ReferenceTooLong,
    ReferenceTwice,
    NameTooLong,
    EmailInvalid,
    EmailTwice,
    TooManyRows,
}

/// <summary>What is wrong on one line of a census file; {0} and {1} are <see cref="Values"/>.</summary>
public sealed record CensusProblem(int Line, CensusProblemKind Kind, params object[] Values);

/// <summary>
/// Reads a census file: CSV (comma, semicolon or tab, detected), UTF-8, a header naming the columns <c>reference</c>
/// (required: the organisation's own identifier of the person), <c>name</c> and <c>email</c> (optional); other columns
/// are ignored and not stored. Every problem is reported with its line; a file with any problem is not imported.
/// </summary>
public static class CensusFile
{
    public static (List<CensusRow> Rows, List<CensusProblem> Problems) Read(string text)
    {
        var rows = new List<CensusRow>();
        var problems = new List<CensusProblem>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => problems.Add(new CensusProblem((int)record.LineNumber, CensusProblemKind.BrokenQuotes)),
        };
        using var reader = CsvReader.FromText(text, options);
        if (!reader.Read())
        {
            problems.Add(new CensusProblem(1, CensusProblemKind.Empty));
            return (rows, problems);
        }
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim().ToLowerInvariant()).ToArray();
        var reference = Array.IndexOf(header, "reference");
        var name = Array.IndexOf(header, "name");
        var email = Array.IndexOf(header, "email");
        if (reference < 0)
        {
            problems.Add(new CensusProblem((int)reader.LineNumber, CensusProblemKind.NoReferenceColumn, string.Join(", ", header)));
            return (rows, problems);
        }
        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (rows.Count >= BudgetLimits.CensusRows)
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.TooManyRows, BudgetLimits.CensusRows));
                break;
            }
            if (reader.FieldCount != header.Length)
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.FieldCount, reader.FieldCount, header.Length));
                continue;
            }
            var row = new CensusRow(line, reader.GetString(reference).Trim(), name < 0 ? "" : reader.GetString(name).Trim(), email < 0 ? "" : reader.GetString(email).Trim());
            var before = problems.Count;
            if (row.Reference.Length == 0)
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.ReferenceMissing));
            }
            else if (row.Reference.Length > 100)
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.ReferenceTooLong, 100));
            }
            else if (!references.TryAdd(row.Reference, line))
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.ReferenceTwice, row.Reference, references[row.Reference]));
            }
            if (row.Name.Length > BudgetLimits.Title)
            {
                problems.Add(new CensusProblem(line, CensusProblemKind.NameTooLong, BudgetLimits.Title));
            }
            if (row.Email.Length > 0)
            {
                if (row.Email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(row.Email, out var address) || address.Address != row.Email)
                {
                    problems.Add(new CensusProblem(line, CensusProblemKind.EmailInvalid, row.Email));
                }
                else if (!emails.TryAdd(row.Email.ToUpperInvariant(), line))
                {
                    problems.Add(new CensusProblem(line, CensusProblemKind.EmailTwice, row.Email, emails[row.Email.ToUpperInvariant()]));
                }
            }
            if (problems.Count == before)
            {
                rows.Add(row);
            }
        }
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, problems);
    }
}

/// <summary>A person of the census with their new voting code, for the file staff print or send (codes are shown only then).</summary>
public sealed record IssuedCode(string Reference, string Name, string Email, string Code);

/// <summary>
/// Every code of a census accounted for: the people on it, the codes issued with it, the new codes given since (each
/// confirmed by a second person) and the requests waiting, and how many voted online, on paper, or not yet.
/// </summary>
public sealed record CensusSummary(int People, int CodesIssued, int CodesReissued, int ReissuesPending, int VotedOnline, int VotedOnPaper)
{
    public int NotVoted => People - VotedOnline - VotedOnPaper;
}

/// <summary>A request for a new voting code waiting for a second member of the team.</summary>
public sealed record PendingReissue(int Number, string Reference, string Name, string Reason, string RequestedByUserId, string RequestedByName, DateTime RequestedAt);

/// <summary>What the census of a budget tells its team and a polling station: how many are on it, what became of their codes, and whether a person has voted.</summary>
public sealed class Census(CocreoDbContext db)
{
    public async Task<CensusSummary> SummaryAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        var entries = db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId);
        var requests = await db.Set<CodeReissueRequest>().Where(r => r.BudgetId == budgetId)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Census voters only: their markers name a census entry.
        var voters = await db.Set<BudgetVoter>().Where(v => v.BudgetId == budgetId && v.VoterKey.StartsWith("c:"))
            .GroupBy(v => v.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new CensusSummary(
            await entries.CountAsync(cancellationToken),
            await entries.CountAsync(e => e.CodeHash != "", cancellationToken),
            requests.Where(r => r.Status == ReissueStatus.Confirmed).Sum(r => r.Count),
            requests.Where(r => r.Status == ReissueStatus.Pending).Sum(r => r.Count),
            voters.Where(v => v.Channel == VoterChannel.Online).Sum(v => v.Count),
            voters.Where(v => v.Channel == VoterChannel.Paper).Sum(v => v.Count));
    }

    public async Task<List<PendingReissue>> PendingReissuesAsync(int budgetId, CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<CodeReissueRequest>().AsNoTracking()
            .Where(r => r.BudgetId == budgetId && r.Status == ReissueStatus.Pending)
            .Join(db.Set<CensusEntry>(), r => r.CensusEntryId, e => e.Id, (r, e) => new { Request = r, e.Reference, e.Name })
            .ToListAsync(cancellationToken);
        return pending.OrderBy(p => p.Request.Number)
            .Select(p => new PendingReissue(p.Request.Number, p.Reference, p.Name, p.Request.Reason, p.Request.RequestedByUserId, p.Request.RequestedByName, p.Request.RequestedAt))
            .ToList();
    }

    /// <summary>A person of the census and whether they have voted (online or on paper).</summary>
    public async Task<(CensusEntry Entry, bool HasVoted)?> FindAsync(int budgetId, string reference, CancellationToken cancellationToken = default)
    {
        var entry = await db.Set<CensusEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.BudgetId == budgetId && e.Reference == reference.Trim(), cancellationToken);
        if (entry is null)
        {
            return null;
        }
        var key = BudgetVoter.ForCensusEntry(entry.Id);
        return (entry, await db.Set<BudgetVoter>().AnyAsync(v => v.BudgetId == budgetId && v.VoterKey == key, cancellationToken));
    }
}
