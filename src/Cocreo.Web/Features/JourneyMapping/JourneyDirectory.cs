using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>A journey map read for one person: the map, its process and who the person is there.</summary>
public sealed record JourneyView(JourneyMap Map, Process Process, ProcessAccess Access)
{
    public JourneySubject Subject => JourneySubject.Of(Process, Map);

    public bool Can(JourneyAction action) => JourneyPermissions.Allows(action, Subject, Access);
}

/// <summary>A contributor's own contribution, found by their resume token, with the map it belongs to.</summary>
public sealed record ContributorView(JourneyContribution Contribution, string Token, JourneyView Journey);

/// <summary>Finds journey maps and contributions; the one way pages read them.</summary>
public sealed class JourneyDirectory(CocreoDbContext db, ProcessDirectory processes, ProcessAccessReader accessReader)
{
    /// <summary>The map with its stages, touchpoints, tags and profile questions.</summary>
    public IQueryable<JourneyMap> Maps(bool tracked = false)
    {
        var maps = db.Set<JourneyMap>()
            .Include(m => m.Stages).ThenInclude(s => s.Touchpoints)
            .Include(m => m.PainTags)
            .Include(m => m.ProfileQuestions).ThenInclude(q => q.Options);
        return tracked ? maps : maps.AsNoTracking();
    }

    public async Task<JourneyView?> FindAsync(int mapId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var map = await Maps().SingleOrDefaultAsync(m => m.Id == mapId, cancellationToken);
        return map is null ? null : await ViewAsync(map, user, cancellationToken);
    }

    public async Task<JourneyView?> FindByJoinCodeAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var normalized = ContributionTokens.NormalizeJoinCode(code);
        var map = await Maps().SingleOrDefaultAsync(m => m.JoinCode == normalized, cancellationToken);
        return map is null ? null : await ViewAsync(map, user, cancellationToken);
    }

    /// <summary>The contribution a resume token opens, with its stage experiences and answers (read-only).</summary>
    public async Task<ContributorView?> FindContributionAsync(string? token, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!ContributionTokens.LooksValid(token))
        {
            return null;
        }
        var hash = ContributionTokens.Hash(token!);
        var contribution = await db.Set<JourneyContribution>().AsNoTracking()
            .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
            .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
            .Include(c => c.ProfileAnswers)
            .SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        if (contribution is null)
        {
            return null;
        }
        var journey = await FindAsync(contribution.JourneyMapId, user, cancellationToken);
        return journey is null ? null : new ContributorView(contribution, token!, journey);
    }

    public async Task<List<JourneyMap>> OfProcessAsync(int processId, CancellationToken cancellationToken = default) =>
        await db.Set<JourneyMap>().AsNoTracking().Where(m => m.ProcessId == processId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The contribution a signed-in person kept in their account for this map, if any.</summary>
    public async Task<int?> ContributionOfUserAsync(int mapId, string? userId, CancellationToken cancellationToken = default) =>
        userId is null
            ? null
            : await db.Set<JourneyContribution>().AsNoTracking()
                .Where(c => c.JourneyMapId == mapId && c.UserId == userId)
                .OrderByDescending(c => c.UpdatedAt)
                .Select(c => (int?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);

    private async Task<JourneyView?> ViewAsync(JourneyMap map, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await processes.FindAsync(map.ProcessId, cancellationToken);
        if (process is null)
        {
            return null;
        }
        return new JourneyView(map, process, await accessReader.ForAsync(user, process, cancellationToken));
    }
}

public static class JourneyPages
{
    /// <summary>
    /// Loads a map for a page and checks the action: a map the person may not see is not found, an action they may not
    /// take is refused (403, or sign-in first when anonymous).
    /// </summary>
    public static async Task<(JourneyView? Journey, IActionResult? Refusal)> LoadAsync(this JourneyDirectory directory, PageModel page, int id, JourneyAction action, CancellationToken cancellationToken)
    {
        var journey = await directory.FindAsync(id, page.User, cancellationToken);
        if (journey is null || !journey.Can(JourneyAction.View))
        {
            return (null, page.NotFound());
        }
        return journey.Can(action) ? (journey, null) : (journey, page.Denied());
    }

    /// <summary>The cookie that lets a browser offer "continue where you left off" for one map; it holds the resume token.</summary>
    public static string ResumeCookie(int mapId) => "cocreo.journey." + mapId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
