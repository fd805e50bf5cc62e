using System.Security.Claims;

namespace Cocreo.Web.Features.Amendments;

/// <summary>The versions of an amendable thing for a page or the API, after its owner let the reader read it.</summary>
public sealed class VersionHistory(AmendmentTargetDirectory targets, TextVersions versions)
{
    public async Task<(AmendableSubject Subject, IReadOnlyList<VersionView> Versions)> ReadAsync(string kind, int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = await targets.ReadAsync(kind, id, user, cancellationToken);
        return (subject, await versions.ListAsync(kind, id, subject.Original, cancellationToken));
    }
}
