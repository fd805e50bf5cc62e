using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// The demo city's district budget, still collecting proposals: a neighbour proposed an amendment to the project
/// "Lights on the stream path" (solar lights, dimmed after midnight, and where the path runs), waiting for its
/// author's decision, with a readable diff and one support. Run by <see cref="AmendmentsDemo"/>.
/// </summary>
public sealed class BudgetProjectAmendmentDemo(CocreoDbContext db)
{
    /// <summary>The project amended; the demo test finds it by its title.</summary>
    public const string ProjectTitle = "Lights on the stream path";

    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var project = await db.Set<Proposal>()
            .Where(p => p.BudgetId != null && p.Title == ProjectTitle && p.ReviewedAt == null && p.WithdrawnAt == null)
            .OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (project is null || city.Citizens.Count < 3)
        {
            return;
        }
        var authors = city.Citizens.Where(c => c.Id != project.AuthorUserId).ToList();
        var (author, supporter) = (authors[1], authors[2]);
        city.Time.Advance(TimeSpan.FromHours(3));
        var amendment = Amendment.Propose(DebateKinds.Proposal, project.Id, project.ProcessId, 1, new AmendedText(project.Title, project.Description),
            "Solar lights on the stream path",
            project.Description.Replace("lights on the stream path", "solar lights on the stream path from the footbridge to the allotments, dimmed after midnight", StringComparison.Ordinal),
            "Solar lights need no cable dug along the stream, and dimming them after midnight keeps the bats and the neighbours' bedrooms dark.",
            author.Id, city.Time.Now);
        db.Add(amendment);
        await db.SaveChangesAsync(cancellationToken);
        var about = new { budget = project.BudgetId, proposal = project.Number };
        await city.Log.AppendAsync(project.ProcessId, LogActor.Private("participant"), "amendment.proposed", new { amendment = amendment.Id, on = about, version = 1 }, cancellationToken);
        city.Time.Advance(TimeSpan.FromMinutes(37));
        db.Add(new AmendmentSupport { AmendmentId = amendment.Id, UserId = supporter.Id, SupportedAt = city.Time.Now });
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(project.ProcessId, LogActor.Private("participant"), "amendment.supported", new { amendment = amendment.Id, on = about }, cancellationToken);
    }
}
