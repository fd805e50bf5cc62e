using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The team makes an accepted statement into a proposal of a place of the same process that takes proposals (a
/// budget collecting them), through that place's own use case, authored by the team member (never the participant
/// who wrote the statement). Done once: a second request finds the proposal made the first time. The log records
/// the conversation, the statement and the proposal.
/// </summary>
public static class MakeProposal
{
    public sealed record Command(int ConversationId, int StatementId, string Kind, int DestinationId, ProposalDraft Draft) : IConversationCommand;

    /// <param name="Made">False when the statement had become a proposal already (this is that one).</param>
    public sealed record Outcome(int ProposalId, string Title, string Link, bool Made);

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db, IEnumerable<IProposalTargets> targets) : IChange<Command, ConversationTarget, Outcome>
    {
        // The person asking, for the place's own use case (the runner gives it to the load; one handler serves one request).
        private ClaimsPrincipal user = new(new ClaimsIdentity());

        public Task<ConversationTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            this.user = user;
            return conversations.ForChangeAsync(command.ConversationId, user, cancellationToken);
        }

        public Decision Decide(ConversationTarget target, Command command) => target.Decide(ConversationAction.MakeProposal);

        public async Task<Outcome> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            var statement = await db.Set<ConversationStatement>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == command.StatementId && s.ConversationId == command.ConversationId, cancellationToken)
                ?? throw new ConversationRuleException("UnknownStatement");
            if (await db.Set<StatementProposal>().AsNoTracking().SingleOrDefaultAsync(l => l.StatementId == statement.Id, cancellationToken) is { } earlier)
            {
                return new Outcome(earlier.ProposalId, earlier.Title, earlier.Link, false);
            }
            if (statement.Status != StatementStatus.Accepted)
            {
                throw new ConversationRuleException("ProposalNotAccepted");
            }
            var target = targets.FirstOrDefault(t => t.Kind == command.Kind) ?? throw new ConversationRuleException("ProposalDestination");
            var process = change.Target.Process.Id;
            var made = await target.ProposeAsync(process, command.DestinationId, command.Draft, user, change.Now, cancellationToken);
            db.Add(StatementProposal.Of(statement, target.Kind, command.DestinationId, made, change.Now));
            change.Log("statement.proposed", new
            {
                conversation = command.ConversationId,
                statement = statement.Id,
                kind = target.Kind,
                destination = command.DestinationId,
                proposal = made.ProposalId,
                number = made.Number,
            });
            return new Outcome(made.ProposalId, made.Title, made.Link, true);
        }
    }
}
