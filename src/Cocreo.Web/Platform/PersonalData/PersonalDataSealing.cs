using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

/// <summary>Opens sealed personal data as entities are read and seals it as they are saved, for every query and save of the app's database.</summary>
public sealed class PersonalDataSealing(PersonalDataSeal seal) : SaveChangesInterceptor, IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is ISealsPersonalData sealing)
        {
            sealing.OpenPersonalData(seal);
        }
        return entity;
    }

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
                changed |= entry.Entity.SealPersonalData(seal);
            }
        }
        if (changed)
        {
            context.ChangeTracker.DetectChanges();
        }
    }
}
