using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>One role of a block on the roles form: the role (none: removed) and who takes it (an account id from the list; empty: nobody yet).</summary>
public sealed class RoleRow
{
    public FacilitationRole? Role { get; set; }
    public string? Person { get; set; }
}

/// <summary>
/// Who can take a role in a meeting's blocks: the process's team (owner and facilitators) and the people registered
/// for the meeting with a place, by display name (never e-mail), in name order.
/// </summary>
public sealed class RunSheetPeople(CocreoDbContext db)
{
    public async Task<IReadOnlyList<(string Id, string Name)>> ForAsync(int meetingId, int processId, CancellationToken cancellationToken)
    {
        var team = db.Set<ProcessMember>().Where(m => m.ProcessId == processId && (m.Role == ProcessRole.Owner || m.Role == ProcessRole.Facilitator)).Select(m => m.UserId);
        var registered = db.Set<MeetingRegistration>().Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered && r.UserId != null).Select(r => r.UserId!);
        var ids = await team.Union(registered).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).Select(p => (p.Id, p.DisplayName)).ToList();
    }

    /// <summary>The display names of the people assigned to roles in the sheet, by account id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(RunSheet sheet, CancellationToken cancellationToken)
    {
        var ids = sheet.Blocks.SelectMany(b => b.Roles).Select(r => r.AssigneeId).OfType<string>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}

/// <summary>
/// The team assigns a block's roles (lead facilitator, table hosts, conveners...) to people of the process's team or
/// registered for the meeting, by name; the change goes through the run sheet's path (a <see cref="ChangeBlock"/> on the
/// version the form was drawn on). The facilitators' phone view then shows who does what.
/// </summary>
public sealed class RunSheetRolesModel(MeetingAccessReader meetings, RunSheetStore sheets, RunSheetPeople people, ChangeRunner changes, IStringLocalizer<RunSheetText> t) : PageModel
{
    [BindProperty]
    public List<RoleRow> Roles { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public MeetingView View { get; private set; } = null!;
    public RunSheet Sheet { get; private set; } = null!;
    public RunSheetBlock Block { get; private set; } = null!;
    public IReadOnlyList<(string Id, string Name)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int blockId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, blockId, cancellationToken);
        Roles = Block.Roles.Select(r => new RoleRow { Role = r.Role, Person = r.AssigneeId }).Append(new RoleRow()).ToList();
        Version = Sheet.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int blockId, [FromServices] ChangeRunSheet.Handler handler, CancellationToken cancellationToken)
    {
        await LoadAsync(id, blockId, cancellationToken);
        var known = People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var roles = new List<BlockRole>();
        for (var i = 0; i < Roles.Count; i++)
        {
            var row = Roles[i];
            if (row.Role is not { } role || !Enum.IsDefined(role))
            {
                continue;
            }
            var person = string.IsNullOrWhiteSpace(row.Person) ? null : row.Person;
            if (person is not null && !known.Contains(person) && Block.Roles.All(r => r.AssigneeId != person))
            {
                ModelState.AddModelError($"Roles[{i}].Person", t["Choose someone from the list: the process's team or people registered for the meeting."]);
            }
            roles.Add(new BlockRole(role, person));
        }
        if (roles.Count > RunSheetLimits.Roles)
        {
            ModelState.AddModelError("", t["A block has at most 30 roles."]);
        }
        if (!ModelState.IsValid)
        {
            Roles = Roles.Where(r => r.Role is not null).Append(new RoleRow()).ToList();
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var answer = await changes.RunAsync(handler, new ChangeRunSheet.Command(id, Version, new ChangeBlock(Block.Id, Block.ToDraft() with { Roles = roles })), cancellationToken);
        if (answer.Applied)
        {
            return this.Done(t["The block's roles were saved."], $"/meetings/{id}/run-sheet#block-{Block.Id}");
        }
        Sheet = await sheets.FindAsync(id, cancellationToken) ?? Sheet;
        ModelState.Remove(nameof(Version));
        Version = Sheet.Version;
        Roles = Roles.Where(r => r.Role is not null).Append(new RoleRow()).ToList();
        return new PageResult { StatusCode = RunSheetPages.Refused(answer, ModelState, t) };
    }

    private async Task LoadAsync(int id, int blockId, CancellationToken cancellationToken)
    {
        View = await meetings.ReadAsync(id, User, RunSheetPermissions.Plan, cancellationToken);
        Sheet = RefusedException.IfMissing(await sheets.FindAsync(id, cancellationToken));
        Block = RefusedException.IfMissing(Sheet.Find(blockId));
        People = await people.ForAsync(id, View.Process.Id, cancellationToken);
    }
}
