using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// What a process's proposals tell their followers (the author follows without asking: <see cref="BudgetFollowTargets"/>
/// answers for the kind <see cref="FollowKind.Proposal"/>, one model for both kinds of proposal): the organisation's
/// answer, and a merge (both proposals' followers). Budget projects' entries are Budgeting's.
/// </summary>
public sealed class ProcessProposalFollowTargets(CocreoDbContext db) : IFollowTargets
{
    public IReadOnlyCollection<FollowKind> Kinds { get; } = [];

    public Task<FollowSubject?> FindAsync(FollowKind kind, int id, CancellationToken cancellationToken) => Task.FromResult<FollowSubject?>(null);

    public IQueryable<string>? DefaultFollowers(FollowKind kind, int id) => null;

    public Task<IReadOnlyDictionary<int, Func<string, string?>>> TranslatedTitlesAsync(FollowKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, Func<string, string?>>>(new Dictionary<int, Func<string, string?>>());

    public async Task<FollowedEvent?> EventOfAsync(string action, JsonElement data, DateTime occurredAt, CancellationToken cancellationToken)
    {
        string Text(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        int Number(string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        switch (action)
        {
            case "proposal.answered":
            {
                if (await FindAsync(Number("proposal"), cancellationToken) is not { } proposal)
                {
                    return null;
                }
                return new([(FollowKind.Proposal, proposal.Id)], proposal.Title, Text("status").ToLowerInvariant() + ":" + Text("reason"), ProposalLinks.Of(proposal.ProcessId, proposal.Id));
            }
            case "proposal.merged-into":
            {
                var duplicate = await FindAsync(Number("duplicate"), cancellationToken);
                var original = await FindAsync(Number("into"), cancellationToken);
                if (duplicate is null || original is null)
                {
                    return null;
                }
                return new([(FollowKind.Proposal, duplicate.Id), (FollowKind.Proposal, original.Id)], duplicate.Title, original.Title, ProposalLinks.Of(original.ProcessId, original.Id))
                {
                    Event = "proposal.merged",
                };
            }
            default:
                return null;
        }
    }

    private Task<ProposalRef?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id && p.BudgetId == null)
            .Select(p => new ProposalRef(p.Id, p.ProcessId, p.Title)).SingleOrDefaultAsync(cancellationToken)!;

    private sealed record ProposalRef(int Id, int ProcessId, string Title);
}
