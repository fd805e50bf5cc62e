using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Amendments;

/// <summary>
/// The demo city's library renewal: the quiet-room proposal took an amendment (opening hours added: version 2), and a
/// second amendment on version 2 is open, with supports and a comment. The evening-opening proposal drew more than a
/// page of amendments (<see cref="AmendmentList.PageSize"/>): 24 suggested hours, most of them turned down by its author
/// with a reason, so its amendment list shows its paging ("Older amendments").
/// </summary>
public sealed class AmendmentsDemo(CocreoDbContext db, TextVersions versions) : IDemoSeed
{
    private const string Kind = "process-proposal";

    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        await new BudgetProjectAmendmentDemo(db).SeedAsync(city, cancellationToken);
        var processId = city.Process("library");
        var proposal = await db.Set<Proposal>().Where(p => p.ProcessId == processId && p.BudgetId == null && p.Title == "A quiet room for exam study").SingleOrDefaultAsync(cancellationToken);
        if (proposal is null || city.Citizens.Count < 5)
        {
            return;
        }
        var participant = LogActor.Private("participant");
        var about = new { proposal = proposal.Id };
        var authorIndex = city.Citizens.ToList().FindIndex(c => c.Id == proposal.AuthorUserId);
        var author = city.Citizens[(authorIndex + 1) % city.Citizens.Count];
        var other = city.Citizens[(authorIndex + 2) % city.Citizens.Count];

        // An amendment the author accepted: version 2.
        city.Time.Advance(TimeSpan.FromHours(5));
        var taken = Amendment.Propose(Kind, proposal.Id, processId, 1, new AmendedText(proposal.Title, proposal.Description), proposal.Title,
            proposal.Description + "\n\nKeep it open until 22:00 in the exam weeks of January, June and September.",
            "Most of us study after lectures; a quiet room that closes at 19:00 misses the hours we need it.", author.Id, city.Time.Now);
        db.Add(taken);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "amendment.proposed", new { amendment = taken.Id, on = about, version = 1 }, cancellationToken);
        city.Time.Advance(TimeSpan.FromDays(1));
        var before = new VersionView(1, proposal.Title, proposal.Description, proposal.SubmittedAt, proposal.AuthorUserId, null);
        proposal.EditInProcess(taken.Title, taken.Body, city.Time.Now);
        var version = await versions.RecordAsync(Kind, proposal.Id, processId, before, new AmendedText(taken.Title, taken.Body), taken.AuthorUserId, taken.Id, city.Time.Now, cancellationToken);
        taken.Accept(version, city.Time.Now);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "amendment.accepted", new { amendment = taken.Id, on = about, more = new { version } }, cancellationToken);
        await city.Log.AppendAsync(processId, participant, "proposal.versioned", new { on = about, version, amendment = taken.Id }, cancellationToken);

        // An open amendment on version 2, with supports and a comment.
        city.Time.Advance(TimeSpan.FromHours(9));
        var open = Amendment.Propose(Kind, proposal.Id, processId, version, new AmendedText(proposal.Title, proposal.Description), "A quiet room for exam study, with lockers",
            proposal.Description.Replace("desks and sockets", "desks, sockets and lockers for laptops", StringComparison.Ordinal),
            "Carrying a laptop to the café and back for lunch is the reason people leave the room.", other.Id, city.Time.Now);
        db.Add(open);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "amendment.proposed", new { amendment = open.Id, on = about, version }, cancellationToken);
        foreach (var supporter in city.Citizens.Where(c => c.Id != other.Id && c.Id != proposal.AuthorUserId).Take(3))
        {
            city.Time.Advance(TimeSpan.FromMinutes(41));
            db.Add(new AmendmentSupport { AmendmentId = open.Id, UserId = supporter.Id, SupportedAt = city.Time.Now });
            await city.Log.AppendAsync(processId, participant, "amendment.supported", new { amendment = open.Id, on = about }, cancellationToken);
        }
        city.Time.Advance(TimeSpan.FromHours(2));
        var comment = Comment.Post(AmendmentDebateTargets.DebateKind, open.Id, processId, null, author.Id, author.DisplayName,
            "Lockers yes, but coin lockers: free ones fill up on the first day and stay full.", Alignment.For, city.Time.Now);
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "amendment.commented", new { amendment = open.Id, comment = comment.Id }, cancellationToken);

        await ManyAmendmentsAsync(city, processId, participant, cancellationToken);
    }

    /// <summary>The evening-opening proposal: 24 amendments, each suggesting other closing hours; the author turned down all but the last four.</summary>
    private async Task ManyAmendmentsAsync(DemoCity city, int processId, LogActor participant, CancellationToken cancellationToken)
    {
        var proposal = await db.Set<Proposal>().Where(p => p.ProcessId == processId && p.BudgetId == null && p.Title == "Open until 21:00 on weekdays").SingleOrDefaultAsync(cancellationToken);
        if (proposal is null)
        {
            return;
        }
        var about = new { proposal = proposal.Id };
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        const int Count = 24;
        for (var i = 0; i < Count; i++)
        {
            city.Time.Advance(TimeSpan.FromMinutes(53));
            var author = city.Citizens[(i + 1) % city.Citizens.Count];
            if (author.Id == proposal.AuthorUserId)
            {
                author = city.Citizens[(i + 2) % city.Citizens.Count];
            }
            var hour = 19 + (i % 4);
            var day = days[i % days.Length];
            var amendment = Amendment.Propose(Kind, proposal.Id, processId, 1, new AmendedText(proposal.Title, proposal.Description), proposal.Title,
                proposal.Description + $"\n\nOn {day} stay open until {hour}:30.",
                $"On {day} I can only come after {hour - 1}:00.", author.Id, city.Time.Now);
            db.Add(amendment);
            await db.SaveChangesAsync(cancellationToken);
            await city.Log.AppendAsync(processId, participant, "amendment.proposed", new { amendment = amendment.Id, on = about, version = 1 }, cancellationToken);
            if (i < Count - 4)
            {
                city.Time.Advance(TimeSpan.FromMinutes(17));
                amendment.Reject("The reading room's staff work until 21:00; a later hour needs volunteers first.", city.Time.Now);
                await db.SaveChangesAsync(cancellationToken);
                await city.Log.AppendAsync(processId, participant, "amendment.rejected", new { amendment = amendment.Id, on = about }, cancellationToken);
            }
        }
    }
}
