using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>One answer to a question: its share among those who answered, against its share of the population.</summary>
/// <param name="Representation">Share among voters ÷ share of the population: 1 is exactly represented, below 1 under-represented.</param>
public sealed record AnswerTurnout(string Answer, long Ballots, decimal Share, decimal? PopulationShare, decimal? Representation, string? Language = null);

/// <param name="Language">The language the question is shown in (the reader's where translated).</param>
public sealed record QuestionTurnout(string Question, long Answered, long NotAnswered, IReadOnlyList<AnswerTurnout> Answers, string? Language = null);

/// <summary>How many voted in a budget (its district), of how many could, and who they were by the optional questions.</summary>
/// <param name="Language">The language of the title (the reader's where translated).</param>
public sealed record BudgetTurnout(int BudgetId, string Title, string District, long Ballots, long PaperBallots, long? Eligible, decimal? Percent, IReadOnlyList<QuestionTurnout> Questions, string? Language = null);

/// <summary>
/// Turnout and representativeness. Shown once voting has closed: answers counted while voting is open could tell
/// someone watching the page what the last voter answered.
/// </summary>
public sealed class TurnoutReport(CocreoDbContext db)
{
    /// <summary>The turnout of a budget, its title, questions and answers in the reader's language where translated.</summary>
    public async Task<BudgetTurnout> ForBudgetAsync(Budget budget, string reader, CancellationToken cancellationToken = default)
    {
        var local = budget.LocalQuestions(reader);
        var answers = await db.Set<BudgetBallot>().AsNoTracking()
            .Where(b => b.BudgetId == budget.Id)
            .GroupBy(b => new { b.Answers, b.IsPaper })
            .Select(g => new { g.Key.Answers, g.Key.IsPaper, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var ballots = answers.Sum(a => a.Count);
        long? eligible = (long?)budget.Population ?? (budget.Eligibility == Eligibility.Census
            ? await db.Set<CensusEntry>().LongCountAsync(e => e.BudgetId == budget.Id, cancellationToken)
            : null);
        var questions = new List<QuestionTurnout>();
        foreach (var (question, words) in budget.Questions.OrderBy(q => q.Position).Zip(local))
        {
            var counts = new long[question.Options.Count];
            foreach (var group in answers)
            {
                var given = BallotChoice.Decode("", null, group.Answers).Answers;
                if (question.Position < given.Count && given[question.Position] is { } option && option < counts.Length)
                {
                    counts[option] += group.Count;
                }
            }
            var answered = counts.Sum();
            questions.Add(new QuestionTurnout(words.Text.Text, answered, ballots - answered, question.Options.Select((option, i) =>
            {
                var share = answered == 0 ? 0m : 100m * counts[i] / answered;
                var population = i < question.PopulationShares.Count ? question.PopulationShares[i] : null;
                return new AnswerTurnout(words.Options[i].Text, counts[i], share, population, population is > 0 && answered > 0 ? share / population.Value : null, words.Options[i].Language);
            }).ToList(), words.Text.Language));
        }
        var title = budget.LocalTitle(reader);
        return new BudgetTurnout(budget.Id, title.Text, budget.LocalDistrict(reader).Text, ballots, answers.Where(a => a.IsPaper).Sum(a => a.Count), eligible,
            eligible is > 0 ? 100m * ballots / eligible.Value : null, questions, title.Language);
    }
}
