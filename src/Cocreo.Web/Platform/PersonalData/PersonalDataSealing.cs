using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cocreo.Web.Platform.PersonalData;

/// <summary>
/// An entity that keeps personal data sealed in the database and open in memory: it seals what changed before a save
/// and opens what was read. Capabilities write and read the open values as usual; only the sealed columns are mapped.
/// </summary>
public interface ISealsPersonalData
{
    /// <summary>Opens the sealed columns into the in-memory values (after the entity was read).</summary>
    void OpenPersonalData(PersonalDataSeal seal);

    /// <summary>Seals the in-memory values into the mapped columns if they changed, or were sealed with an older key; true when a column changed.</summary>
    bool SealPersonalData(PersonalDataSeal seal);
}

/// <summary>
/// Opens sealed personal data as entities are read and seals it as they are saved, for every query and save of the
/// app's database. The app uses the one <see cref="FromServices"/> instance, which finds the app's
/// <see cref="PersonalDataSeal"/> through the context's options: EF keeps an internal service provider per distinct
/// materialization interceptor, so an instance per app would make one per app (and, in a test run of many apps, too many).
/// </summary>
public sealed class PersonalDataSealing(PersonalDataSeal? seal = null) : SaveChangesInterceptor, IMaterializationInterceptor
{
    /// <summary>The interceptor of the app's contexts: the seal is the app's own service.</summary>
    public static PersonalDataSealing FromServices { get; } = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is ISealsPersonalData sealing)
        {
            sealing.OpenPersonalData(SealOf(materializationData.Context));
        }
        return entity;
    }

    private PersonalDataSeal SealOf(DbContext context) =>
        seal ?? context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<PersonalDataSeal>()
        ?? throw new InvalidOperationException("This database context has no personal-data seal: create it with the app's services, or give the interceptor a seal.");

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SealAll(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SealAll(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void SealAll(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var changed = false;
        foreach (var entry in context.ChangeTracker.Entries<ISealsPersonalData>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            {
                changed |= entry.Entity.SealPersonalData(SealOf(context));
            }
        }
        if (changed)
        {
            context.ChangeTracker.DetectChanges();
        }
    }
}
