using Microsoft.AspNetCore.Identity;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// Checking a password costs one slow hash. When there is no password to check (an unknown address, an account that
/// is not confirmed or has no password), the same hash is spent on a stand-in, so the time of the answer does not
/// tell which addresses have accounts.
/// </summary>
public sealed class DummyPassword(IPasswordHasher<CocreoUser> hasher)
{
    private static readonly CocreoUser Nobody = new();
    private static string? hash;

    public void Check(string password) =>
        hasher.VerifyHashedPassword(Nobody, hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")), password);
}
