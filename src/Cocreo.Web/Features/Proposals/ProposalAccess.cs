using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>A command about a process's proposals as a whole (settings, a new proposal).</summary>
public interface IProcessProposalsCommand
{
    int ProcessId { get; }
}

/// <summary>A command about one proposal of a process.</summary>
public interface IProcessProposalCommand
{
    int ProposalId { get; }
}

/// <summary>A process loaded for a change to its proposals, with its proposal settings (null: not turned on).</summary>
public sealed record ProposalsTarget(ProcessTarget Process, ProposalSettings? Settings) : IChangeTarget
{
    public int? LogProcessId => Process.Process.Id;

    public LogActor Actor => Process.Actor;

    public ProcessAccess Access => Process.Access;

    public Decision Decide(ProposalAction action, Proposal? proposal = null) =>
        ProposalPermissions.Decide(action, Process.Process, Process.Access, Settings, proposal);

    /// <summary>A participant's own change is logged by role only.</summary>
    public static LogActor Participant { get; } = LogActor.Private("participant");
}

/// <summary>One proposal of a process loaded for a change, tracked, with its process and settings.</summary>
public sealed record ProcessProposalTarget(ProposalsTarget Proposals, Proposal Proposal) : IChangeTarget
{
    /// <summary>The accounts that accepted an invitation to write the proposal with its author.</summary>
    public IReadOnlyCollection<string> CoAuthors { get; init; } = [];

    /// <summary>Whether the person asking is the proposal's author or a co-author.</summary>
    public bool IsWriter => Proposals.Access.UserId is { } user && (Proposal.AuthorUserId == user || CoAuthors.Contains(user));

    public int? LogProcessId => Proposals.LogProcessId;

    public LogActor Actor => Proposals.Actor;

    public ProposalSettings Settings => Proposals.Settings!;

    public Decision Decide(ProposalAction action) => Proposals.Decide(action, Proposal);
}

/// <summary>A process's proposals as a page reads them: the process, who reads, the settings.</summary>
public sealed record ProposalsView(ProcessView Process, ProposalSettings? Settings)
{
    public bool Can(ProposalAction action, Proposal? proposal = null) =>
        ProposalPermissions.Decide(action, Process.Process, Process.Access, Settings, proposal).IsAllowed;
}

/// <summary>Opens a process's proposals for a page or a change: the one place targets are built.</summary>
public sealed class ProposalAccess(CocreoDbContext db, ProcessAccessReader processes)
{
    /// <summary>A proposal of a process, untracked, or null (budget projects are not).</summary>
    public Task<Proposal?> FindAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId && p.BudgetId == null, cancellationToken);

    /// <summary>Whether the process's team turned proposals on.</summary>
    public Task<bool> IsOnAsync(int processId, CancellationToken cancellationToken) =>
        db.Set<ProposalSettings>().AnyAsync(s => s.ProcessId == processId, cancellationToken);

    public async Task<ProposalsTarget?> ForChangeAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var process = await processes.ForChangeAsync(processId, user, cancellationToken);
        if (process is null)
        {
            return null;
        }
        var settings = await db.Set<ProposalSettings>().SingleOrDefaultAsync(s => s.ProcessId == processId, cancellationToken);
        return new ProposalsTarget(process, settings);
    }

    /// <summary>A proposal of a process (never a budget project: 404) for a change; null when there is none.</summary>
    public async Task<ProcessProposalTarget?> ForProposalChangeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == proposalId && p.BudgetId == null, cancellationToken);
        var target = proposal is null ? null : await ForChangeAsync(proposal.ProcessId, user, cancellationToken);
        return target is null ? null : new ProcessProposalTarget(target, proposal!) { CoAuthors = await CoAuthorsAsync(proposal!.Id, cancellationToken) };
    }

    /// <summary>The accounts that write the proposal with its author.</summary>
    public async Task<IReadOnlyCollection<string>> CoAuthorsAsync(int proposalId, CancellationToken cancellationToken) =>
        await db.Set<ProposalCoAuthor>().Where(c => c.ProposalId == proposalId && c.UserId != null && c.UserId != "").Select(c => c.UserId!).ToListAsync(cancellationToken);

    /// <summary>An invitation by the secret of its link, with its proposal loaded for a change; null when there is none.</summary>
    public async Task<(ProcessProposalTarget Target, ProposalCoAuthor Invitation)?> ForInvitationChangeAsync(string token, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var hash = ProposalCoAuthor.Hash(token);
        var invitation = await db.Set<ProposalCoAuthor>().SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        var target = invitation is null ? null : await ForProposalChangeAsync(invitation.ProposalId, user, cancellationToken);
        return target is null ? null : (target, invitation!);
    }

    /// <summary>Opens a process's proposals for a page; refuses (throws) when the reader may not <paramref name="action"/>.</summary>
    /// <paramref name="orTeam"/>: also the team of a process whose proposals are not turned on yet (to turn them on).
    public async Task<ProposalsView> ReadAsync(int processId, ClaimsPrincipal user, ProposalAction action = ProposalAction.View, CancellationToken cancellationToken = default, bool orTeam = false)
    {
        var process = await processes.ReadAsync(processId, user, ProcessAction.View, cancellationToken);
        var settings = await db.Set<ProposalSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ProcessId == processId, cancellationToken);
        if (!(orTeam && settings is null && ProposalPermissions.Decide(ProposalAction.Configure, process.Process, process.Access, null).IsAllowed))
        {
            RefusedException.Unless(ProposalPermissions.Decide(action, process.Process, process.Access, settings), process.Access.IsAuthenticated);
        }
        return new ProposalsView(process, settings);
    }

    /// <summary>One proposal of a process for a page, with its process; refuses (404) a budget project or a proposal of another process.</summary>
    public async Task<(ProposalsView View, Proposal Proposal)> ReadProposalAsync(int processId, int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var proposal = RefusedException.IfMissing(await db.Set<Proposal>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.ProcessId == processId && p.BudgetId == null, cancellationToken));
        return (await ReadAsync(processId, user, ProposalAction.View, cancellationToken), proposal);
    }
}

/// <summary>The shape of a change to a process's proposals as a whole.</summary>
public abstract class ProposalsChange<TCommand, TResult>(ProposalAccess access, ProposalAction action) : IChange<TCommand, ProposalsTarget, TResult>
    where TCommand : IProcessProposalsCommand
{
    public Task<ProposalsTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForChangeAsync(command.ProcessId, user, cancellationToken);

    public virtual Decision Decide(ProposalsTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<ProposalsTarget> change, TCommand command, CancellationToken cancellationToken);
}

/// <summary>The shape of a change to one proposal of a process: decided on the proposal as it is now.</summary>
public abstract class ProcessProposalChange<TCommand, TResult>(ProposalAccess access, ProposalAction action) : IChange<TCommand, ProcessProposalTarget, TResult>
    where TCommand : IProcessProposalCommand
{
    public Task<ProcessProposalTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.ForProposalChangeAsync(command.ProposalId, user, cancellationToken);

    public virtual Decision Decide(ProcessProposalTarget target, TCommand command) => target.Decide(action);

    public abstract Task<TResult> RunAsync(Change<ProcessProposalTarget> change, TCommand command, CancellationToken cancellationToken);
}
