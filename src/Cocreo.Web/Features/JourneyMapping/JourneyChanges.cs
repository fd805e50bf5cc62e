using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>How a change to a journey map ended.</summary>
public sealed record ChangeOutcome(ChangeResult Result, string? RuleCode = null)
{
    public static ChangeOutcome Done { get; } = new(ChangeResult.Done);
    public static ChangeOutcome NotFound { get; } = new(ChangeResult.NotFound);
    public static ChangeOutcome Denied { get; } = new(ChangeResult.Denied);

    public static ChangeOutcome Broken(string code) => new(ChangeResult.Broken, code);
}

public enum ChangeResult
{
    Done,
    NotFound,
    Denied,
    Broken,
}

/// <summary>What a change can use: the tracked map and process, and the log (entries go in the same save).</summary>
public sealed class JourneyChange(JourneyMap map, Process process, LogActor actor, ProcessLog log, DateTime now)
{
    public JourneyMap Map => map;
    public Process Process => process;
    public LogActor Actor => actor;
    public DateTime Now => now;

    public void Log(string action, object data) => log.Append(process, actor, action, data);
}

/// <summary>
/// Runs a change to a journey map the way every process change runs: permission checked on fresh data, the change
/// and its log entry saved together, and the whole tried again if another change to the process won the race.
/// </summary>
public sealed class JourneyChanges(CocreoDbContext db, JourneyDirectory directory, ProcessDirectory processes, ProcessAccessReader accessReader, ProcessLog log, TimeProvider clock)
{
    public async Task<ChangeOutcome> RunAsync(int mapId, ClaimsPrincipal user, JourneyAction action, Func<JourneyChange, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        try
        {
            return await db.RetryOnConflictAsync(async ct =>
            {
                var map = await directory.Maps(tracked: true).SingleOrDefaultAsync(m => m.Id == mapId, ct);
                if (map is null)
                {
                    return ChangeOutcome.NotFound;
                }
                var process = await processes.FindForChangeAsync(map.ProcessId, user.UserId(), ct);
                if (process is null)
                {
                    return ChangeOutcome.NotFound;
                }
                var access = await accessReader.ForAsync(user, process, ct);
                var subject = JourneySubject.Of(process, map);
                if (!JourneyPermissions.Allows(JourneyAction.View, subject, access))
                {
                    return ChangeOutcome.NotFound;
                }
                if (!JourneyPermissions.Allows(action, subject, access))
                {
                    return ChangeOutcome.Denied;
                }
                var actor = await LegacyChanges.ActorAsync(db, process, user, ct);
                await change(new JourneyChange(map, process, actor, log, clock.GetUtcNow().UtcDateTime), ct);
                await db.SaveChangesAsync(ct);
                return ChangeOutcome.Done;
            }, cancellationToken);
        }
        catch (JourneyRuleException rule)
        {
            // Nothing of a refused change may be saved by a later save in this request.
            db.ChangeTracker.Clear();
            return ChangeOutcome.Broken(rule.Code);
        }
    }
}

public static class ChangeOutcomes
{
    /// <summary>The page's answer to a change that did not happen; null when it was done.</summary>
    public static IActionResult? Refusal(this PageModel page, ChangeOutcome outcome) => outcome.Result switch
    {
        ChangeResult.NotFound => page.NotFound(),
        ChangeResult.Denied => page.Denied(),
        _ => null,
    };
}
