using Cocreo.Web.Features.Debate;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// One section of a text: as the last version published it (for the team before the first version, as drafted), its
/// supports with the support form, and its debate (kind <c>text-section</c>, whose forms post to the debate's page).
/// </summary>
public sealed class SectionModel(TextAccess access, ChangeRunner changes, DebateTargetDirectory targets, DebateThreads threads, IStringLocalizer<ParticipatoryTextsText> t) : PageModel
{
    public TextView View { get; private set; } = null!;

    public TextVersion.SectionCopy Section { get; private set; } = null!;

    /// <summary>The number of the section's first article in the text.</summary>
    public int FirstArticle { get; private set; } = 1;

    /// <summary>The version (or draft) shown opens with a preamble: its other sections are numbered from 1.</summary>
    public bool Preamble { get; private set; }

    public TextVersion? Version { get; private set; }

    public bool Removed { get; private set; }

    public int Supports { get; private set; }

    public bool Supporting { get; private set; }

    public DebateView Debate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sectionId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int id, int sectionId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, TextAction.View, cancellationToken);
        var draft = RefusedException.IfMissing(View.Text.Sections.SingleOrDefault(s => s.Id == sectionId));
        Removed = draft.Removed;
        Version = (await access.VersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Sections.Any(s => s.SectionId == sectionId));
        var copies = Version?.Sections ?? View.Text.Draft.Select(s => new TextVersion.SectionCopy(s.Id, s.Position, s.Heading, s.Articles)).ToList();
        Section = copies.SingleOrDefault(s => s.SectionId == sectionId) ?? new TextVersion.SectionCopy(draft.Id, draft.Position, draft.Heading, draft.Articles);
        Preamble = TextNames.HasPreamble(copies);
        FirstArticle = 1 + copies.TakeWhile(s => s.SectionId != sectionId).Sum(s => s.Articles.Count);
        var (counts, mine) = await access.SupportsAsync(id, View.Process.Access.UserId, cancellationToken);
        (Supports, Supporting) = (counts.GetValueOrDefault(sectionId), mine.Contains(sectionId));
        var subject = await targets.ReadAsync(TextSectionDebateTargets.DebateKind, sectionId, User, cancellationToken);
        var page = await threads.ReadAsync(subject, DebateSort.Oldest, null, null, cancellationToken);
        var link = $"/debate/{TextSectionDebateTargets.DebateKind}/{sectionId}";
        Debate = new DebateView(page, link, link);
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, int sectionId, [FromServices] SupportSection.Handler support, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sectionId, cancellationToken);
        var added = await changes.RunAsync(support, new SupportSection.Command(sectionId), cancellationToken);
        return this.Done(added ? t["You support this section."] : t["You already support this section."], TextLinks.Of(id) + "#" + TextLinks.Anchor(Section.Number));
    }

    public async Task<IActionResult> OnPostUnsupportAsync(int id, int sectionId, [FromServices] WithdrawSectionSupport.Handler withdraw, CancellationToken cancellationToken)
    {
        await LoadAsync(id, sectionId, cancellationToken);
        var removed = await changes.RunAsync(withdraw, new WithdrawSectionSupport.Command(sectionId), cancellationToken);
        return this.Done(removed ? t["You no longer support this section."] : t["You did not support this section."], TextLinks.Of(id) + "#" + TextLinks.Anchor(Section.Number));
    }
}
