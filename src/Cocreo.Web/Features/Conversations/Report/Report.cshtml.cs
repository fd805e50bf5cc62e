using Cocreo.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The printable report of a conversation, for a council meeting or a newsletter: the question, its dates, how many
/// took part (votes per day), the groups of opinion with what sets each apart, what everyone shares, the statements
/// with the most agreement across groups, and what moderation did. Read from the stored map
/// (<see cref="ConversationMaps.CurrentAsync"/>); whoever may see the conversation may read it.
/// </summary>
public sealed class ReportModel(ConversationAccessReader conversations, ConversationMaps maps, CocreoDbContext db, Representativeness representativeness) : PageModel
{
    /// <summary>How many statements the report lists where it ranks them.</summary>
    public const int Top = 5;

    public ConversationView View { get; private set; } = null!;
    public Conversation Conversation => View.Conversation;

    /// <summary>The question and the questions about the participants in the reader's language where translated.</summary>
    public ConversationWords Words { get; private set; } = null!;

    public MapSummary Map { get; private set; } = null!;
    public Dictionary<int, string> Texts { get; private set; } = [];
    public IReadOnlyList<(DateOnly Day, int Votes)> VotesPerDay { get; private set; } = [];
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public int Pending { get; private set; }

    /// <summary>Per demographic question, participants against the population and (where safe) per opinion group.</summary>
    public IReadOnlyList<QuestionRepresentation> Representation { get; private set; } = [];

    /// <summary>How many marked each statement important; null where the conversation does not ask.</summary>
    public Dictionary<int, int>? Important { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.View, cancellationToken);
        Map = await maps.CurrentAsync(id, cancellationToken);
        Words = await conversations.WordsAsync(Conversation, Platform.Localization.Cultures.Current, cancellationToken);
        var statements = await db.Set<ConversationStatement>().AsNoTracking().Where(s => s.ConversationId == id)
            .Select(s => new { s.Id, s.Text, s.Status }).ToListAsync(cancellationToken);
        Texts = statements.Where(s => s.Status != StatementStatus.Pending).ToDictionary(s => s.Id, s => s.Text);
        Accepted = statements.Count(s => s.Status == StatementStatus.Accepted);
        Rejected = statements.Count(s => s.Status == StatementStatus.Rejected);
        Pending = statements.Count(s => s.Status == StatementStatus.Pending);
        var times = await db.Set<ConversationVote>().AsNoTracking().Where(v => v.ConversationId == id).Select(v => v.VotedAt).ToListAsync(cancellationToken);
        VotesPerDay = times.GroupBy(t => DateOnly.FromDateTime(t)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Representation = await representativeness.ForAsync(id, Map, cancellationToken, Words);
        Important = Conversation.AskImportance ? await representativeness.ImportantAsync(id, cancellationToken) : null;
        return Page();
    }

    public string Text(int statementId) => Texts.GetValueOrDefault(statementId) ?? "";

    /// <summary>The statements with the most agreement across all groups (group-aware consensus), left-out ones excepted.</summary>
    public IEnumerable<StatementSummary> GroupAwareTop =>
        Map.Statements.Where(s => !s.IsModeratedOut && Texts.ContainsKey(s.StatementId)).OrderByDescending(s => s.GroupAwareConsensus).Take(Top);

    public static string Percent(double share) => share.ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    public static string Day(DateTime at) => at.ToString("d", System.Globalization.CultureInfo.CurrentCulture);
}
