using System.Globalization;
using CsvHelper;
using Cocreo.Budgeting.Pabulib;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// A published election as files anyone can check: pabulib <c>.pb</c> (anonymous ballots, numbered 1, 2, ... in the
/// random order of their identifiers, with the outcome in the <c>selected</c> column and the exact
/// <c>cocreo pb run</c> options in META <c>comment</c>), and CSV (the results per project, the ballots).
/// </summary>
public sealed class ElectionExport(CocreoDbContext db, BallotPapers papers, PublishedResults results)
{
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\n" };

    /// <summary>Everything an export needs, or null when the budget has no published results.</summary>
    public async Task<ExportData?> LoadAsync(Budget budget, string unit, CancellationToken cancellationToken = default)
    {
        var published = await results.FindAsync(budget.Id, cancellationToken);
        var paper = await papers.ForAsync(budget.Id, cancellationToken);
        if (published is null || paper is null)
        {
            return null;
        }
        var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.BudgetId == budget.Id).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var receipts = await db.Set<BallotReceiptEntry>().AsNoTracking().Where(r => r.BudgetId == budget.Id).Select(r => r.Receipt).ToListAsync(cancellationToken);
        receipts.Sort(StringComparer.Ordinal);
        return new ExportData(budget, unit, paper, published.Value.Document, ballots, receipts);
    }

    public static void WritePabulib(TextWriter writer, ExportData data)
    {
        var (budget, paper, document) = (data.Budget, data.Paper, data.Results);
        var settings = CountingSettings.Of(budget);
        var votes = document.Projects.ToDictionary(p => p.Number);
        var meta = new List<KeyValuePair<string, string>>
        {
            new("description", $"{data.Unit}: {budget.Title}"),
            new("unit", data.Unit),
            new("instance", budget.Title),
            new("num_projects", paper.Projects.Count.ToString(CultureInfo.InvariantCulture)),
            new("num_votes", data.Ballots.Count.ToString(CultureInfo.InvariantCulture)),
            new("rule", settings.PabulibRule),
            new("currency", budget.Currency),
            new("comment", "Exported by Cocreo. The published outcome is the selected column; reproduce it with: cocreo pb run FILE " + string.Join(' ', settings.CommandLine())),
        };
        if (budget.District.Length > 0)
        {
            meta.Add(new("subunit", budget.District));
        }
        var voting = budget.Phases.Single(p => p.Phase == BudgetPhase.Voting);
        if (voting.StartedAt is { } begin)
        {
            meta.Add(new("date_begin", begin.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }
        if (voting.CompletedAt is { } end)
        {
            meta.Add(new("date_end", end.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }
        meta.Add(new("min_length", Math.Max(1, budget.MinProjects).ToString(CultureInfo.InvariantCulture)));
        switch (budget.Form)
        {
            case BallotForm.Approval:
                meta.Add(new("max_length", budget.MaxProjects.ToString(CultureInfo.InvariantCulture)));
                break;
            case BallotForm.Knapsack:
                meta.Add(new("max_sum_cost", budget.Amount.ToString(CultureInfo.InvariantCulture)));
                break;
            case BallotForm.Ranked:
                meta.Add(new("max_length", budget.RankDepth.ToString(CultureInfo.InvariantCulture)));
                break;
            case BallotForm.Cumulative:
                meta.Add(new("max_sum_points", budget.PointsToSpend.ToString(CultureInfo.InvariantCulture)));
                meta.Add(new("max_points", budget.MaxPointsPerProject.ToString(CultureInfo.InvariantCulture)));
                break;
        }
        var instance = Counting.Instance(paper, settings, meta);
        var columns = new List<string> { "voting_method" };
        columns.AddRange(paper.Questions.Select((_, i) => Question(i)));
        var profile = Counting.Profile(instance, settings, data.Ballots, columns, ballot =>
        {
            var answers = BallotChoice.Decode("", null, ballot.Answers).Answers;
            return [ballot.IsPaper ? "paper" : "internet", .. paper.Questions.Select((q, i) => i < answers.Count && answers[i] is { } a ? q.Options[a] : "")];
        });
        PabulibWriter.Write(writer, instance, profile, instance.Projects.Where(p => votes[int.Parse(p.Id, CultureInfo.InvariantCulture)].Funded));
    }

    public static void WriteResultsCsv(TextWriter writer, ExportData data)
    {
        using var csv = CsvWriter.Create(writer, Csv);
        csv.WriteRecord(["project", "title", "category", "cost", "votes", "points", "funded", "funded_as", "reason", "round", "supporters", "amount", "needed"]);
        foreach (var p in data.Results.Projects.OrderBy(p => p.Number))
        {
            csv.WriteRecord([
                Counting.Id(p.Number), p.Title, p.Category, Number(p.Cost), Number(p.Votes), Number(p.Points), p.Funded ? "1" : "0",
                p.SelectedAs is { } place ? Number(place) : "", p.Reason.Kind.ToString(), p.Reason.Round is { } round ? Number(round) : "",
                p.Reason.Supporters is { } supporters ? Number(supporters) : "", p.Reason.Amount is { } amount ? Number(amount) : "",
                p.Reason.Needed is { } needed ? Number(needed) : "",
            ]);
        }
    }

    /// <summary>The ballots, anonymous; the lines of <see cref="BallotDigest"/> are made of these columns.</summary>
    public static void WriteBallotsCsv(TextWriter writer, ExportData data)
    {
        using var csv = CsvWriter.Create(writer, Csv);
        csv.WriteRecord(["ballot", "projects", "points", "answers", "voting_method", .. data.Paper.Questions.Select((_, i) => Question(i))]);
        var n = 0;
        foreach (var ballot in data.Ballots)
        {
            var answers = BallotChoice.Decode("", null, ballot.Answers).Answers;
            csv.WriteRecord([
                Number(++n), ballot.Projects, ballot.Points ?? "", ballot.Answers, ballot.IsPaper ? "paper" : "internet",
                .. data.Paper.Questions.Select((q, i) => i < answers.Count && answers[i] is { } a ? q.Options[a] : ""),
            ]);
        }
    }

    /// <summary>
    /// The receipts of the counted internet ballots, sorted: a voter finds theirs here. The list is apart from the
    /// ballots and in another order, so it proves that a ballot was counted, never what it said.
    /// </summary>
    public static void WriteReceiptsCsv(TextWriter writer, ExportData data)
    {
        using var csv = CsvWriter.Create(writer, Csv);
        csv.WriteRecord(["receipt"]);
        foreach (var receipt in data.Receipts)
        {
            csv.WriteRecord([VotingCodes.Format(receipt)]);
        }
    }

    private static string Question(int index) => "question_" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record ExportData(Budget Budget, string Unit, BallotPaper Paper, ResultsDocument Results, IReadOnlyList<BudgetBallot> Ballots, IReadOnlyList<string> Receipts);
