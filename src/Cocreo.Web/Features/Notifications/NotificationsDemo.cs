using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The demo city's notifications: the first resident follows the first budget as well as the processes they take
/// part in, and the demo logs are read from their start, so the demo people have the notifications their history
/// made; all were e-mailed already (demo people have no mailbox), and the resident's newest three are unread.
/// </summary>
public sealed class NotificationsDemo(CocreoDbContext db, Following following, NotificationFanOut fanOut) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var resident = city.Citizens[0];
        if (await db.Set<Budget>().Where(b => b.IsDemo).OrderBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellationToken) is { } budgetId
            && await following.FindAsync(FollowKind.Budget, budgetId, cancellationToken) is { } budget)
        {
            await following.ChooseAsync(resident.Id, budget, true, cancellationToken);
        }
        foreach (var processId in await db.Set<Process>().Where(p => p.IsDemo && p.OrganisationId == city.OrganisationId).Select(p => p.Id).ToListAsync(cancellationToken))
        {
            await fanOut.CatchUpAsync(processId, cancellationToken);
        }
        var now = city.Time.Now;
        await db.Set<Notification>().Where(n => n.EmailedAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedAt, now), cancellationToken);
        var newest = await db.Set<Notification>().Where(n => n.UserId == resident.Id)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(3).Select(n => n.Id).ToListAsync(cancellationToken);
        await db.Set<Notification>().Where(n => n.ReadAt == null && !newest.Contains(n.Id)).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
    }
}
