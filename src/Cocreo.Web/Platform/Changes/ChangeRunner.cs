using System.Security.Claims;
using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// The one pipeline every change goes through. For each attempt: load the target on fresh data, ask its permission,
/// run the handler, append its log entries, save — one transaction. When the save loses a race (a stale version of
/// the process or of its log head, a unique key taken by a parallel request), everything is forgotten and the attempt
/// starts again from the load, so the permission is asked again on what is now true. A refused change throws
/// <see cref="RefusedException"/>, which the page and endpoint filters answer; nothing of it is saved.
/// </summary>
public sealed class ChangeRunner(CocreoDbContext db, ProcessLog log, LogCheckpoints checkpoints, IHttpContextAccessor http, TimeProvider clock, IEnumerable<IChangeGuard> guards)
{
    // Each round of a conflict lets one writer through, so the limit allows a crowd joining at once.
    private const int Attempts = 30;

    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    /// <summary>Runs a change as the person of the current request.</summary>
    public Task<TResult> RunAsync<TCommand, TTarget, TResult>(IChange<TCommand, TTarget, TResult> handler, TCommand command, CancellationToken cancellationToken)
        where TTarget : class, IChangeTarget =>
        RunAsync(handler, command, http.HttpContext?.User ?? Nobody, cancellationToken);

    /// <summary>Runs a change as <paramref name="user"/> (a background job names its own principal).</summary>
    public async Task<TResult> RunAsync<TCommand, TTarget, TResult>(IChange<TCommand, TTarget, TResult> handler, TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken)
        where TTarget : class, IChangeTarget
    {
        // The id of the form this request posted, else the one the command carries (an API client's).
        var submissionId = TakeFormSubmission() ?? ((command as ISubmittedOnce)?.SubmissionId is { } id && id != Guid.Empty ? id : null);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (submissionId is { } earlierId && await EarlierResultAsync(earlierId, cancellationToken) is { } earlier)
                {
                    if (earlier.Length > 0)
                    {
                        return JsonSerializer.Deserialize<TResult>(earlier)!;
                    }
                    // The id is held by a submission that made no change through here: this change is not tied to it.
                    submissionId = null;
                }
                var result = await AttemptAsync(handler, command, user, submissionId, cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                await ForgetAsync();
                await Task.Delay(Random.Shared.Next(5, 25) * Math.Min(attempt, 8), cancellationToken);
            }
            catch (RuleException rule)
            {
                await ForgetAsync();
                throw new RefusedException(rule.ToRefusal());
            }
            catch
            {
                await ForgetAsync();
                throw;
            }
        }
    }

    private async Task<TResult> AttemptAsync<TCommand, TTarget, TResult>(IChange<TCommand, TTarget, TResult> handler, TCommand command, ClaimsPrincipal user, Guid? submissionId, CancellationToken cancellationToken)
        where TTarget : class, IChangeTarget
    {
        var target = await handler.LoadAsync(command, user, cancellationToken) ?? throw new RefusedException(Refusal.NotFound);
        foreach (var guard in guards)
        {
            RefusedException.Unless(await guard.DecideAsync(target, user, cancellationToken), user.Identity?.IsAuthenticated == true);
        }
        RefusedException.Unless(handler.Decide(target, command), user.Identity?.IsAuthenticated == true);
        var change = new Change<TTarget>(target, db, log, checkpoints, clock.GetUtcNow().UtcDateTime);
        await change.PrepareAsync(cancellationToken);
        var result = await handler.RunAsync(change, command, cancellationToken);
        if (submissionId is { } id)
        {
            // Claimed in the same save as the change: a parallel duplicate fails on the key and, tried again, finds this result.
            db.Add(new FormSubmission { Id = id, Result = JsonSerializer.Serialize(result), CreatedAt = change.Now, UserId = user.UserId() });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
        change.Committed();
        return result;
    }

    /// <summary>
    /// The submission id of the form this request posted (<see cref="SubmittedOncePageFilter"/>), for the first change
    /// the request runs; a page that runs a second change runs it without one.
    /// </summary>
    private Guid? TakeFormSubmission()
    {
        if (http.HttpContext?.Items is { } items && items.Remove(SubmittedOncePageFilter.ItemKey, out var value) && value is Guid id)
        {
            return id;
        }
        return null;
    }

    /// <summary>The stored result (JSON) of an earlier use of the submission id, "" when it made no change, null when there was none.</summary>
    private Task<string?> EarlierResultAsync(Guid submissionId, CancellationToken cancellationToken) =>
        db.Set<FormSubmission>().AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => s.Result)
            .SingleOrDefaultAsync(cancellationToken);

    private async Task ForgetAsync()
    {
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await transaction.DisposeAsync();
        }
        db.ChangeTracker.Clear();
    }
}
