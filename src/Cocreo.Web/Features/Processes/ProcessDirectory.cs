using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>The public service of Processes: finding processes and reading them in the reader's language.</summary>
public sealed class ProcessDirectory(CocreoDbContext db, OrganisationMembership organisations)
{
    /// <summary>
    /// The public listing (/processes, the home page, the API's list): public processes of verified organisations.
    /// An unverified organisation's processes are left out: anyone can register an organisation under any name, and
    /// an impersonator's "official" process would otherwise sit beside the real one. Its processes stay reachable by
    /// their link, marked "Not verified by the platform", so a new organisation can pilot with its own people.
    /// </summary>
    public async Task<List<ProcessSummary>> PublicAsync(string language, int limit = 100, CancellationToken cancellationToken = default) =>
        (await PublicPageAsync(new ProcessListing(), language, 0, limit, cancellationToken)).Processes;

    /// <summary>One page of the public listing with its filters, and how many processes the filters keep.</summary>
    public async Task<(List<ProcessSummary> Processes, int Count)> PublicPageAsync(ProcessListing filter, string language, int skip, int take, CancellationToken cancellationToken = default)
    {
        var listed = organisations.Listed();
        var query = db.Set<Process>().AsNoTracking()
            .Where(p => p.Visibility == ProcessVisibility.Public && listed.Contains(p.OrganisationId));
        if (filter.OrganisationId is { } organisation)
        {
            query = query.Where(p => p.OrganisationId == organisation);
        }
        if (filter.Phase is { } phase)
        {
            query = query.Where(p => p.CurrentPhase == phase && p.ClosedAt == null);
        }
        if (filter.Closed)
        {
            query = query.Where(p => p.ClosedAt != null);
        }
        if (filter.Among is { } among)
        {
            query = query.Where(p => among.Contains(p.Id));
        }
        var count = await query.CountAsync(cancellationToken);
        var processes = await query
            .Include(p => p.Translations.Where(t => t.Language == language))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return (await SummariesAsync(processes, language, cancellationToken), count);
    }

    public async Task<List<ProcessSummary>> OfOrganisationAsync(int organisationId, string language, CancellationToken cancellationToken = default)
    {
        var processes = await db.Set<Process>().AsNoTracking()
            .Include(p => p.Translations.Where(t => t.Language == language))
            .Where(p => p.OrganisationId == organisationId)
            .OrderByDescending(p => p.CreatedAt)
            .ToListAsync(cancellationToken);
        return await SummariesAsync(processes, language, cancellationToken);
    }

    /// <summary>Loads a process for reading (no tracking), with its translations.</summary>
    /// <remarks>
    /// One query, not one per collection (the context's default): a process has a handful of phases and translations,
    /// and every page under a process reads it first, so two round trips fewer for each of them.
    /// </remarks>
    public Task<Process?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Set<Process>().AsNoTracking().Include(p => p.Translations).AsSingleQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>A deleted process's tombstone (a deleted process is left out of every other query), or null.</summary>
    public async Task<DeletedProcess?> DeletedAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<Process>().IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == id && p.DeletedAt != null)
            .Select(p => new DeletedProcess(p.Id, p.OrganisationId, p.Visibility, p.DeletedAt!.Value)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Loads a process to change it, with the given person's membership and the owners (for the last-owner rule). A
    /// process of a suspended organisation cannot change: its insiders are refused with the reason, anyone else finds
    /// nothing (for changes that do not go through the change runner, whose <see cref="SuspendedOrganisationGuard"/>
    /// refuses the rest).
    /// </summary>
    public async Task<Process?> FindForChangeAsync(int id, string? userId, CancellationToken cancellationToken = default)
    {
        var process = await db.Set<Process>()
            .Include(p => p.Members.Where(m => m.UserId == userId || m.Role == ProcessRole.Owner))
            .AsSingleQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (process is null || await organisations.StandingOfAsync(process.OrganisationId, cancellationToken) != OrganisationStanding.Suspended)
        {
            return process;
        }
        var insider = userId is not null && (process.Members.Any(m => m.UserId == userId) || await organisations.RoleOfAsync(process.OrganisationId, userId, cancellationToken) is not null);
        return insider ? throw new RefusedException(OrganisationPermissions.Suspended.ToRefusal(true)!) : null;
    }

    public async Task<int> ParticipantCountAsync(int processId, CancellationToken cancellationToken = default) =>
        await db.Set<ProcessMember>().CountAsync(m => m.ProcessId == processId && m.Role == ProcessRole.Participant, cancellationToken);

    private async Task<List<ProcessSummary>> SummariesAsync(List<Process> processes, string language, CancellationToken cancellationToken)
    {
        var names = await organisations.NamesAsync(processes.Select(p => p.OrganisationId), cancellationToken);
        return processes.Select(p => new ProcessSummary(
            p.Id,
            LocalizedProcess.Of(p, language).Title.Text,
            names.GetValueOrDefault(p.OrganisationId, ""),
            p.CurrentPhase,
            p.IsClosed,
            p.Visibility,
            p.IsDemo)).ToList();
    }
}

/// <summary>What is left to say of a deleted process: who could see it, and when it was deleted.</summary>
public sealed record DeletedProcess(int Id, int OrganisationId, ProcessVisibility Visibility, DateTime DeletedAt);

/// <summary>Filters of the public listing: an organisation, a phase (of open processes) or closed ones, and the processes a text search found.</summary>
public sealed record ProcessListing(int? OrganisationId = null, PolicyPhase? Phase = null, bool Closed = false, IReadOnlyCollection<int>? Among = null);

public sealed record ProcessSummary(int Id, string Title, string OrganisationName, PolicyPhase Phase, bool IsClosed, ProcessVisibility Visibility, bool IsDemo);

/// <summary>
/// A process's content in the reader's language where a translation has it, else in its own: each field carries the
/// language it is in, so a page marks a fallback with its <c>lang</c>.
/// </summary>
public sealed record LocalizedProcess(
    Written Title,
    Written ProblemStatement,
    Written Purpose,
    IReadOnlyList<string> CanInfluence,
    string CanInfluenceLanguage,
    IReadOnlyList<string> CannotInfluence,
    string CannotInfluenceLanguage,
    Written SponsorName,
    Written SponsorMandate,
    Written PoliticalBacking,
    string Language,
    bool IsTranslation)
{
    public static LocalizedProcess Of(Process process, string language)
    {
        var all = process.Translations;
        Written Pick(string original, Func<ProcessTranslation, string> field) => Translations.Pick(original, process.Language, all, language, field);
        var (can, canLanguage) = Translations.PickList(process.CanInfluence, process.Language, all, language, t => t.CanInfluence);
        var (cannot, cannotLanguage) = Translations.PickList(process.CannotInfluence, process.Language, all, language, t => t.CannotInfluence);
        var translated = process.Language != language && process.TranslationFor(language) is not null;
        return new(
            Pick(process.Title, t => t.Title),
            Pick(process.ProblemStatement, t => t.ProblemStatement),
            Pick(process.Purpose, t => t.Purpose),
            can, canLanguage, cannot, cannotLanguage,
            Pick(process.SponsorName, t => t.SponsorName),
            Pick(process.SponsorMandate, t => t.SponsorMandate),
            Pick(process.PoliticalBacking, t => t.PoliticalBacking),
            translated ? language : process.Language,
            translated);
    }
}
