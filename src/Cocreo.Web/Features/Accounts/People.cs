using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The public service of Accounts for other capabilities: who people are, as others may see them.</summary>
public sealed class People(CocreoDbContext db, IStringLocalizer<AccountText> t)
{
    /// <summary>The name a person chose to be shown to others ("Former participant" once they deleted their account).</summary>
    public async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        Shown(await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken));

    /// <summary>The names people chose to be shown to others, by their ids (those without an account are left out).</summary>
    public async Task<Dictionary<string, string>> NamesOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken))
            .ToDictionary(p => p.Key, p => Shown(p.Value));

    /// <summary>A deleted account keeps its row without a name.</summary>
    private string Shown(string name) => name.Length == 0 ? t["Former participant"] : name;

    /// <summary>The account with this e-mail address (its id and shown name), if there is one.</summary>
    public async Task<(string Id, string Name)?> WithEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : (person.Id, person.DisplayName);
    }
}
