using System.Security.Claims;
using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Starting and completing an assessment. When it belongs to a process, each is appended to the process's public log
/// in the same save as the change.
/// </summary>
public sealed class AssessmentLifecycle(CocreoDbContext db, AssessmentLog log, TimeProvider clock)
{
    /// <summary>Starts an assessment on the newest version of <paramref name="instrument"/>; saves it.</summary>
    public Task<OrganisationAssessment> StartAsync(
        int organisationId, int? processId, Instrument instrument, string title, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        db.RetryOnConflictAsync(async ct =>
        {
            var assessment = OrganisationAssessment.Start(organisationId, processId, instrument, title, user.UserId()!, clock.GetUtcNow().UtcDateTime);
            db.Add(assessment);
            await log.AppendAsync(processId, user, "assessment.started",
                new { instrument = instrument.Id, version = instrument.Version, title = assessment.Title }, ct);
            await db.SaveChangesAsync(ct);
            return assessment;
        }, cancellationToken);

    /// <summary>
    /// Saves answers through <paramref name="answer"/> (which changes tracked entities and returns false to refuse),
    /// unless the assessment is completed. Returns false when it was completed or <paramref name="answer"/> refused.
    /// </summary>
    /// <remarks>
    /// In the same transaction as the answers, the assessment's version token is replaced only if it is still open.
    /// That row update orders answering and completing: an answer after the completion finds it completed and is
    /// refused; a completion whose result was computed before an answer was saved finds the token changed and
    /// recomputes. So the recorded result always counts every saved answer. Answerers do not conflict with each
    /// other: the update does not check the token, it only waits for the row.
    /// </remarks>
    public Task<bool> AnswerAsync(int assessmentId, Func<CancellationToken, Task<bool>> answer, CancellationToken cancellationToken = default) =>
        db.RetryOnConflictAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = Guid.NewGuid();
            var open = await db.Set<OrganisationAssessment>()
                .Where(a => a.Id == assessmentId && a.CompletedAt == null)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Version, version), ct) == 1;
            if (!open || !await answer(ct))
            {
                return false;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Closes answering and records the result that <paramref name="score"/> computes from the assessment's own
    /// instrument version. Returns false when someone else completed it first.
    /// </summary>
    /// <exception cref="AssessmentRuleException">The scoring refused (e.g. nobody has finished answering).</exception>
    public Task<bool> CompleteAsync(
        int assessmentId, ClaimsPrincipal user, Func<OrganisationAssessment, Instrument, Completion> score, CancellationToken cancellationToken = default) =>
        db.RetryOnConflictAsync(async ct =>
        {
            var assessment = await db.Set<OrganisationAssessment>()
                .Include(a => a.Respondents).ThenInclude(r => r.Answers)
                .SingleAsync(a => a.Id == assessmentId, ct);
            if (assessment.IsCompleted)
            {
                return false;
            }
            var instrument = AssessmentInstruments.Of(assessment)
                ?? throw new AssessmentRuleException("InstrumentMissing");
            var completion = score(assessment, instrument);
            assessment.Complete(clock.GetUtcNow().UtcDateTime, completion.ResultJson);
            await log.AppendAsync(assessment.ProcessId, user, "assessment.completed", new
            {
                assessment = assessment.Id,
                instrument = assessment.InstrumentId,
                version = assessment.InstrumentVersion,
                title = assessment.Title,
                respondents = assessment.Respondents.Count(r => r.IsFinished),
                result = completion.LogSummary,
            }, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}

/// <summary>What completing records: the result as JSON, and the short summary the public log shows.</summary>
public sealed record Completion(string ResultJson, object? LogSummary);
