using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// Sections of a participatory text as amendable texts (kind <c>text-section</c>, as their debate): the title is the
/// section's heading, the body its articles one a paragraph, both as the <b>working draft</b> has them. Whoever may read
/// the text reads its amendments; signed-in people propose and support them while the process is open, the text is
/// published and open and the section still in the draft; the organisation (the process's team) accepts or rejects
/// them. Accepting changes the section in the working draft (and records the section's version in the amendments'
/// history), never the published version: the team publishes a new version, whose note says which amendments were taken.
/// </summary>
public sealed class TextSectionAmendmentTargets(TextAccess access, CocreoDbContext db, TextVersions versions, Microsoft.Extensions.Localization.IStringLocalizer<ParticipatoryTextsText> t) : IAmendmentTargets
{
    public string Kind => TextSectionDebateTargets.DebateKind;

    public async Task<AmendableSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.ForSectionChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (section, text, process, who) = (target.Section, target.Text.Text, target.Text.Texts.Process.Process, target.Text.Access);
        var read = target.Text.Decide(TextAction.View);
        Decision Changeable() => ProcessPermissions.Open(process.IsClosed)
            .And(() => TextPermissions.Open(text))
            .And(() => section.Removed ? Decision.NotNow("This section is no longer in the draft: it takes no amendments.", typeof(TextPermissions)) : Decision.Allowed);
        var amend = read.And(() => !who.IsAuthenticated ? Decision.NotYours("Sign in to propose an amendment.", typeof(TextPermissions)) : Changeable());
        var decide = read.And(() => !who.IsAuthenticated ? Decision.NotYours("Sign in to decide on amendments.", typeof(TextPermissions))
            : !who.Runs ? Decision.NotYours("The organisation decides on the amendments of its texts: the process's team accepts or rejects them.", typeof(TextPermissions))
            : Changeable());
        var version = await versions.CurrentAsync(Kind, section.Id, cancellationToken);
        return new AmendableSubject(Kind, section.Id, process.Id, section.Heading, section.Body, version, TextLinks.Section(text.Id, section.Id), who, target.Text.Actor)
        {
            Read = read,
            Amend = amend,
            Decide = decide,
            LogNoun = "text-section",
            LogData = new { text = text.Id, section = section.Id },
            WrittenAt = text.CreatedAt,
            Name = TextNames.InText(t, text.Title, section.Heading, section.Position, TextNames.HasPreamble(text.Sections)),
        };
    }

    public async Task<IReadOnlyDictionary<int, AmendablePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<TextSection>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.Set<ParticipatoryText>(), s => s.TextId, x => x.Id, (s, x) => new { s.Id, s.Position, s.Heading, x.Title, TextId = x.Id, x.ProcessId, Preamble = db.Set<TextSection>().Any(p => p.TextId == s.TextId && p.Position == 1 && p.Heading == "" && !p.Removed) })
            .ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => new AmendablePlace(TextNames.InText(t, s.Title, s.Heading, s.Position, s.Preamble), TextLinks.Section(s.TextId, s.Id), s.ProcessId, new { text = s.TextId, section = s.Id }));

    public async Task<int> ApplyAsync(AmendableSubject subject, AmendedText text, AmendmentApplied by, CancellationToken cancellationToken)
    {
        var section = await db.Set<TextSection>().SingleAsync(s => s.Id == subject.Id, cancellationToken);
        var owner = await db.Set<ParticipatoryText>().SingleAsync(t => t.Id == section.TextId, cancellationToken);
        var before = new VersionView(1, section.Heading, section.Body, owner.CreatedAt, null, null);
        if (!owner.AmendSection(section, text.Title, text.Body))
        {
            throw new AmendmentRuleException("NoChange");
        }
        return await versions.RecordAsync(Kind, section.Id, owner.ProcessId, before, new AmendedText(section.Heading, section.Body), by.AuthorUserId, by.AmendmentId, by.Now, cancellationToken);
    }

    /// <summary>The organisation decides on its texts: the process's team hears of amendments to a section (unless they stopped following the text).</summary>
    public IQueryable<string>? ToldOfAmendments(int id)
    {
        var texts = db.Set<ParticipatoryText>().Where(t => db.Set<TextSection>().Any(s => s.Id == id && s.TextId == t.Id));
        return TextFollowTargets.Team(db, texts).Where(u => !db.Set<Notifications.Follow>()
            .Any(f => f.UserId == u && f.Kind == Notifications.FollowKind.Text && texts.Any(t => t.Id == f.SubjectId) && !f.Following));
    }
}
