using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// The demo city's debates: a lively thread on the library process's problem and purpose, and on a demo budget
/// proposal, with replies (one deeper than the shown depth), for / against / neutral, and votes up and down, so
/// every sort differs.
/// </summary>
public sealed class DebateDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("library");
        var library = await SeedAsync(city, DebateKinds.Process, processId, processId, new { process = processId },
        [
            (-1, 0, Alignment.For, "Opening hours are the real problem: the library closes at 15:00, before most people finish work."),
            (0, 1, Alignment.Against, "I work shifts; mornings suit me. Longer evenings would cost the morning hours."),
            (1, 2, Alignment.Neutral, "Could the reading room stay open in the evening with volunteers, and lending keep its hours?"),
            (2, 0, Alignment.For, "Volunteers in the reading room would work for me."),
            (3, 3, Alignment.Neutral, "Who insures the volunteers? The city asked that last time."),
            (4, 2, Alignment.Neutral, "The municipal volunteers' scheme covers it; the district centre does the same."),
            (-1, 4, Alignment.Against, "The purpose should name young people: they are the ones who stopped coming."),
            (6, 5, Alignment.For, "Yes: the study spaces are full at exam time and empty otherwise."),
            (-1, 6, Alignment.Neutral, "A short survey of people who stopped coming would tell us more than we guess here."),
        ], cancellationToken);
        await SynthesiseAsync(city, DebateKinds.Process, processId, new { process = processId },
            "Most agree the library's hours no longer fit people's lives; they differ on whether evenings should cost mornings. " +
            "Volunteers in the reading room came up as a way to have both, and young people as the group the purpose should name.",
            [
                (Alignment.For, "Closing at 15:00 shuts out everyone who works days.", [library[0].Id, library[3].Id]),
                (Alignment.For, "The purpose should name young people, who stopped coming.", [library[6].Id, library[7].Id]),
                (Alignment.Against, "Longer evenings must not cost the morning hours that shift workers use.", [library[1].Id]),
            ], cancellationToken);

        var proposal = await db.Set<Proposal>().AsNoTracking().Join(db.Set<Budget>().Where(b => b.IsDemo), p => p.BudgetId, b => b.Id, (p, b) => new { p.Id, b.ProcessId, p.BudgetId, p.Number })
            .OrderBy(p => p.Id).Skip(1).FirstOrDefaultAsync(cancellationToken);
        if (proposal is not null)
        {
            await SeedAsync(city, DebateKinds.Proposal, proposal.Id, proposal.ProcessId, new { budget = proposal.BudgetId, proposal = proposal.Number },
            [
                (-1, 7, Alignment.For, "A raised crossing slows cars better than a sign ever did on our street."),
                (0, 8, Alignment.Against, "Raised crossings are hard on the buses and on ambulances."),
                (1, 9, Alignment.Neutral, "A speed table can be shaped for buses: Vič has two."),
                (-1, 10, Alignment.For, "Add a light for the winter mornings: it is dark at 7:30."),
            ], cancellationToken);
        }
    }

    /// <summary>Comments (parent index or −1, author index, alignment, text) and votes that make best, bridging and most discussed differ.</summary>
    private async Task<List<Comment>> SeedAsync(DemoCity city, string kind, int targetId, int processId, object where, (int Parent, int Author, Alignment Alignment, string Body)[] script, CancellationToken cancellationToken)
    {
        CocreoUser Citizen(int i) => city.Citizens[i % city.Citizens.Count];
        var posted = new List<Comment>();
        foreach (var (parentIndex, author, alignment, body) in script)
        {
            city.Time.Advance(TimeSpan.FromMinutes(37));
            var parent = parentIndex >= 0 ? posted[parentIndex] : null;
            var comment = Comment.Post(kind, targetId, processId, parent, Citizen(author).Id, Citizen(author).DisplayName, body, alignment, city.Time.Now);
            db.Add(comment);
            if (parent is not null)
            {
                (parent.ThreadId is { } root ? posted.Single(c => c.Id == root) : parent).Replied();
            }
            await db.SaveChangesAsync(cancellationToken);
            posted.Add(comment);
            var about = System.Text.Json.JsonSerializer.SerializeToElement(where).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            about["comment"] = comment.Id;
            if (parent is not null)
            {
                about["reply"] = true;
            }
            await city.Log.AppendAsync(processId, LogActor.Private("participant"), $"{kind}.commented", about, cancellationToken);
        }
        // Votes: the first comment and the volunteers' idea are liked across the divide; the second is liked by one side only.
        for (var i = 0; i < posted.Count; i++)
        {
            for (var voter = 0; voter < Math.Min(city.Citizens.Count, 12); voter++)
            {
                var person = Citizen(voter);
                if (person.Id == posted[i].AuthorUserId || (i + voter) % 3 == 2)
                {
                    continue;
                }
                var value = i % 4 == 1 ? (voter % 2 == 0 ? 1 : -1) : (i + voter) % 5 == 0 ? -1 : 1;
                db.Add(new CommentVote { CommentId = posted[i].Id, UserId = person.Id, Value = value, VotedAt = city.Time.Now });
                posted[i].Tally(0, value);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return posted;
    }

    /// <summary>The facilitator's synthesis of a debate, logged as the page would log it.</summary>
    private async Task SynthesiseAsync(DemoCity city, string kind, int targetId, object where, string summary, (Alignment Side, string Text, int[] Comments)[] arguments, CancellationToken cancellationToken)
    {
        city.Time.Advance(TimeSpan.FromHours(2));
        var synthesis = DebateSynthesis.For(kind, targetId, city.Process("library"));
        synthesis.Write(summary, arguments.Select(a => new ArgumentDraft(a.Side, a.Text, a.Comments)).ToList(), city.Facilitator.Id, city.Time.Now);
        db.Add(synthesis);
        await db.SaveChangesAsync(cancellationToken);
        var about = System.Text.Json.JsonSerializer.SerializeToElement(where).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        about["on"] = kind;
        about["target"] = targetId;
        about["version"] = synthesis.Version;
        about["for"] = arguments.Count(a => a.Side == Alignment.For);
        about["against"] = arguments.Count(a => a.Side == Alignment.Against);
        await city.Log.AppendAsync(synthesis.ProcessId, LogActor.Named(city.Facilitator.DisplayName, "facilitator"), "debate.synthesis-written", about, cancellationToken);
    }
}
