using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The opinion map: the groups of opinion (with their sizes), what sets each apart, what everyone shares, group-aware
/// consensus beside the bridging ranking, and where the reader stands — as an SVG with a text alternative, a data table and plain sentences. It
/// shows the last computed map and how old it is; reloading is safe at any time.
/// </summary>
public sealed class MapModel(ConversationAccessReader conversations, ConversationMaps maps, CocreoDbContext db, TimeProvider clock, StatementProposalLinks proposals) : PageModel
{
    public ConversationView View { get; private set; } = null!;
    public Conversation Conversation => View.Conversation;

    /// <summary>The question in the reader's language where translated; statements are marked with the conversation's language.</summary>
    public ConversationWords Words { get; private set; } = null!;

    public MapSummary Map { get; private set; } = null!;
    public Dictionary<int, string> Texts { get; private set; } = [];
    public PlacementSummary? You { get; private set; }
    public bool YouVoted { get; private set; }
    public int SecondsOld { get; private set; }

    /// <summary>How many marked each statement important; null where the conversation does not ask.</summary>
    public Dictionary<int, int>? Important { get; private set; }
    /// <summary>Statement id to the proposal it became.</summary>
    public IReadOnlyDictionary<int, ProposalMade> Proposals { get; private set; } = new Dictionary<int, ProposalMade>();

    /// <summary>Whether the reader may make statements into proposals (the team).</summary>
    public bool MayPropose => View.Can(ConversationAction.MakeProposal);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.View, cancellationToken);
        Map = await maps.CurrentAsync(id, cancellationToken);
        Words = await conversations.WordsAsync(Conversation, Platform.Localization.Cultures.Current, cancellationToken);
        Texts = await db.Set<ConversationStatement>().AsNoTracking().Where(s => s.ConversationId == id && s.Status != StatementStatus.Pending)
            .ToDictionaryAsync(s => s.Id, s => s.Text, cancellationToken);
        var participant = await conversations.ParticipantIdAsync(id, User, ParticipantKeys.Read(HttpContext), cancellationToken);
        YouVoted = participant is not null && await db.Set<ConversationVote>().AnyAsync(v => v.ParticipantId == participant, cancellationToken);
        You = participant is { } p && Map.Participants.TryGetValue(p, out var placed) ? placed : null;
        Proposals = await proposals.OfConversationAsync(id, cancellationToken);
        SecondsOld = Math.Max(0, (int)(clock.GetUtcNow().UtcDateTime - Map.ComputedAt).TotalSeconds);
        Important = Conversation.AskImportance ? await HttpContext.RequestServices.GetRequiredService<Representativeness>().ImportantAsync(id, cancellationToken) : null;
        return Page();
    }

    /// <summary>The text of a statement that became a proposal (also one the map does not show yet).</summary>
    public string ProposalStatement(int statementId) => Texts.GetValueOrDefault(statementId) ?? "";

    public string Text(int statementId) => Texts.GetValueOrDefault(statementId) ?? "";

    public GroupSummary? Group(int? id) => Map.Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>The SVG's frame: the bounds of what is drawn, with a margin; y grows upwards on the map, downwards in SVG.</summary>
    public (double MinX, double MinY, double Width, double Height) Frame()
    {
        var xs = Map.BaseClusters.Select(b => b.X).Concat(Map.Groups.Select(g => g.X)).DefaultIfEmpty(0).ToList();
        var ys = Map.BaseClusters.Select(b => -b.Y).Concat(Map.Groups.Select(g => -g.Y)).DefaultIfEmpty(0).ToList();
        var width = Math.Max(xs.Max() - xs.Min(), 1e-6);
        var height = Math.Max(ys.Max() - ys.Min(), 1e-6);
        var margin = 0.15 * Math.Max(width, height);
        return (xs.Min() - margin, ys.Min() - margin, width + (2 * margin), height + (2 * margin));
    }

    /// <summary>A point of the map in a 400 × 300 drawing.</summary>
    public (double X, double Y) Draw(double x, double y)
    {
        var (minX, minY, width, height) = Frame();
        return (20 + (360 * (x - minX) / width), 20 + (260 * (-y - minY) / height));
    }

    /// <summary>
    /// The bridging intercept in words, with Community Notes' thresholds: 0.4 and above is what it calls helpful to
    /// people of different views; below 0.1 little support is left once the divide is accounted for.
    /// </summary>
    public static string BridgingWords(Microsoft.Extensions.Localization.IStringLocalizer t, double intercept) => intercept switch
    {
        >= 0.4 => t["strong support across the divide"],
        >= 0.1 => t["some support across the divide"],
        _ => t["little support across the divide"],
    };

    public static string Decimal(double value) => value.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture);

    public static string Percent(double share) => share.ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>An SVG text element (Razor reads &lt;text&gt; as its own), its content encoded.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent SvgText(double x, double y, string content, string? cssClass) =>
        new Microsoft.AspNetCore.Html.HtmlString(
            $"<text x=\"{Number(x)}\" y=\"{Number(y)}\"{(cssClass is null ? "" : $" class=\"{cssClass}\" text-anchor=\"middle\"")} fill=\"#111\">{System.Net.WebUtility.HtmlEncode(content)}</text>");

    public static string Number(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
