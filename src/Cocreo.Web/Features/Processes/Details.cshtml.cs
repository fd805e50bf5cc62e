using Cocreo.Web.Data;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Shared.Hosting;
using Cocreo.Web.Shared.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>The public page of a process: what it is about, what is in scope, where it stands, and how to take part.</summary>
public sealed class DetailsModel(
    CocreoDbContext db,
    ProcessDirectory directory,
    ProcessAccessReader accessReader,
    OrganisationMembership organisations,
    ProcessLog log,
    TimeProvider clock,
    IStringLocalizer<ProcessText> t) : PageModel
{
    public Process Process { get; private set; } = null!;
    public LocalizedProcess Localized { get; private set; } = null!;
    public ProcessAccess Access { get; private set; } = ProcessAccess.Anonymous;
    public OrganisationSummary? Organisation { get; private set; }
    public int ParticipantCount { get; private set; }
    public List<Announcement> Announcements { get; private set; } = [];
    public List<ProcessLogEntry> RecentLog { get; private set; } = [];

    public bool Can(ProcessAction action) => ProcessPermissions.Allows(action, Process, Access);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var process = await directory.FindAsync(id, cancellationToken);
        if (process is null)
        {
            return NotFound();
        }
        Process = process;
        Access = await accessReader.ForAsync(User, process, cancellationToken);
        if (!Can(ProcessAction.View))
        {
            return NotFound();
        }
        Localized = LocalizedProcess.Of(process, Cultures.Current);
        Organisation = await organisations.SummaryAsync(process.OrganisationId, cancellationToken);
        ParticipantCount = await directory.ParticipantCountAsync(id, cancellationToken);
        Announcements = await db.Set<Announcement>().AsNoTracking()
            .Where(a => a.ProcessId == id).OrderByDescending(a => a.PublishedAt).Take(5).ToListAsync(cancellationToken);
        RecentLog = await db.Set<ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == id).OrderByDescending(e => e.Sequence).Take(5).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null)
        {
            return Challenge();
        }
        var outcome = await db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, userId, ct);
            if (process is null)
            {
                return JoinOutcome.NotFound;
            }
            var access = await accessReader.ForAsync(User, process, ct);
            if (!ProcessPermissions.Allows(ProcessAction.View, process, access))
            {
                return JoinOutcome.NotFound;
            }
            if (access.Role is not null)
            {
                return JoinOutcome.AlreadyMember;
            }
            if (!ProcessPermissions.Allows(ProcessAction.Join, process, access))
            {
                return JoinOutcome.Denied;
            }
            process.Join(userId, ProcessRole.Participant, clock.GetUtcNow().UtcDateTime);
            log.Append(process, LogActor.Private("participant"), "member.joined", new { role = "participant" });
            // A parallel join by the same person fails on the unique membership key and is retried: the fresh read
            // then finds the membership.
            await db.SaveChangesAsync(ct);
            return JoinOutcome.Joined;
        }, cancellationToken);

        switch (outcome)
        {
            case JoinOutcome.NotFound:
                return NotFound();
            case JoinOutcome.Denied:
                return this.Denied();
            case JoinOutcome.Joined:
                TempData["Status"] = t["You joined the process. Welcome!"].Value;
                break;
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null)
        {
            return Challenge();
        }
        string? problem = null;
        var outcome = await db.RetryOnConflictAsync(async ct =>
        {
            var process = await directory.FindForChangeAsync(id, userId, ct);
            if (process is null)
            {
                return JoinOutcome.NotFound;
            }
            var access = await accessReader.ForAsync(User, process, ct);
            if (!ProcessPermissions.Allows(ProcessAction.View, process, access))
            {
                return JoinOutcome.NotFound;
            }
            if (!ProcessPermissions.Allows(ProcessAction.Leave, process, access))
            {
                return JoinOutcome.Denied;
            }
            try
            {
                process.Leave(userId);
            }
            catch (ProcessRuleException rule)
            {
                problem = rule.Code;
                return JoinOutcome.Denied;
            }
            var role = access.Role!.Value;
            log.Append(process, role is ProcessRole.Participant or ProcessRole.Observer
                ? LogActor.Private(RoleCode(role))
                : LogActor.Named(await DisplayNameAsync(userId, ct), RoleCode(role)), "member.left", new { role = RoleCode(role) });
            await db.SaveChangesAsync(ct);
            return JoinOutcome.Joined;
        }, cancellationToken);

        if (outcome == JoinOutcome.NotFound)
        {
            return NotFound();
        }
        if (problem is not null)
        {
            TempData["Status"] = t[ProcessRules.Message(problem)].Value;
            return RedirectToPage(new { id });
        }
        if (outcome == JoinOutcome.Denied)
        {
            return this.Denied();
        }
        TempData["Status"] = t["You left the process."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<string> DisplayNameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);

    public static string RoleCode(ProcessRole role) => role.ToString().ToLowerInvariant();

    private enum JoinOutcome
    {
        Joined,
        AlreadyMember,
        NotFound,
        Denied,
    }
}
