using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// Sections of a participatory text as debate targets (kind <see cref="DebateKind"/>): whoever may read the text reads
/// a section's debate; signed-in people comment while the process is neither closed nor archived, the text is
/// published and open (not closed by the team) and the section is still in the draft. Each refusal says why.
/// </summary>
public sealed class TextSectionDebateTargets(TextAccess access, CocreoDbContext db, IStringLocalizer<ParticipatoryTextsText> t) : IDebateTargets
{
    public const string DebateKind = "text-section";

    public string Kind => DebateKind;

    public async Task<DebateSubject?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.ForSectionChangeAsync(id, user, cancellationToken) is not { } target)
        {
            return null;
        }
        var (section, text, process) = (target.Section, target.Text.Text, target.Text.Texts.Process.Process);
        var read = target.Text.Decide(TextAction.View);
        var signedIn = read.And(() => DebatePermissions.SignedIn(target.Text.Access));
        var open = signedIn
            .And(() => DebatePermissions.OpenIn(process))
            .And(() => TextPermissions.Open(text))
            .And(() => section.Removed
                ? Decision.NotNow("This section is no longer in the draft: it takes no new comments or supports.", typeof(TextPermissions))
                : Decision.Allowed);
        var delete = signedIn.And(() => DebatePermissions.NotArchived(process));
        return new DebateSubject(Kind, section.Id, process.Id, TextNames.InText(t, text.Title, section.Heading, section.Position, TextNames.HasPreamble(text.Sections)), TextLinks.Section(text.Id, section.Id), target.Text.Access, target.Text.Actor)
        {
            Read = read,
            Comment = open,
            EditOwn = open,
            DeleteOwn = delete,
            LogNoun = "text-section",
            LogData = new { text = text.Id, section = section.Id },
        };
    }

    public async Task<IReadOnlyDictionary<int, DebatePlace>> PlacesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Set<TextSection>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.Set<ParticipatoryText>(), s => s.TextId, x => x.Id, (s, x) => new { s.Id, s.Position, s.Heading, x.Title, TextId = x.Id, x.ProcessId, Preamble = db.Set<TextSection>().Any(p => p.TextId == s.TextId && p.Position == 1 && p.Heading == "" && !p.Removed) })
            .ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => new DebatePlace(s.Heading.Length == 0 ? t["A comment on the preamble of “{0}”", s.Title] : t["A comment on section {0} of “{1}”", TextNames.Number(s.Position, s.Preamble), s.Title], TextNames.InText(t, s.Title, s.Heading, s.Position, s.Preamble),
                TextLinks.Section(s.TextId, s.Id), s.ProcessId, new { text = s.TextId, section = s.Id }));
}

/// <summary>The pages of a text.</summary>
public static class TextLinks
{
    public static string Of(int textId) => $"/texts/{textId}";

    public static string Section(int textId, int sectionId) => $"/texts/{textId}/sections/{sectionId}";

    public static string Version(int textId, int number) => $"/texts/{textId}/versions/{number}";

    /// <summary>The anchor of a section on the text's page.</summary>
    public static string Anchor(int number) => $"section-{number}";
}
