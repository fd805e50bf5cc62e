using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// Budgets and proposals as notifications follow them (<see cref="IFollowTargets"/>): a proposal's author follows it
/// without asking; titles in the reader's language come from their translations.
/// </summary>
public sealed class BudgetFollowTargets(CocreoDbContext db, Debate.DebateDirectory debates) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [FollowKind.Budget, FollowKind.Proposal];

    public async Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => kind switch
    {
        FollowKind.Budget => await db.Set<Budget>().AsNoTracking().Where(b => b.Id == id)
            .Select(b => new FollowSubject(kind, b.Id, b.ProcessId, b.Title, "/budgets/" + b.Id)).SingleOrDefaultAsync(cancellationToken),
        // One model for both kinds: a proposal of a process (no budget) is read on its process's proposals pages.
        FollowKind.Proposal => await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new FollowSubject(kind, p.Id, p.ProcessId, p.Title,
                p.BudgetId == null ? "/processes/" + p.ProcessId + "/proposals/" + p.Id : "/proposals/" + p.Id))
            .SingleOrDefaultAsync(cancellationToken),
        _ => null,
    };

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => kind == FollowKind.Proposal
        ? db.Set<Proposal>().Where(p => p.Id == id).Select(p => p.AuthorUserId)
        : null;

    public async Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<int, Func<string, string?>>();
        }
        if (kind == FollowKind.Budget)
        {
            var budgets = await db.Set<Budget>().AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);
            return budgets.ToDictionary(b => b.Id, b => (Func<string, string?>)(language =>
                b.LocalTitle(language) is var title && title.Language != b.Language ? title.Text : null));
        }
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return proposals.ToDictionary(p => p.Id, p => (Func<string, string?>)(language =>
            p.LocalTitle(language) is var title && title.Language != p.Language ? title.Text : null));
    }

    /// <summary>
    /// A vote opened or closed and results published (the budget's followers and the process's), a proposal reviewed,
    /// merged or commented on (its followers; a comment held for the moderators is told once they publish it, and its
    /// author is not told of their own comment). The log names proposals by budget and number, never people.
    /// </summary>
    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        string Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        switch (action)
        {
            case "budget.voting-opened" or "budget.voting-closed" or "budget.results-published":
            {
                var budget = Number("budget");
                var title = await db.Set<Budget>().Where(b => b.Id == budget).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken) ?? Text("title");
                return new([(FollowKind.Budget, budget)], title, "", "/budgets/" + budget) { AlsoProcessFollowers = true };
            }
            case "proposal.reviewed":
            {
                if (await ProposalAsync(Number("budget"), Number("proposal"), cancellationToken) is not { } proposal)
                {
                    return null;
                }
                var outcome = data.TryGetProperty("feasible", out var feasible) && feasible.ValueKind == JsonValueKind.True ? "feasible" : "unfeasible";
                return new([(FollowKind.Proposal, proposal.Id)], proposal.Title, outcome + ":" + Text("reason"), "/proposals/" + proposal.Id);
            }
            case "proposal.merged":
            {
                var duplicate = await ProposalAsync(Number("budget"), Number("duplicate"), cancellationToken);
                var original = await ProposalAsync(Number("budget"), Number("into"), cancellationToken);
                if (duplicate is null || original is null)
                {
                    return null;
                }
                return new([(FollowKind.Proposal, duplicate.Id), (FollowKind.Proposal, original.Id)], duplicate.Title, original.Title, "/proposals/" + original.Id);
            }
            case "proposal.commented":
            {
                // A comment held for the moderators is told when they publish it ("content.published" below).
                if (data.TryGetProperty("held", out var held) && held.ValueKind == JsonValueKind.True
                    || await ProposalAsync(Number("budget"), Number("proposal"), cancellationToken) is not { } proposal)
                {
                    return null;
                }
                // The comment saved with this entry: its author is not told about their own comment; the author it answers is.
                var comment = await debates.FindAsync(Number("comment"), cancellationToken);
                // Entries from before the debate name no comment: its author is found by the entry's time.
                var author = comment?.AuthorUserId ?? await debates.AuthorAtAsync(Debate.DebateKinds.Proposal, proposal.Id, occurredAt, cancellationToken);
                return new([(FollowKind.Proposal, proposal.Id)], proposal.Title, "", "/proposals/" + proposal.Id)
                {
                    Excluded = author,
                    Also = data.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.True ? debates.AnsweredAuthor(Number("comment")) : null,
                };
            }
            case "content.published" when Text("content") == Debate.DebateComments.Kind:
            {
                var item = Number("item");
                var comment = await debates.FindAsync(item, cancellationToken);
                var proposal = comment is not { Kind: Debate.DebateKinds.Proposal } found ? null : await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == found.TargetId)
                    .Select(p => new ProposalRef(p.Id, p.Title)).FirstOrDefaultAsync(cancellationToken);
                if (comment is null || proposal is null)
                {
                    return null;
                }
                return new([(FollowKind.Proposal, proposal.Id)], proposal.Title, "", "/proposals/" + proposal.Id)
                {
                    Excluded = comment.Value.AuthorUserId,
                    Event = "proposal.commented",
                    Also = debates.AnsweredAuthor(item),
                };
            }
            default:
                return null;
        }
    }

    private Task<ProposalRef?> ProposalAsync(int budgetId, int number, CancellationToken cancellationToken) =>
        db.Set<Proposal>().AsNoTracking().Where(p => p.BudgetId == budgetId && p.Number == number)
            .Select(p => new ProposalRef(p.Id, p.Title)).SingleOrDefaultAsync(cancellationToken)!;

    private sealed record ProposalRef(int Id, string Title);
}
