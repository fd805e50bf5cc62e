using System.Security.Claims;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// A check that every change passes, whatever its capability, after its target is loaded (fresh, inside the retry)
/// and before the capability's own permission is asked: for example that the organisation a process belongs to is
/// not suspended by the platform. A capability registers one in its services; the first refusal wins.
/// </summary>
public interface IChangeGuard
{
    Task<Decision> DecideAsync(IChangeTarget target, ClaimsPrincipal user, CancellationToken cancellationToken);
}
