using System.Security.Claims;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Assessments;

/// <summary>A command about one assessment.</summary>
public interface IAssessmentCommand
{
    int AssessmentId { get; }
}

/// <summary>A command that starts something in an organisation's toolkit, optionally belonging to one of its processes.</summary>
public interface IToolkitCommand
{
    int OrganisationId { get; }

    int? ProcessId { get; }
}

/// <summary>
/// The shape of a change to one assessment: the runner loads the assessment named by the command (of
/// <paramref name="instrumentId"/> when set, with <paramref name="answers"/>) for the change and asks
/// <see cref="AssessmentPermissions"/> about <paramref name="action"/>; the handler only makes the change.
/// </summary>
public abstract class AssessmentChange<TCommand, TResult>(AssessmentAccessReader assessments, AssessmentAction action, string? instrumentId = null, AnswersLoaded answers = AnswersLoaded.None)
    : IChange<TCommand, AssessmentTarget, TResult>
    where TCommand : IAssessmentCommand
{
    public Task<AssessmentTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        assessments.ForChangeAsync(command.AssessmentId, user, instrumentId, answers, cancellationToken);

    public virtual Decision Decide(AssessmentTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<AssessmentTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// The shape of a change that starts something in an organisation's toolkit (an assessment, a comparison): the runner
/// loads the toolkit with the process named by the command and asks whether the person may start; a process that is
/// not one of the organisation's is refused on the form; the handler only starts.
/// </summary>
public abstract class ToolkitChange<TCommand, TResult>(AssessmentAccessReader assessments) : IChange<TCommand, ToolkitTarget, TResult>
    where TCommand : IToolkitCommand
{
    public Task<ToolkitTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        assessments.ToolkitForChangeAsync(command.OrganisationId, command.ProcessId, user, cancellationToken);

    public Decision Decide(ToolkitTarget target, TCommand command) => target.Decide(AssessmentAction.Start);

    public Task<TResult> RunAsync(Change<ToolkitTarget> change, TCommand command, CancellationToken cancellationToken) =>
        change.Target.ProcessIsElsewhere ? throw new AssessmentRuleException("ProcessElsewhere") : StartAsync(change, command, cancellationToken);

    /// <summary>Starts what the command asks for in the toolkit of <c>change.Target</c>, logging it to the process it belongs to (if any).</summary>
    protected abstract Task<TResult> StartAsync(Change<ToolkitTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>How the toolkit's changes write to the public log.</summary>
public static class ToolkitLog
{
    /// <summary>
    /// Appends an entry naming the person to the log of the process the change's subject belongs to; a subject of no
    /// process is the organisation's own business, and nothing is logged.
    /// </summary>
    public static void LogToProcess<TTarget>(this Change<TTarget> change, string action, object data) where TTarget : class, IChangeTarget
    {
        if (change.Target.LogProcessId is not null)
        {
            change.Log(action, data);
        }
    }
}
