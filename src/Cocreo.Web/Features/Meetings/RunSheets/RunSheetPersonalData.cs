using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// Where run sheets hold an account id: a block's role given to the person, and a session of an Open Space grid they
/// convene. The export lists them; deleting the account takes the id out of every sheet (the role stays, given to
/// nobody; the session and its report stay, convened by nobody) and moves the sheet's version on, so forms drawn before
/// are refused as conflicts.
/// </summary>
public sealed class RunSheetPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "runSheets";

    public override IReadOnlyCollection<string> Columns { get; } = [];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = new List<object>();
        foreach (var (meetingId, sheet) in await SheetsOfAsync(userId, tracked: false, cancellationToken))
        {
            rows.AddRange(sheet.Blocks.SelectMany(b => b.Roles.Where(r => r.AssigneeId == userId).Select(r => (object)new { meeting = meetingId, block = b.Title, role = r.Role.ToString() })));
            rows.AddRange((sheet.Grid?.Sessions ?? []).Where(s => s.ConvenerId == userId).Select(s => (object)new { meeting = meetingId, convenes = s.Title, report = s.Report }));
        }
        return rows.Count == 0 ? null : rows;
    }

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.Set<MeetingRunSheet>().Where(s => s.Json.Contains(userId)).ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            if (row.Read(out _) is not { } sheet)
            {
                continue;
            }
            var forgotten = sheet with
            {
                Version = sheet.Version + 1,
                Blocks = sheet.Blocks.Select(b => b.Roles.Any(r => r.AssigneeId == userId)
                    ? b with { Roles = b.Roles.Select(r => r.AssigneeId == userId ? r with { AssigneeId = null } : r).ToList() }
                    : b).ToList(),
                Grid = sheet.Grid is { } grid
                    ? grid with { Sessions = grid.Sessions.Select(s => s.ConvenerId == userId ? s with { ConvenerId = null } : s).ToList() }
                    : null,
            };
            row.Store(forgotten, now);
        }
    }

    private async Task<List<(int MeetingId, RunSheet Sheet)>> SheetsOfAsync(string userId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<MeetingRunSheet>().Where(s => s.Json.Contains(userId));
        var rows = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        return rows.Select(r => (r.MeetingId, r.Read(out _))).Where(x => x.Item2 is not null).Select(x => (x.MeetingId, x.Item2!)).ToList();
    }
}
