using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
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

public enum CensusOutcome
{
    Done,
    NotFound,
    Denied,
    Locked,
    UnknownReference,
    AlreadyVoted,
    VotingClosed,
    NotRecorded,
}

/// <summary>The census of a budget: replacing it (with new codes for everyone), and what a polling station needs.</summary>
public sealed class Census(CocreoDbContext db, BudgetAccess access, ProcessLog log, BallotBox box)
{
    /// <summary>Replaces the census before voting opens and issues a voting code to everyone on it.</summary>
    public async Task<(CensusOutcome Outcome, List<IssuedCode> Codes)> ReplaceAsync(int budgetId, IReadOnlyList<CensusRow> rows, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var codes = new List<IssuedCode>();
        var outcome = await db.RetryOnConflictAsync(async ct =>
        {
            codes.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var target = await access.ForChangeAsync(budgetId, user, ct);
            if (target is null)
            {
                return CensusOutcome.NotFound;
            }
            if (!target.Allows(BudgetAction.Manage))
            {
                return CensusOutcome.Denied;
            }
            if (target.Budget.IsLocked)
            {
                return CensusOutcome.Locked;
            }
            await db.Set<CensusEntry>().Where(e => e.BudgetId == budgetId).ExecuteDeleteAsync(ct);
            foreach (var row in rows)
            {
                var code = VotingCodes.NewVotingCode();
                codes.Add(new IssuedCode(row.Reference, row.Name, row.Email, code));
                db.Add(new CensusEntry
                {
                    Id = RandomIds.Next(),
                    BudgetId = budgetId,
                    Reference = row.Reference,
                    Name = row.Name,
                    Email = row.Email.ToUpperInvariant(),
                    CodeHash = VotingCodes.Hash(code),
                });
            }
            // Only the count is public: the log never names the people on the census.
            log.Append(target.Process, await LegacyChanges.ActorAsync(db, target.Process, user, ct), "budget.census-uploaded", new { budget = budgetId, people = rows.Count });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return CensusOutcome.Done;
        }, cancellationToken);
        return (outcome, codes);
    }

    public async Task<int> CountAsync(int budgetId, CancellationToken cancellationToken = default) =>
        await db.Set<CensusEntry>().CountAsync(e => e.BudgetId == budgetId, cancellationToken);

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

    /// <summary>A new code for someone who lost theirs and has not voted; the old one stops working.</summary>
    public async Task<(CensusOutcome Outcome, string? Code)> ReissueAsync(int budgetId, string reference, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var target = await access.ForReadAsync(budgetId, user, cancellationToken);
        if (target is null)
        {
            return (CensusOutcome.NotFound, null);
        }
        if (!target.Allows(BudgetAction.Manage) && !target.Allows(BudgetAction.EnterPaperBallots))
        {
            return (CensusOutcome.Denied, null);
        }
        var person = await FindAsync(budgetId, reference, cancellationToken);
        if (person is null)
        {
            return (CensusOutcome.UnknownReference, null);
        }
        if (person.Value.HasVoted)
        {
            return (CensusOutcome.AlreadyVoted, null);
        }
        var code = VotingCodes.NewVotingCode();
        var hash = VotingCodes.Hash(code);
        var changed = await db.Set<CensusEntry>()
            .Where(e => e.BudgetId == budgetId && e.Reference == reference.Trim())
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CodeHash, hash), cancellationToken);
        return changed == 0 ? (CensusOutcome.UnknownReference, null) : (CensusOutcome.Done, code);
    }

    /// <summary>
    /// Marks a person of the census as having voted on paper at a polling station (before they get the paper ballot),
    /// through the same unique key as online ballots: they cannot then vote online, nor get a second paper ballot.
    /// </summary>
    public async Task<CensusOutcome> MarkVotedOnPaperAsync(int budgetId, string reference, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var target = await access.ForReadAsync(budgetId, user, cancellationToken);
        if (target is null)
        {
            return CensusOutcome.NotFound;
        }
        if (!target.Allows(BudgetAction.EnterPaperBallots) || target.Budget.Phase != BudgetPhase.Voting)
        {
            return target.Allows(BudgetAction.EnterPaperBallots) ? CensusOutcome.VotingClosed : CensusOutcome.Denied;
        }
        var person = await FindAsync(budgetId, reference, cancellationToken);
        if (person is null)
        {
            return CensusOutcome.UnknownReference;
        }
        return await box.CastAsync(new BallotSubmission(budgetId, BudgetVoter.ForCensusEntry(person.Value.Entry.Id), null)) switch
        {
            CastOutcome.Recorded => CensusOutcome.Done,
            CastOutcome.AlreadyVoted => CensusOutcome.AlreadyVoted,
            CastOutcome.VotingClosed => CensusOutcome.VotingClosed,
            _ => CensusOutcome.NotRecorded,
        };
    }
}
