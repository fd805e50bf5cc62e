using System.Text;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Search;

/// <summary>
/// Writes the search index from the content it shows: processes (all their translatable text), announcements,
/// proposals (budget projects and proposals of a process), comments that are neither deleted nor hidden by moderation, and the ideas of journey contributions that
/// are sent and not hidden. <see cref="RefreshAsync"/> re-reads named items (what a save touched) and writes or removes
/// their entries on the same connection and transaction; <see cref="RebuildAsync"/> rewrites the whole index.
/// </summary>
public sealed class SearchIndexer(CocreoDbContext db)
{
    private const int Batch = 200;

    /// <summary>Re-reads these items and writes their entries, or removes the entries of what is gone or hidden.</summary>
    public async Task RefreshAsync(IEnumerable<(SearchKind Kind, int ItemId)> items, CancellationToken cancellationToken) =>
        await RefreshAsync(items, [], cancellationToken);

    /// <summary>
    /// Re-reads these items, and the comments of these debates (kind and target: a proposal hidden or shown again, an
    /// amendment withdrawn, hidden or shown, a text's sections when it is published): whether a debate is shown decides
    /// whether its comments are found. A proposal's debates are read with the debates of its amendments.
    /// </summary>
    public async Task RefreshAsync(IEnumerable<(SearchKind Kind, int ItemId)> items, IEnumerable<(string Debate, int TargetId)> debates, CancellationToken cancellationToken)
    {
        var touched = items.ToList();
        var discussed = debates.Distinct().ToList();
        var proposalDebates = discussed.Where(d => d.Debate == Proposals.ProcessProposalDebateTargets.DebateKind).Select(d => d.TargetId).ToList();
        if (proposalDebates.Count > 0)
        {
            discussed.AddRange((await db.Set<Amendments.Amendment>().AsNoTracking()
                    .Where(a => a.TargetKind == Proposals.ProcessProposalDebateTargets.DebateKind && proposalDebates.Contains(a.TargetId)).Select(a => a.Id).ToListAsync(cancellationToken))
                .Select(id => (Amendments.AmendmentDebateTargets.DebateKind, id)));
        }
        foreach (var debate in discussed.Distinct().GroupBy(d => d.Debate))
        {
            foreach (var chunk in debate.Select(d => d.TargetId).Chunk(Batch))
            {
                touched.AddRange((await db.Set<Debate.Comment>().AsNoTracking().Where(c => c.TargetKind == debate.Key && chunk.Contains(c.TargetId)).Select(c => c.Id).ToListAsync(cancellationToken))
                    .Select(id => (SearchKind.Comment, id)));
            }
        }
        // A proposal's amendments are read with it: hidden by the moderators, they leave the index with it (and come back with it).
        var proposals = touched.Where(i => i.Kind == SearchKind.Proposal).Select(i => i.ItemId).Distinct().ToList();
        if (proposals.Count > 0)
        {
            touched.AddRange((await db.Set<Amendments.Amendment>().AsNoTracking()
                    .Where(a => a.TargetKind == Proposals.ProcessProposalDebateTargets.DebateKind && proposals.Contains(a.TargetId)).Select(a => a.Id).ToListAsync(cancellationToken))
                .Select(id => (SearchKind.Amendment, id)));
        }
        foreach (var group in touched.Distinct().GroupBy(i => i.Kind))
        {
            foreach (var chunk in group.Select(i => i.ItemId).Chunk(Batch))
            {
                var entries = await ReadAsync(group.Key, chunk, 0, chunk.Length, cancellationToken);
                var gone = chunk.Except(entries.Select(e => e.ItemId)).ToArray();
                if (gone.Length > 0)
                {
                    await db.Set<SearchEntry>().Where(e => e.Kind == group.Key && gone.Contains(e.ItemId)).ExecuteDeleteAsync(cancellationToken);
                }
                await WriteAsync(entries, cancellationToken);
            }
        }
    }

    /// <summary>Empties the index and writes it again from all the content; returns how many entries it wrote.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken, TextWriter? progress = null)
    {
        await db.Set<SearchEntry>().ExecuteDeleteAsync(cancellationToken);
        var total = 0;
        foreach (var kind in Enum.GetValues<SearchKind>())
        {
            var after = 0;
            while (true)
            {
                var entries = await ReadAsync(kind, null, after, Batch, cancellationToken);
                if (entries.Count == 0)
                {
                    break;
                }
                await WriteAsync(entries, cancellationToken);
                total += entries.Count;
                after = entries.Max(e => e.ItemId);
            }
            progress?.WriteLine($"{kind}: indexed up to id {after}.");
        }
        return total;
    }

    /// <summary>The entries of one kind's items: those named, or the next <paramref name="take"/> after an id.</summary>
    private async Task<List<SearchEntry>> ReadAsync(SearchKind kind, int[]? ids, int after, int take, CancellationToken cancellationToken) => kind switch
    {
        SearchKind.Process => await ProcessesAsync(ids, after, take, cancellationToken),
        SearchKind.Announcement => await AnnouncementsAsync(ids, after, take, cancellationToken),
        SearchKind.Proposal => await ProposalsAsync(ids, after, take, cancellationToken),
        SearchKind.Comment => await CommentsAsync(ids, after, take, cancellationToken),
        SearchKind.Contribution => await ContributionsAsync(ids, after, take, cancellationToken),
        SearchKind.Amendment => await AmendmentsAsync(ids, after, take, cancellationToken),
        SearchKind.TextSection => await TextSectionsAsync(ids, after, take, cancellationToken),
        SearchKind.HarvestItem => await HarvestItemsAsync(ids, after, take, cancellationToken),
        _ => [],
    };

    private async Task<List<SearchEntry>> ProcessesAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        var processes = await db.Set<Process>().AsNoTracking().Include(p => p.Translations)
            .Where(p => ids == null ? p.Id > after : ids.Contains(p.Id))
            .OrderBy(p => p.Id).Take(take)
            .ToListAsync(cancellationToken);
        return processes.Select(p =>
        {
            var translations = p.Translations.SelectMany(t => new[] { t.Title, t.ProblemStatement, t.Purpose, t.SponsorName, t.SponsorMandate, t.PoliticalBacking }
                .Concat(t.CanInfluence).Concat(t.CannotInfluence));
            var body = new[] { p.ProblemStatement, p.Purpose }.Concat(p.CanInfluence).Concat(p.CannotInfluence)
                .Concat([p.SponsorName, p.SponsorMandate, p.PoliticalBacking]);
            return Entry(SearchKind.Process, p.Id, p.Id, p.OrganisationId, p.Title, Plain(body), $"/processes/{p.Id}", p.CreatedAt,
                SearchTerms.ForIndex([p.Title, .. body.Select(Plain), .. translations.Select(Plain)]));
        }).ToList();
    }

    private async Task<List<SearchEntry>> AnnouncementsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in db.Set<Announcement>().AsNoTracking()
                join p in db.Set<Process>() on a.ProcessId equals p.Id
                where ids == null ? a.Id > after : ids.Contains(a.Id)
                orderby a.Id
                select new { a.Id, a.ProcessId, p.OrganisationId, a.Title, a.Body, a.PublishedAt })
            .Take(take).ToListAsync(cancellationToken);
        // Their translations are found too (the entry shows the original).
        var found = rows.Select(a => a.Id).ToList();
        var translations = (await db.Set<AnnouncementTranslation>().AsNoTracking().Where(t => found.Contains(t.AnnouncementId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.AnnouncementId);
        return rows.Select(a => Entry(SearchKind.Announcement, a.Id, a.ProcessId, a.OrganisationId, a.Title, Plain(a.Body),
            $"/processes/{a.ProcessId}#announcement-{a.Id}", a.PublishedAt,
            SearchTerms.ForIndex([a.Title, Plain(a.Body), .. translations[a.Id].SelectMany(t => new[] { t.Title, Plain(t.Body) })]))).ToList();
    }

    private async Task<List<SearchEntry>> ProposalsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        // A proposal hidden by the moderators (or waiting for them) is not found: its text is what they took away.
        // Budget projects and proposals of a process are moderated as two kinds of content.
        var hidden = db.Set<ModerationCase>().Where(m => (m.Kind == ProposalContents.Kind || m.Kind == Proposals.ProcessProposalContents.Kind) && m.State != ModerationState.Visible)
            .Select(m => new { m.Kind, m.ItemId });
        var rows = await (
                from x in db.Set<Proposal>().AsNoTracking()
                join p in db.Set<Process>() on x.ProcessId equals p.Id
                where (ids == null ? x.Id > after : ids.Contains(x.Id))
                    && !hidden.Any(h => h.ItemId == x.Id && h.Kind == (x.BudgetId == null ? Proposals.ProcessProposalContents.Kind : ProposalContents.Kind))
                orderby x.Id
                select new { x.Id, x.ProcessId, x.BudgetId, p.OrganisationId, x.Title, x.Description, x.Location, x.Category, x.SubmittedAt })
            .Take(take).ToListAsync(cancellationToken);
        var found = rows.Select(x => x.Id).ToList();
        var translations = (await db.Set<ProposalTranslation>().AsNoTracking().Where(t => found.Contains(t.ProposalId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.ProposalId);
        return rows.Select(x => Entry(SearchKind.Proposal, x.Id, x.ProcessId, x.OrganisationId, x.Title, Plain([x.Description, x.Location, x.Category]),
            x.BudgetId is null ? Proposals.ProposalLinks.Of(x.ProcessId, x.Id) : $"/proposals/{x.Id}", x.SubmittedAt,
            SearchTerms.ForIndex([x.Title, Plain(x.Description), x.Location, x.Category, .. translations[x.Id].SelectMany(t => new[] { t.Title, Plain(t.Description), t.Location })]))).ToList();
    }

    /// <summary>
    /// Comments of every debate (a budget project's, a proposal's, a process's problem, an amendment's, a text section's),
    /// each titled by what it discusses, found only where its debate is shown to readers of the process: not on a
    /// proposal the moderators hid (or that waits for them), not on an amendment that is withdrawn, hidden or on such a
    /// proposal, not on a section of a text not yet published (nor an amendment of one).
    /// </summary>
    private async Task<List<SearchEntry>> CommentsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        const string ProposalDebate = Proposals.ProcessProposalDebateTargets.DebateKind;
        const string AmendmentDebate = Amendments.AmendmentDebateTargets.DebateKind;
        const string SectionDebate = ParticipatoryTexts.TextSectionDebateTargets.DebateKind;
        var hidden = db.Set<ModerationCase>().Where(m => m.Kind == Debate.DebateComments.Kind && m.State != ModerationState.Visible).Select(m => m.ItemId);
        var hiddenProposals = db.Set<ModerationCase>().Where(m => m.Kind == Proposals.ProcessProposalContents.Kind && m.State != ModerationState.Visible).Select(m => m.ItemId);
        var hiddenAmendments = db.Set<ModerationCase>().Where(m => m.Kind == Amendments.AmendmentContents.Kind && m.State != ModerationState.Visible).Select(m => m.ItemId);
        var publishedSections = db.Set<ParticipatoryTexts.TextSection>()
            .Where(s => db.Set<ParticipatoryTexts.ParticipatoryText>().Any(t => t.Id == s.TextId && t.PublishedVersion > 0)).Select(s => s.Id);
        var shownAmendments = db.Set<Amendments.Amendment>()
            .Where(a => a.Status != Amendments.AmendmentStatus.Withdrawn && !hiddenAmendments.Contains(a.Id)
                && !(a.TargetKind == ProposalDebate && hiddenProposals.Contains(a.TargetId))
                && !(a.TargetKind == SectionDebate && !publishedSections.Contains(a.TargetId)))
            .Select(a => a.Id);
        var rows = await (
                from c in db.Set<Debate.Comment>().AsNoTracking()
                join p in db.Set<Process>() on c.ProcessId equals p.Id
                where (ids == null ? c.Id > after : ids.Contains(c.Id)) && c.DeletedAt == null && !hidden.Contains(c.Id)
                    && !(c.TargetKind == ProposalDebate && hiddenProposals.Contains(c.TargetId))
                    && !(c.TargetKind == AmendmentDebate && !shownAmendments.Contains(c.TargetId))
                    && !(c.TargetKind == SectionDebate && !publishedSections.Contains(c.TargetId))
                orderby c.Id
                select new { c.Id, c.TargetKind, c.TargetId, c.ProcessId, p.OrganisationId, c.Body, c.PostedAt })
            .Take(take).ToListAsync(cancellationToken);
        // What each comment discusses: its title and page (a proposal, a process's problem and purpose, an amendment, a section).
        var proposalIds = rows.Where(r => r.TargetKind is Debate.DebateKinds.Proposal or ProposalDebate).Select(r => r.TargetId).Distinct().ToList();
        var processIds = rows.Where(r => r.TargetKind == Debate.DebateKinds.Process).Select(r => r.TargetId).Distinct().ToList();
        var amendmentIds = rows.Where(r => r.TargetKind == AmendmentDebate).Select(r => r.TargetId).Distinct().ToList();
        var sectionIds = rows.Where(r => r.TargetKind == SectionDebate).Select(r => r.TargetId).Distinct().ToList();
        var places = (await db.Set<Proposal>().AsNoTracking().Where(x => proposalIds.Contains(x.Id)).Select(x => new { x.Id, x.Title, x.ProcessId, x.BudgetId }).ToListAsync(cancellationToken))
            .Select(x => x.BudgetId is null
                ? (Key: (ProposalDebate, x.Id), Title: x.Title, Link: Proposals.ProposalLinks.Of(x.ProcessId, x.Id))
                : (Key: (Debate.DebateKinds.Proposal, x.Id), Title: x.Title, Link: $"/proposals/{x.Id}"))
            .Concat((await db.Set<Process>().AsNoTracking().Where(x => processIds.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(cancellationToken))
                .Select(x => (Key: (Debate.DebateKinds.Process, x.Id), Title: x.Title, Link: $"/processes/{x.Id}")))
            .Concat(await AmendmentPlacesAsync(amendmentIds, cancellationToken))
            .Concat(await SectionPlacesAsync(sectionIds, cancellationToken))
            .ToDictionary(x => x.Key, x => (x.Title, x.Link));
        return rows.Where(c => places.ContainsKey((c.TargetKind, c.TargetId))).Select(c => Entry(SearchKind.Comment, c.Id, c.ProcessId, c.OrganisationId, places[(c.TargetKind, c.TargetId)].Title, Plain(c.Body),
            $"{places[(c.TargetKind, c.TargetId)].Link}#comment-{c.Id}", c.PostedAt, SearchTerms.ForIndex(Plain(c.Body)))).ToList();
    }

    /// <summary>Amendments discussed, titled by their amended title, or by the title of what they amend (a proposal, a text).</summary>
    private async Task<List<((string, int) Key, string Title, string Link)>> AmendmentPlacesAsync(List<int> amendmentIds, CancellationToken cancellationToken)
    {
        if (amendmentIds.Count == 0)
        {
            return [];
        }
        var amendments = await db.Set<Amendments.Amendment>().AsNoTracking().Where(a => amendmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.BaseTitle, a.TargetKind, a.TargetId }).ToListAsync(cancellationToken);
        var sectionIds = amendments.Where(a => a.TargetKind == ParticipatoryTexts.TextSectionDebateTargets.DebateKind).Select(a => a.TargetId).ToList();
        var texts = await db.Set<ParticipatoryTexts.TextSection>().AsNoTracking().Where(s => sectionIds.Contains(s.Id))
            .Join(db.Set<ParticipatoryTexts.ParticipatoryText>(), s => s.TextId, t => t.Id, (s, t) => new { s.Id, t.Title }).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        return amendments.Select(a => (Key: (Amendments.AmendmentDebateTargets.DebateKind, a.Id),
                Title: a.Title.Length > 0 ? a.Title : a.BaseTitle.Length > 0 ? a.BaseTitle : texts.GetValueOrDefault(a.TargetId) ?? "",
                Link: Amendments.AmendmentLinks.Of(a.Id)))
            .ToList();
    }

    /// <summary>Sections discussed, titled as the text's last published version numbers and heads them (never the team's working draft).</summary>
    private async Task<List<((string, int) Key, string Title, string Link)>> SectionPlacesAsync(List<int> sectionIds, CancellationToken cancellationToken)
    {
        if (sectionIds.Count == 0)
        {
            return [];
        }
        var sections = await db.Set<ParticipatoryTexts.TextSection>().AsNoTracking().Where(s => sectionIds.Contains(s.Id))
            .Join(db.Set<ParticipatoryTexts.ParticipatoryText>(), s => s.TextId, t => t.Id, (s, t) => new { s.Id, s.TextId, t.Title, t.PublishedVersion })
            .ToListAsync(cancellationToken);
        var textIds = sections.Select(s => s.TextId).Distinct().ToList();
        var wanted = sections.Select(s => (s.TextId, s.PublishedVersion)).Distinct().ToList();
        var versions = (await db.Set<ParticipatoryTexts.TextVersion>().AsNoTracking().Where(v => textIds.Contains(v.TextId)).ToListAsync(cancellationToken))
            .Where(v => wanted.Contains((v.TextId, v.Number)))
            .ToDictionary(v => v.TextId);
        return sections.Select(s =>
        {
            var copy = versions.TryGetValue(s.TextId, out var version) ? version.Sections.FirstOrDefault(c => c.SectionId == s.Id) : null;
            var title = copy is null || copy.Heading.Length == 0 ? s.Title
                : $"{s.Title} · {ParticipatoryTexts.TextNames.Number(copy.Number, ParticipatoryTexts.TextNames.HasPreamble(version!.Sections))}. {copy.Heading}";
            return (Key: (ParticipatoryTexts.TextSectionDebateTargets.DebateKind, s.Id), Title: title, Link: ParticipatoryTexts.TextLinks.Section(s.TextId, s.Id));
        }).ToList();
    }

    private async Task<List<SearchEntry>> ContributionsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        // Only a contribution's ideas are public (the map's ideas page); what happened and pain points are the team's.
        var contributions = await (
                from c in db.Set<JourneyContribution>().AsNoTracking()
                join m in db.Set<JourneyMap>() on c.JourneyMapId equals m.Id
                join p in db.Set<Process>() on m.ProcessId equals p.Id
                where (ids == null ? c.Id > after : ids.Contains(c.Id)) && c.SubmittedAt != null && c.HiddenAt == null
                orderby c.Id
                select new { c.Id, c.JourneyMapId, m.ProcessId, p.OrganisationId, m.ServiceName, SubmittedAt = c.SubmittedAt!.Value })
            .Take(take).ToListAsync(cancellationToken);
        var found = contributions.Select(c => c.Id).ToArray();
        var ideas = (await db.Set<StageExperience>().AsNoTracking()
                .Where(e => found.Contains(e.ContributionId) && e.HasIdea && e.IsVisible)
                .Select(e => new { e.ContributionId, e.Idea })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ContributionId, e => e.Idea ?? "");
        return contributions.Where(c => ideas[c.Id].Any()).Select(c =>
        {
            var text = string.Join("\n", ideas[c.Id]);
            return Entry(SearchKind.Contribution, c.Id, c.ProcessId, c.OrganisationId, c.ServiceName, text,
                $"/journeys/{c.JourneyMapId}/ideas", c.SubmittedAt, SearchTerms.ForIndex(text));
        }).ToList();
    }

    /// <summary>
    /// Amendments (their amended title and explanation; the body is the text they amend, found as that text), open,
    /// accepted or rejected, never withdrawn, hidden or waiting for the moderators, nor on a proposal the moderators
    /// hid (its amendments are read with it). Titled by what they amend.
    /// </summary>
    private async Task<List<SearchEntry>> AmendmentsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        var hidden = db.Set<ModerationCase>().Where(m => m.Kind == Amendments.AmendmentContents.Kind && m.State != ModerationState.Visible).Select(m => m.ItemId);
        var hiddenProposals = db.Set<ModerationCase>().Where(m => m.Kind == Proposals.ProcessProposalContents.Kind && m.State != ModerationState.Visible).Select(m => m.ItemId);
        var rows = await (
                from a in db.Set<Amendments.Amendment>().AsNoTracking()
                join p in db.Set<Process>() on a.ProcessId equals p.Id
                where (ids == null ? a.Id > after : ids.Contains(a.Id)) && a.Status != Amendments.AmendmentStatus.Withdrawn && !hidden.Contains(a.Id)
                    && !(a.TargetKind == Proposals.ProcessProposalDebateTargets.DebateKind && hiddenProposals.Contains(a.TargetId))
                orderby a.Id
                select new { a.Id, a.TargetKind, a.TargetId, a.ProcessId, p.OrganisationId, a.Title, a.BaseTitle, a.Explanation, a.ProposedAt })
            .Take(take).ToListAsync(cancellationToken);
        var proposalIds = rows.Where(r => r.TargetKind == Proposals.ProcessProposalDebateTargets.DebateKind).Select(r => r.TargetId).Distinct().ToList();
        var sectionIds = rows.Where(r => r.TargetKind == ParticipatoryTexts.TextSectionDebateTargets.DebateKind).Select(r => r.TargetId).Distinct().ToList();
        var places = (await db.Set<Proposal>().AsNoTracking().Where(x => proposalIds.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(cancellationToken))
            .Select(x => (Key: (Proposals.ProcessProposalDebateTargets.DebateKind, x.Id), x.Title))
            .Concat((await db.Set<ParticipatoryTexts.TextSection>().AsNoTracking().Where(s => sectionIds.Contains(s.Id))
                    .Join(db.Set<ParticipatoryTexts.ParticipatoryText>(), s => s.TextId, t => t.Id, (s, t) => new
                    {
                        s.Id, s.Position, s.Heading, t.Title,
                        Preamble = db.Set<ParticipatoryTexts.TextSection>().Any(p => p.TextId == s.TextId && p.Position == 1 && p.Heading == "" && !p.Removed),
                    })
                    .ToListAsync(cancellationToken))
                .Select(x => (Key: (ParticipatoryTexts.TextSectionDebateTargets.DebateKind, x.Id),
                    Title: x.Heading.Length == 0 ? x.Title : $"{x.Title} · {ParticipatoryTexts.TextNames.Number(x.Position, x.Preamble)}. {x.Heading}")))
            .ToDictionary(x => x.Key, x => x.Title);
        return rows.Where(a => places.ContainsKey((a.TargetKind, a.TargetId))).Select(a =>
        {
            var title = a.Title.Length > 0 && a.Title != a.BaseTitle ? a.Title : places[(a.TargetKind, a.TargetId)];
            return Entry(SearchKind.Amendment, a.Id, a.ProcessId, a.OrganisationId, title, Plain(a.Explanation), Amendments.AmendmentLinks.Of(a.Id), a.ProposedAt,
                SearchTerms.ForIndex([a.Title, Plain(a.Explanation)]));
        }).ToList();
    }

    /// <summary>
    /// Sections of participatory texts as their last published version has them (heading and articles; never the
    /// team's working draft, nor a text not yet published), each linking to its page.
    /// </summary>
    private async Task<List<SearchEntry>> TextSectionsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        var sections = await (
                from s in db.Set<ParticipatoryTexts.TextSection>().AsNoTracking()
                join t in db.Set<ParticipatoryTexts.ParticipatoryText>() on s.TextId equals t.Id
                join p in db.Set<Process>() on t.ProcessId equals p.Id
                where (ids == null ? s.Id > after : ids.Contains(s.Id)) && t.PublishedVersion > 0
                orderby s.Id
                select new { s.Id, s.TextId, t.Title, t.ProcessId, p.OrganisationId, t.PublishedVersion })
            .Take(take).ToListAsync(cancellationToken);
        var wanted = sections.Select(s => (s.TextId, s.PublishedVersion)).Distinct().ToList();
        var textIds = wanted.Select(w => w.TextId).ToList();
        var versions = (await db.Set<ParticipatoryTexts.TextVersion>().AsNoTracking().Where(v => textIds.Contains(v.TextId)).ToListAsync(cancellationToken))
            .Where(v => wanted.Contains((v.TextId, v.Number)))
            .ToDictionary(v => v.TextId);
        var entries = new List<SearchEntry>();
        foreach (var s in sections)
        {
            if (!versions.TryGetValue(s.TextId, out var version) || version.Sections.FirstOrDefault(c => c.SectionId == s.Id) is not { } copy)
            {
                continue;
            }
            var title = copy.Heading.Length == 0 ? s.Title : $"{s.Title} · {ParticipatoryTexts.TextNames.Number(copy.Number, ParticipatoryTexts.TextNames.HasPreamble(version.Sections))}. {copy.Heading}";
            var text = Plain(copy.Articles);
            entries.Add(Entry(SearchKind.TextSection, s.Id, s.ProcessId, s.OrganisationId, title, text, ParticipatoryTexts.TextLinks.Section(s.TextId, s.Id),
                version.PublishedAt, SearchTerms.ForIndex([copy.Heading, text])));
        }
        return entries;
    }

    /// <summary>
    /// A meeting's harvested items the facilitators published (waiting, hidden or removed ones are not found), titled
    /// by the meeting and linked to the item on the meeting's live harvest page; never who posted them.
    /// </summary>
    private async Task<List<SearchEntry>> HarvestItemsAsync(int[]? ids, int after, int take, CancellationToken cancellationToken)
    {
        var rows = await (
                from i in db.Set<Meetings.Harvest.HarvestItem>().AsNoTracking()
                join m in db.Set<Meetings.Meeting>() on i.MeetingId equals m.Id
                where (ids == null ? i.Id > after : ids.Contains(i.Id)) && i.Status == Meetings.Harvest.HarvestStatus.Published
                orderby i.Id
                select new { i.Id, i.MeetingId, m.ProcessId, m.OrganisationId, MeetingTitle = m.Title, i.Text, i.Label, i.PostedAt })
            .Take(take).ToListAsync(cancellationToken);
        return rows.Select(i => Entry(SearchKind.HarvestItem, i.Id, i.ProcessId, i.OrganisationId, i.MeetingTitle, Plain([i.Text, i.Label]),
            $"/meetings/{i.MeetingId}/harvest#item-{i.Id}", i.PostedAt, SearchTerms.ForIndex([i.MeetingTitle, Plain(i.Text), i.Label]))).ToList();
    }

    private static SearchEntry Entry(SearchKind kind, int itemId, int processId, int organisationId, string title, string body, string url, DateTime occurredAt, string terms) => new()
    {
        Kind = kind,
        ItemId = itemId,
        ProcessId = processId,
        OrganisationId = organisationId,
        Title = title.Length > 400 ? title[..400] : title,
        Body = body.Length > 4000 ? body[..4000] : body,
        Url = url,
        OccurredAt = occurredAt,
        Terms = terms,
    };

    /// <summary>Markdown as the words a person reads.</summary>
    private static string Plain(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown).Trim();

    private static string Plain(IEnumerable<string?> parts) =>
        string.Join("\n", parts.Select(Plain).Where(p => p.Length > 0));

    /// <summary>Inserts or replaces entries in one statement per batch (the same SQL on SQLite and PostgreSQL).</summary>
    private async Task WriteAsync(List<SearchEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder("""INSERT INTO "SearchEntries" ("Kind", "ItemId", "ProcessId", "OrganisationId", "Title", "Body", "Url", "OccurredAt", "Terms") VALUES """);
        var values = new List<object>(entries.Count * 9);
        foreach (var e in entries.DistinctBy(e => (e.Kind, e.ItemId)))
        {
            var n = values.Count;
            sql.Append(n == 0 ? "" : ", ").Append($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}}, {{{n + 4}}}, {{{n + 5}}}, {{{n + 6}}}, {{{n + 7}}}, {{{n + 8}}})");
            values.AddRange([e.Kind.ToString(), e.ItemId, e.ProcessId, e.OrganisationId, e.Title, e.Body, e.Url, DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc), e.Terms]);
        }
        sql.Append("""
             ON CONFLICT ("Kind", "ItemId") DO UPDATE SET "ProcessId" = excluded."ProcessId", "OrganisationId" = excluded."OrganisationId",
             "Title" = excluded."Title", "Body" = excluded."Body", "Url" = excluded."Url", "OccurredAt" = excluded."OccurredAt", "Terms" = excluded."Terms"
            """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
    }
}
