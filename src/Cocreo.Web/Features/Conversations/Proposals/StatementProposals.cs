using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// Where a conversation's statement can become a proposal: a capability that takes proposals (a budget today; the
/// deliberation capability later) registers one, and the conversation asks every registered one. The conversation
/// never touches their tables: it records only the link (kind, where, which proposal).
/// </summary>
public interface IProposalTargets
{
    /// <summary>The kind of place, as stored with the link ("budget").</summary>
    string Kind { get; }

    /// <summary>The places of the process a proposal could go to, with whether this person may propose there now and why not.</summary>
    Task<IReadOnlyList<ProposalDestination>> ListAsync(int processId, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the proposal through the place's own use case, inside the conversation's running change (same unit of
    /// work, same transaction, same process log), as <paramref name="user"/>; refuses (throws) when the place does not
    /// take it from this person now.
    /// </summary>
    Task<ProposalMade> ProposeAsync(int processId, int destinationId, ProposalDraft draft, ClaimsPrincipal user, DateTime now, CancellationToken cancellationToken);

    /// <summary>The current titles and links of proposals made here, by proposal id (to show "Became proposal …").</summary>
    Task<IReadOnlyDictionary<int, ProposalMade>> DescribeAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken);
}

/// <summary>A place a proposal can go to.</summary>
/// <param name="WhyNot">Why this person cannot propose there now (already localised), or null when they can.</param>
/// <param name="Categories">The categories a proposal must choose from (empty: none).</param>
/// <param name="MaxCost">The most a proposal may cost there (null: no cost asked).</param>
public sealed record ProposalDestination(string Kind, int Id, string Title, string? WhyNot, IReadOnlyList<string> Categories, decimal? MaxCost)
{
    public bool Accepting => WhyNot is null;
}

/// <summary>What the team writes for the proposal (prefilled from the statement).</summary>
public sealed record ProposalDraft(string Title, string Description, string Location, string Category, decimal EstimatedCost, string? Language);

/// <summary>A proposal made from a statement: where it is and what it is called.</summary>
public sealed record ProposalMade(int ProposalId, string Title, string Link, int Number);

/// <summary>
/// The link between a statement and the proposal it became: one per statement (a second request finds it), kept by
/// the conversation. Its kind and destination say which <see cref="IProposalTargets"/> holds the proposal.
/// </summary>
public sealed class StatementProposal
{
    public int Id { get; private set; }
    public int ConversationId { get; private set; }
    public int StatementId { get; private set; }
    public string Kind { get; private set; } = "";
    public int DestinationId { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>The proposal's title when it was made (shown when its place no longer describes it).</summary>
    public string Title { get; private set; } = "";

    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private StatementProposal()
    {
    }

    public static StatementProposal Of(ConversationStatement statement, string kind, int destinationId, ProposalMade made, DateTime now) =>
        new()
        {
            ConversationId = statement.ConversationId,
            StatementId = statement.Id,
            Kind = kind,
            DestinationId = destinationId,
            ProposalId = made.ProposalId,
            Title = made.Title.Length > 200 ? made.Title[..200] : made.Title,
            Link = made.Link,
            CreatedAt = now,
        };
}

internal sealed class StatementProposalConfiguration : IEntityTypeConfiguration<StatementProposal>
{
    public void Configure(EntityTypeBuilder<StatementProposal> link)
    {
        link.ToTable("ConversationStatementProposals");
        link.Property(l => l.Kind).HasMaxLength(40).IsRequired();
        link.Property(l => l.Title).HasMaxLength(200).IsRequired();
        link.Property(l => l.Link).HasMaxLength(200).IsRequired();
        link.HasOne<Conversation>().WithMany().HasForeignKey(l => l.ConversationId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<ConversationStatement>().WithMany().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        // Once per statement: a parallel second request loses on this key and, tried again, finds the first proposal.
        link.HasIndex(l => l.StatementId).IsUnique();
        link.HasIndex(l => new { l.Kind, l.ProposalId }).IsUnique();
        link.HasIndex(l => l.ConversationId);
    }
}

/// <summary>The proposals a conversation's statements became, for its pages (current titles from their places).</summary>
public sealed class StatementProposalLinks(CocreoDbContext db, IEnumerable<IProposalTargets> targets)
{
    /// <summary>Statement id to the proposal it became.</summary>
    public async Task<IReadOnlyDictionary<int, ProposalMade>> OfConversationAsync(int conversationId, CancellationToken cancellationToken)
    {
        var links = await db.Set<StatementProposal>().AsNoTracking().Where(l => l.ConversationId == conversationId).ToListAsync(cancellationToken);
        var result = new Dictionary<int, ProposalMade>();
        foreach (var kind in links.GroupBy(l => l.Kind))
        {
            var target = targets.FirstOrDefault(t => t.Kind == kind.Key);
            var described = target is null ? new Dictionary<int, ProposalMade>() : await target.DescribeAsync(kind.Select(l => l.ProposalId).ToList(), cancellationToken);
            foreach (var link in kind)
            {
                result[link.StatementId] = described.GetValueOrDefault(link.ProposalId) ?? new ProposalMade(link.ProposalId, link.Title, link.Link, 0);
            }
        }
        return result;
    }

    /// <summary>
    /// The statement a proposal came from: its conversation's question (in the reader's language where translated),
    /// the statement (in the conversation's language) and the link to it; null when none.
    /// </summary>
    public async Task<ProposalOrigin?> OriginOfAsync(string kind, int proposalId, string reader, CancellationToken cancellationToken)
    {
        var found = await db.Set<StatementProposal>().AsNoTracking().Where(l => l.Kind == kind && l.ProposalId == proposalId)
            .Join(db.Set<ConversationStatement>(), l => l.StatementId, s => s.Id, (l, s) => new { l.ConversationId, StatementId = s.Id, s.Text })
            .Join(db.Set<Conversation>(), x => x.ConversationId, c => c.Id, (x, c) => new { x.ConversationId, x.StatementId, x.Text, c.Question, c.Language })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var translations = reader == found.Language ? []
            : await db.Set<ConversationTranslation>().AsNoTracking().Where(t => t.ConversationId == found.ConversationId && t.Language == reader).ToListAsync(cancellationToken);
        return new ProposalOrigin(Translations.Pick(found.Question, found.Language, translations, reader, t => t.Question),
            new Written(found.Text, found.Language), $"/conversations/{found.ConversationId}/map#proposal-from-{found.StatementId}");
    }
}

/// <summary>Where a proposal came from: a statement of a conversation.</summary>
public sealed record ProposalOrigin(Written Question, Written Statement, string Link);
