using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Charts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>One answer: how many participants gave it, its share among those who answered, and its share of the population.</summary>
/// <param name="Representation">Share among participants ÷ share of the population: 1 is exactly represented, below 1 under-represented.</param>
public sealed record AnswerShare(string Answer, int Participants, decimal Share, decimal? PopulationShare, decimal? Representation);

/// <summary>How one opinion group answered a question: participants per answer, in the question's order.</summary>
public sealed record GroupAnswers(int GroupId, string Label, IReadOnlyList<int> Participants);

/// <summary>
/// A demographic question's representativeness: who answered what, against the population, and (when every cell
/// has at least <see cref="Representativeness.K"/> people) how each opinion group answered.
/// </summary>
/// <param name="NotAnswered">Participants who preferred not to say, skipped, or were not asked yet.</param>
/// <param name="Groups">Per opinion group the answers; null when a cell would have fewer than k people (hidden to avoid re-identification).</param>
/// <param name="Language">The language of the question's text (the reader's where translated).</param>
public sealed record QuestionRepresentation(string Question, int Answered, int NotAnswered, IReadOnlyList<AnswerShare> Answers, IReadOnlyList<GroupAnswers>? Groups, string? Language = null);

/// <summary>
/// Representativeness of a conversation's participants by its demographic questions, and how many marked each
/// statement important. Reads the answers (personal data) only to count them; the counts are public, the answers not.
/// </summary>
public sealed class Representativeness(CocreoDbContext db)
{
    /// <summary>
    /// k-anonymity threshold: a group's answers are shown only when every answer of the question has at least this
    /// many people in every group, so nobody can be picked out by their group and an answer.
    /// </summary>
    public const int K = 5;

    /// <summary>An answer whose share among participants is below 80 % of its share of the population (as the budget's turnout).</summary>
    public const decimal UnderRepresented = 0.8m;

    /// <param name="words">The conversation's words in the reader's language: the questions and answers are named from them where translated.</param>
    public async Task<IReadOnlyList<QuestionRepresentation>> ForAsync(int conversationId, MapSummary map, CancellationToken cancellationToken, ConversationWords? words = null)
    {
        var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == conversationId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        if (questions.Count == 0)
        {
            return [];
        }
        var participants = await db.Set<ConversationParticipant>().CountAsync(p => p.ConversationId == conversationId, cancellationToken);
        var answers = await db.Set<ConversationAnswer>().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Option != null)
            .Select(a => new { a.ParticipantId, a.QuestionId, Option = a.Option!.Value })
            .ToListAsync(cancellationToken);
        var result = new List<QuestionRepresentation>();
        foreach (var question in questions)
        {
            var local = words?.Questions.FirstOrDefault(q => q.Id == question.Id);
            var given = answers.Where(a => a.QuestionId == question.Id && a.Option < question.Options.Count).ToList();
            var counts = new int[question.Options.Count];
            foreach (var answer in given)
            {
                counts[answer.Option]++;
            }
            var answered = given.Count;
            var shares = question.Options.Select((option, i) =>
            {
                var share = answered == 0 ? 0m : 100m * counts[i] / answered;
                var population = i < question.PopulationShares.Count ? question.PopulationShares[i] : null;
                return new AnswerShare(local is not null && i < local.Options.Count ? local.Options[i].Text : option, counts[i], share, population, population is > 0 && answered > 0 ? share / population.Value : null);
            }).ToList();
            var groups = map.Groups.Select(g => new GroupAnswers(g.Id, g.Label, question.Options.Select((_, i) =>
                given.Count(a => a.Option == i && map.Participants.TryGetValue(a.ParticipantId, out var placed) && placed.GroupId == g.Id)).ToList())).ToList();
            var safe = groups.Count > 0 && groups.All(g => g.Participants.All(n => n >= K));
            result.Add(new QuestionRepresentation(local?.Text.Text ?? question.Text, answered, Math.Max(0, participants - answered), shares, safe ? groups : null, local?.Text.Language));
        }
        return result;
    }

    /// <summary>How many participants marked each statement important (one vote per participant and statement, so each counts once).</summary>
    public async Task<Dictionary<int, int>> ImportantAsync(int conversationId, CancellationToken cancellationToken) =>
        await db.Set<ConversationVote>().Where(v => v.ConversationId == conversationId && v.Important)
            .GroupBy(v => v.StatementId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The answers as bars: each answer's share of participants against its share of the population; under-represented ones highlighted.</summary>
    public static BarChart Chart(string id, QuestionRepresentation question, IStringLocalizer<ConversationText> t)
    {
        var culture = CultureInfo.CurrentCulture;
        var under = question.Answers.Where(a => a.Representation is < UnderRepresented).Select(a => a.Answer).ToList();
        var over = question.Answers.Where(a => a.Representation is > 1.25m).Select(a => a.Answer).ToList();
        var description = t["Share of participants per answer. Solid bars: answers under-represented among participants (below 80 % of their share of the population); hatched bars: the others."]
            + " " + t["Share of participants per answer: {0}. Under-represented: {1}. Over-represented: {2}.",
                string.Join("; ", question.Answers.Select(a => $"{a.Answer}: {a.Share.ToString("N1", culture)} %")),
                under.Count == 0 ? t["none"] : string.Join(", ", under),
                over.Count == 0 ? t["none"] : string.Join(", ", over)];
        return new BarChart(id, t["Participants per answer: {0}", question.Question], description, question.Answers.Select(a => new Bar(
            a.Answer, (double)a.Share, a.Representation is < UnderRepresented, (double?)a.PopulationShare)).ToList())
        {
            LabelHeader = t["Answer"],
            ValueName = t["Share of participants"],
            Format = new ValueFormat("N1", Suffix: " %"),
            HighlightedName = t["Under-represented"],
            OtherName = t["Others"],
            ReferenceName = t["Share of the population"],
            ReferenceLabel = t["population"],
            Missing = t["not known"],
            TableColumns =
            [
                new TableColumn(t["Participants"], question.Answers.Select(a => a.Participants.ToString("N0", culture)).ToList(), First: true),
                new TableColumn(t["Representation"], question.Answers.Select(a => a.Representation?.ToString("N2", culture) ?? t["not known"]).ToList()),
            ],
        };
    }
}
