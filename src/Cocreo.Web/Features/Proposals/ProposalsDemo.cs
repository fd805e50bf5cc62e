using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// The demo city's library renewal takes proposals of its own (no budget): open, with supports limited to three per
/// participant; one is accepted with the library's answer, one is being evaluated, and one duplicate is merged.
/// </summary>
public sealed class ProposalsDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("library");
        var staff = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        var participant = LogActor.Private("participant");
        var settings = ProposalSettings.TurnOn(processId);
        settings.Change(open: true, supportsEnabled: true, supportLimit: 3, "Opening hours\nServices\nRooms");
        db.Add(settings);
        await city.Log.AppendAsync(processId, staff, "proposals.configured", new { open = true, supports = true, supportLimit = 3, categories = settings.CategoryNames, turnedOn = true });
        (string Title, string Body, string Category, string Location)[] ideas =
        [
            ("Open until 21:00 on weekdays", "Working parents can only come in the evening. Keep the reading room open until 21:00 from Monday to Friday.", "Opening hours", "Central library"),
            ("A quiet room for exam study", "Students need a silent room with desks and sockets during the exam weeks.", "Rooms", "First floor"),
            ("Digital help desk for older people", "Volunteers help with e-mail, e-health and online forms twice a week.", "Services", ""),
            ("Evening opening on weekdays", "Please stay open in the evenings: most of us work until five.", "Opening hours", "Central library"),
        ];
        var proposals = new List<Proposal>();
        for (var i = 0; i < ideas.Length; i++)
        {
            city.Time.Advance(TimeSpan.FromHours(7));
            var (title, body, category, location) = ideas[i];
            var proposal = Proposal.PutForward(processId, settings, new ProcessProposalContent(title, body, category, location, "en"), city.Citizens[i % city.Citizens.Count].Id, city.Time.Now);
            db.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            await city.Log.AppendAsync(processId, participant, "proposal.put-forward", new { proposal = proposal.Id, title, category });
            proposals.Add(proposal);
        }
        // Supports: a few residents each, at most three each.
        for (var c = 0; c < city.Citizens.Count; c++)
        {
            foreach (var index in new[] { 0, 2, 3 }.Where((_, k) => (c + k) % 2 == 0))
            {
                db.Add(new ProposalSupport { ProposalId = proposals[index].Id, UserId = city.Citizens[c].Id });
                proposals[index].CountSupports(+1);
                await city.Log.AppendAsync(processId, participant, "proposal.supported", new { proposal = proposals[index].Id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        city.Time.Advance(TimeSpan.FromDays(2));
        var supportsOfDuplicate = db.ChangeTracker.Entries<ProposalSupport>().Select(e => e.Entity).Where(s => s.ProposalId == proposals[3].Id).ToList();
        var alreadyOriginal = db.ChangeTracker.Entries<ProposalSupport>().Select(e => e.Entity).Where(s => s.ProposalId == proposals[0].Id).Select(s => s.UserId).ToHashSet();
        proposals[3].MergeIntoProposal(proposals[0]);
        var carried = 0;
        foreach (var support in supportsOfDuplicate)
        {
            if (alreadyOriginal.Add(support.UserId))
            {
                db.Add(new ProposalSupport { ProposalId = proposals[0].Id, UserId = support.UserId });
                carried++;
            }
            db.Remove(support);
        }
        proposals[0].CountSupports(carried);
        proposals[3].CountSupports(-proposals[3].SupportCount);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "proposal.merged-into", new { duplicate = proposals[3].Id, into = proposals[0].Id, supportsCarriedOver = carried });
        city.Time.Advance(TimeSpan.FromDays(1));
        proposals[0].Answer(ProposalStatus.Accepted, "Accepted: from next month the central library stays open until 21:00 on Tuesdays and Thursdays as a pilot, and on every weekday if the pilot is used.", city.Time.Now);
        proposals[2].Answer(ProposalStatus.Evaluating, "We are asking the volunteer centre whether it can staff the desk twice a week.", city.Time.Now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var p in new[] { proposals[0], proposals[2] })
        {
            await city.Log.AppendAsync(processId, staff, "proposal.answered", new { proposal = p.Id, title = p.Title, status = p.Status.ToString(), reason = p.ReviewReason });
        }
    }
}
