using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// The demo city's old-town conversation has a participatory text: a short "Mobility charter" of four sections,
/// published as version 1, a comment and a support on its section about school streets, then version 2 that takes
/// the comment's point and adds a section, with the team's public note. The first demo resident follows the text, so
/// their notifications tell of the comment on the school streets section.
/// </summary>
public sealed class ParticipatoryTextsDemo(CocreoDbContext db, Notifications.Following following) : IDemoSeed
{
    private const string First = """
        ## Purpose
        This charter says how people will move through the old town in the next ten years, and who decides what.

        ## Walking first
        Pavements in the old town are at least two metres wide.
        Crossings are level with the pavement.

        ## School streets
        Streets beside schools are closed to cars for half an hour when school starts.

        ## Buses and bikes
        - Buses run every ten minutes from 6:00 to 22:00.
        - Bike parking is at every bus stop.
        """;

    private const string Second = """
        ## Purpose
        This charter says how people will move through the old town in the next ten years, and who decides what.

        ## Walking first
        Pavements in the old town are at least two metres wide.
        Crossings are level with the pavement.

        ## School streets
        Streets beside schools are closed to cars for half an hour when school starts and when it ends.
        Residents and carers with a disabled badge keep access.

        ## Buses and bikes
        - Buses run every ten minutes from 6:00 to 22:00.
        - Bike parking is at every bus stop.

        ## Review
        The city reports on the charter every year and asks residents before changing it.
        """;

    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("old-town");
        var staff = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        var participant = LogActor.Private("participant");

        city.Time.Advance(TimeSpan.FromDays(1));
        var text = ParticipatoryText.Import(processId, "Mobility charter of the old town", TextDraft.FromMarkdown(First), city.Time.Now);
        db.Add(text);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "text.created", new { text = text.Id, sections = text.Draft.Count }, cancellationToken);

        city.Time.Advance(TimeSpan.FromHours(20));
        var first = text.Publish(1, "The first draft, as the working group wrote it.", null, city.Time.Now);
        db.Add(first);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "text.published", new { text = text.Id, version = 1, sections = first.Sections.Count, sectionsChanged = first.Sections.Count }, cancellationToken);

        // The first resident follows the text (the notifications' demo reads the log afterwards and tells them of its news).
        if (await following.FindAsync(Notifications.FollowKind.Text, text.Id, cancellationToken) is { } followed)
        {
            await following.ChooseAsync(city.Citizens[0].Id, followed, true, cancellationToken);
        }

        var school = text.Draft.Single(s => s.Position == 3);
        city.Time.Advance(TimeSpan.FromDays(2));
        var author = city.Citizens[2 % city.Citizens.Count];
        var comment = Comment.Post(TextSectionDebateTargets.DebateKind, school.Id, processId, null, author.Id, author.DisplayName,
            "Half an hour in the morning is not enough: the afternoon pick-up is when the street is most dangerous.", Alignment.Against, city.Time.Now);
        db.Add(comment);
        var supporter = city.Citizens[3 % city.Citizens.Count];
        db.Add(new TextSectionSupport { SectionId = school.Id, UserId = supporter.Id, SupportedAt = city.Time.Now });
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "text-section.commented", new { text = text.Id, section = school.Id, comment = comment.Id }, cancellationToken);
        await city.Log.AppendAsync(processId, participant, "text-section.supported", new { text = text.Id, section = school.Id }, cancellationToken);

        city.Time.Advance(TimeSpan.FromDays(5));
        text.ReplaceDraft(TextDraft.FromMarkdown(Second));
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "text.draft-imported", new { text = text.Id, revision = text.DraftRevision, sections = text.Draft.Count }, cancellationToken);
        city.Time.Advance(TimeSpan.FromHours(3));
        var second = text.Publish(2, "School streets now close when school ends too, as the debate on section 3 asked, with access kept for disabled badge holders. A new section 5 promises a yearly review.",
            first.Sections, city.Time.Now);
        db.Add(second);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "text.published", new { text = text.Id, version = 2, sections = second.Sections.Count, sectionsChanged = 2 }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
