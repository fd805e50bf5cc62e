using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// While no platform administrator exists, a one-time token printed to the console lets the person who runs the
/// server make their own account the first administrator. There is never a default password.
/// </summary>
public sealed partial class SetupToken(ILogger<SetupToken> logger)
{
    private readonly Lock gate = new();
    private string? token;

    public bool IsValid(string? candidate)
    {
        lock (gate)
        {
            return token is not null && candidate is not null &&
                CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(candidate));
        }
    }

    public void Consume()
    {
        lock (gate)
        {
            token = null;
        }
    }

    /// <summary>Issues a token when there is no administrator yet, and prints where to use it.</summary>
    public async Task IssueIfNoAdministratorAsync(UserManager<CocreoUser> users, string baseUrl)
    {
        if ((await users.GetUsersInRoleAsync(CocreoUser.PlatformAdminRole)).Count > 0)
        {
            return;
        }
        lock (gate)
        {
            token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            LogSetup(logger, $"{baseUrl.TrimEnd('/')}/setup?token={token}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No platform administrator yet. Register an account, then open {SetupUrl} to make it the administrator (one-time link; or run `cocreo admin create`).")]
    private static partial void LogSetup(ILogger logger, string setupUrl);
}
