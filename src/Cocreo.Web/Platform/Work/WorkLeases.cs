using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Platform.Work;

/// <summary>
/// A named piece of background work that one app instance at a time may do (a round of mixing, a schedule), held
/// until <see cref="Until"/>. Several instances on one database take turns through it instead of doing it twice.
/// </summary>
public sealed class WorkLease
{
    public string Name { get; init; } = "";
    public string Holder { get; set; } = "";
    public DateTime Until { get; set; }
}

internal sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> lease)
    {
        lease.ToTable("WorkLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(32);
    }
}

/// <summary>This app instance, as the holder of leases: a random id for the life of the process.</summary>
public sealed class AppInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>
/// Takes leases on background work. Taking is one conditional update (free, lapsed, or already ours), so of two
/// instances asking at once exactly one gets it: PostgreSQL re-checks the condition on the locked row, SQLite runs
/// one write at a time. The first ever take inserts the row; a parallel insert fails on its key and loses.
/// </summary>
public sealed class WorkLeases(CocreoDbContext db, AppInstance instance, TimeProvider clock)
{
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var me = instance.Id;
        var taken = await db.Set<WorkLease>()
            .Where(l => l.Name == name && (l.Until < now || l.Holder == me))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, me).SetProperty(x => x.Until, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Set<WorkLease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }
        db.Add(new WorkLease { Name = name, Holder = me, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives a lease back early (the work is done), so the next round need not wait for it to lapse.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var me = instance.Id;
        var past = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await db.Set<WorkLease>().Where(l => l.Name == name && l.Holder == me)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Until, past), cancellationToken);
    }
}
