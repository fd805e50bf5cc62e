using System.Globalization;
using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Commitments;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Commitments;

/// <summary>Makes commitments through the same forms and API people use, and reads what was saved.</summary>
public static class CommitmentScenario
{
    /// <summary>A date this many days from today (UTC), as a date field sends it.</summary>
    public static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Fields(string title, int deadlineInDays = 60, string? taskholder = null, string unit = "Department of Roads") => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "Build it **well**, because people asked.",
        ["Input.TaskholderUserId"] = taskholder ?? "",
        ["Input.Unit"] = unit,
        ["Input.Deadline"] = Day(deadlineInDays),
    };

    /// <summary>The team makes a commitment through the form; its id.</summary>
    public static async Task<int> MakeAsync(FormClient staff, int processId, string title, string? taskholder = null, Dictionary<string, string>? more = null)
    {
        var fields = Fields(title, taskholder: taskholder);
        foreach (var (key, value) in more ?? [])
        {
            fields[key] = value;
        }
        var response = await staff.SubmitAsync($"/processes/{processId}/commitments/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"make: {(int)response.StatusCode}");
        return Scenarios.IdFrom(response, $"/processes/{processId}/commitments/");
    }

    /// <summary>A new staff member of the organisation (not in the process's team), signed in.</summary>
    public static async Task<(CocreoUser User, FormClient Client)> StaffMemberAsync(CocreoApp app, int organisationId, string name = "Staff Stan")
    {
        var user = await app.CreateUserAsync(name);
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Set<Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == organisationId);
            organisation.AddMember(user.Id, OrganisationRole.Staff, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return (user, await app.SignedInClientAsync(user));
    }

    /// <summary>A commitment straight into the database (unit only, deadline in a month, one milestone).</summary>
    public static Task<int> InsertAsync(CocreoApp app, int processId, string? taskholder = null) => app.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var commitment = Commitment.Make(processId, new CommitmentContent("Commitment " + Guid.NewGuid().ToString("N")[..6], "Why.", taskholder, "Parks unit", today.AddDays(30)), today, DateTime.UtcNow);
        commitment.AddMilestone("First step", today.AddDays(10), DateTime.UtcNow);
        db.Add(commitment);
        await db.SaveChangesAsync();
        return commitment.Id;
    });

    public static Task<Commitment?> FindAsync(CocreoApp app, int id) =>
        app.WithDbAsync(db => db.Set<Commitment>().AsNoTracking().Include(c => c.Milestones).SingleOrDefaultAsync(c => c.Id == id));

    public static Task<List<ProcessLogEntry>> LogAsync(CocreoApp app, int processId, string action) =>
        app.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<int> CountAsync(CocreoApp app, int processId) =>
        app.WithDbAsync(db => db.Set<Commitment>().CountAsync(c => c.ProcessId == processId));
}
