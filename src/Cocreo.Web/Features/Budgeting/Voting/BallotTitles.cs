using Cocreo.Web.Data;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The titles of a frozen ballot (or of published results) in the reader's language. The ballot paper and the results
/// keep the original titles as the record; a page or the API shows each project by its proposal's translation
/// (<see cref="ProposalTranslation"/>) when there is one, else by the frozen original with the proposal's language.
/// The printed, CSV and .pb exports keep the originals.
/// </summary>
public sealed class BallotTitles(CocreoDbContext db)
{
    /// <summary>Each project's title by its number on the ballot, in the reader's language when translated.</summary>
    public async Task<IReadOnlyDictionary<int, Written>> ForAsync(int budgetId, IEnumerable<(int Number, string Title)> frozen, string reader, CancellationToken cancellationToken = default)
    {
        var originals = frozen.ToDictionary(p => p.Number, p => p.Title);
        var numbers = originals.Keys.ToList();
        var proposals = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.BudgetId == budgetId && numbers.Contains(p.Number))
            .Select(p => new { p.Number, p.Language, Translations = p.Translations.Where(t => t.Language == reader).ToList() })
            .ToListAsync(cancellationToken);
        var titles = new Dictionary<int, Written>();
        foreach (var p in proposals)
        {
            titles[p.Number] = Translations.Pick(originals[p.Number], p.Language, p.Translations, reader, t => t.Title);
        }
        return titles;
    }

    /// <summary>The published results with each project's title in the reader's language, its language and the original.</summary>
    public async Task<ResultsDocument> LocalizeAsync(int budgetId, ResultsDocument document, string reader, CancellationToken cancellationToken = default)
    {
        var titles = await ForAsync(budgetId, document.Projects.Select(p => (p.Number, p.Title)), reader, cancellationToken);
        return document with
        {
            Projects = document.Projects.Select(p => titles.TryGetValue(p.Number, out var title)
                ? p with { Title = title.Text, Language = title.Language, OriginalTitle = p.Title }
                : p).ToList(),
        };
    }
}
