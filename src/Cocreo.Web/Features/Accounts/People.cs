using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The public service of Accounts for other capabilities: who people are, as others may see them.</summary>
public sealed class People(CocreoDbContext db)
{
    /// <summary>The name a person chose to be shown to others.</summary>
    public async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);

    /// <summary>The names people chose to be shown to others, by their ids (those without an account are left out).</summary>
    public async Task<Dictionary<string, string>> NamesOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    /// <summary>The account with this e-mail address (its id and shown name), if there is one.</summary>
    public async Task<(string Id, string Name)?> WithEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : (person.Id, person.DisplayName);
    }
}
