using System.CommandLine;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Platform.PersonalData;

/// <summary>
/// <c>Cocreo.Web personal-data create-key | add-key | reseal</c>: the key that seals personal data at rest, its
/// rotation, and re-sealing what an older key (or a migration, which has no key) left.
/// </summary>
public static class PersonalDataCommandLine
{
    public static Command Command(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = new Option<string?>("--path") { Description = "The key file (default: PersonalData:KeyPath)." };
        string KeyFile(ParseResult parse) => parse.GetValue(path) ?? PersonalDataSeal.PathOf(Options(configuration), environment);

        var create = new Command("create-key", "Create the key file that seals personal data (once; every instance reads the same file).") { path };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var file = KeyFile(parse);
            if (File.Exists(file))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{file} exists already: replacing it would make every sealed value unreadable. To change keys, use `personal-data add-key`, then `personal-data reseal`.");
                return 1;
            }
            var id = PersonalDataSeal.AddKey(file);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Created the personal-data key file {file} with key {id} (readable by its owner only). Back it up apart from the database, and give every instance the same file.");
            return 0;
        });

        var add = new Command("add-key", "Add a new key that seals from now on; the older ones still open what they sealed until `reseal` has run.") { path };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var file = KeyFile(parse);
            if (!File.Exists(file))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(PersonalDataSeal.MissingKey(file));
                return 1;
            }
            var id = PersonalDataSeal.AddKey(file);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Added key {id} to {file}. Restart every instance with this file, then run `personal-data reseal`; remove an older key only after that.");
            return 0;
        });

        var reseal = new Command("reseal", "Seal again, with the newest key, every piece of personal data sealed with an older key or not yet sealed.") { path };
        reseal.SetAction(async (parse, cancellationToken) =>
        {
            var seal = new PersonalDataSeal(PersonalDataSeal.Load(KeyFile(parse), create: false));
            await using var db = DatabaseConnection.From(configuration, environment.ContentRootPath).CreateContext(new PersonalDataSealing(seal));
            var count = await ResealAsync(db, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Re-sealed {count} records with key {seal.CurrentKeyId}.");
            return 0;
        });

        return new Command("personal-data", "The key that seals personal data at rest.") { create, add, reseal };
    }

    /// <summary>
    /// Loads every entity that seals personal data, 500 at a time, and saves it: the sealing interceptor re-seals what
    /// is not under the current key. Returns how many were re-sealed.
    /// </summary>
    public static async Task<int> ResealAsync(CocreoDbContext db, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(ISealsPersonalData).IsAssignableFrom(t.ClrType)))
        {
            var key = type.FindPrimaryKey()?.Properties is [{ ClrType: var keyType, Name: var keyName }] && keyType == typeof(int)
                ? keyName
                : throw new InvalidOperationException($"{type.ClrType.Name} seals personal data but has no single int key to page by.");
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            var after = 0;
            while (true)
            {
                var batch = await set.Where(e => EF.Property<int>(e, key) > after).OrderBy(e => EF.Property<int>(e, key)).Take(500).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                total += await db.SaveChangesAsync(cancellationToken);
                after = (int)db.Entry(batch[^1]).Property(key).CurrentValue!;
                db.ChangeTracker.Clear();
            }
        }
        return total;
    }

    private static PersonalDataOptions Options(IConfiguration configuration) =>
        configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
}
