using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Appends a toolkit change to the public log of the process it belongs to (if any), in the unit of work of the
/// change: the caller saves both at once. Staff act in public and are named.
/// </summary>
public sealed class AssessmentLog(CocreoDbContext db, ProcessDirectory processes, ProcessLog log)
{
    public async Task AppendAsync(int? processId, ClaimsPrincipal user, string action, object data, CancellationToken cancellationToken = default)
    {
        if (processId is not { } id)
        {
            return;
        }
        var process = await processes.FindForChangeAsync(id, user.UserId(), cancellationToken)
            ?? throw new InvalidOperationException($"Process {id} of a toolkit change does not exist.");
        log.Append(process, await LegacyChanges.ActorAsync(db, process, user, cancellationToken), action, data);
    }
}
