using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The organisers name a harvester among the people registered for the meeting (naming them again changes nothing).</summary>
public static class NameHarvester
{
    public sealed record Command(int MeetingId, string UserId) : IHarvestCommand;

    public sealed class Handler(HarvestAccess access, CocreoDbContext db) : HarvestChange<Command, bool>(access, HarvestAction.ManageHarvesters)
    {
        public override async Task<bool> RunAsync(Change<HarvestTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meetingId = change.Target.Meeting.Meeting.Id;
            var registered = await db.Set<MeetingRegistration>().AnyAsync(r => r.MeetingId == meetingId && r.UserId == command.UserId && r.Status == RegistrationStatus.Registered, cancellationToken);
            if (!registered)
            {
                throw new HarvestRuleException("NotRegistered");
            }
            if (await db.Set<MeetingHarvester>().AnyAsync(h => h.MeetingId == meetingId && h.UserId == command.UserId, cancellationToken))
            {
                return false;
            }
            db.Add(MeetingHarvester.Name(meetingId, command.UserId, change.Now));
            // Counts only: never who.
            var count = await db.Set<MeetingHarvester>().CountAsync(h => h.MeetingId == meetingId, cancellationToken) + 1;
            change.Log("meeting.harvesters.changed", new { meeting = meetingId, named = 1, removed = 0, harvesters = count });
            return true;
        }
    }
}

/// <summary>The organisers remove a harvester; what they posted stays.</summary>
public static class RemoveHarvester
{
    public sealed record Command(int MeetingId, string UserId) : IHarvestCommand;

    public sealed class Handler(HarvestAccess access, CocreoDbContext db) : HarvestChange<Command, bool>(access, HarvestAction.ManageHarvesters)
    {
        public override async Task<bool> RunAsync(Change<HarvestTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meetingId = change.Target.Meeting.Meeting.Id;
            var harvester = await db.Set<MeetingHarvester>().SingleOrDefaultAsync(h => h.MeetingId == meetingId && h.UserId == command.UserId, cancellationToken);
            if (harvester is null)
            {
                return false;
            }
            db.Remove(harvester);
            // Counts only: never who.
            var count = await db.Set<MeetingHarvester>().CountAsync(h => h.MeetingId == meetingId, cancellationToken) - 1;
            change.Log("meeting.harvesters.changed", new { meeting = meetingId, named = 0, removed = 1, harvesters = count });
            return true;
        }
    }
}

/// <summary>
/// A harvester (or the team) posts a note, idea, question or decision; it waits for a facilitator. Once per submission
/// (a double submit or the Back button finds the first item). Not logged: the log gets what is published.
/// </summary>
public static class PostHarvestItem
{
    public sealed record Command(int MeetingId, HarvestKind Kind, string? Text, string? Label, int? BlockId, Guid SubmissionId) : IHarvestCommand, ISubmittedOnce;

    public sealed class Handler(HarvestAccess access, CocreoDbContext db, HarvestBlocks blocks) : HarvestChange<Command, int>(access, HarvestAction.Post)
    {
        public override async Task<int> RunAsync(Change<HarvestTarget> change, Command command, CancellationToken cancellationToken)
        {
            var target = change.Target.Meeting;
            await blocks.CheckAsync(target.Meeting.Id, command.BlockId, cancellationToken);
            var item = HarvestItem.Post(target.Meeting, command.Kind, command.Text, command.Label, command.BlockId, target.Access.UserId, change.Now);
            db.Add(item);
            await change.SaveAsync(cancellationToken);
            return item.Id;
        }
    }
}

/// <summary>
/// A facilitator publishes or hides one or several items of the harvest with one click. Logged with the items' ids
/// (never their authors); the live page is told after the save.
/// </summary>
public static class ModerateHarvest
{
    public sealed record Command(int MeetingId, IReadOnlyList<int> ItemIds, bool Publish) : IHarvestCommand;

    public sealed class Handler(HarvestAccess access, CocreoDbContext db, LiveUpdates live) : HarvestChange<Command, int>(access, HarvestAction.Moderate)
    {
        public override async Task<int> RunAsync(Change<HarvestTarget> change, Command command, CancellationToken cancellationToken)
        {
            var ids = command.ItemIds.Distinct().ToList();
            if (ids.Count > HarvestLimits.Batch)
            {
                throw new HarvestRuleException("TooMany");
            }
            var meetingId = change.Target.Meeting.Meeting.Id;
            var items = await db.Set<HarvestItem>().Where(i => i.MeetingId == meetingId && ids.Contains(i.Id)).ToListAsync(cancellationToken);
            var changed = items.Where(i => i.Moderate(command.Publish, change.Now)).Select(i => i.Id).Order().ToList();
            if (changed.Count == 0)
            {
                return 0;
            }
            change.Log(command.Publish ? "meeting.harvest-published" : "meeting.harvest-hidden", new { meeting = meetingId, items = changed });
            var now = change.Now;
            change.AfterCommit(() => _ = live.PublishAsync(HarvestLiveTopic.For(meetingId), new { meeting = meetingId, at = now }));
            return changed.Count;
        }
    }
}

/// <summary>Where a published item goes: a conversation of the process (as a statement by the team) or the process's proposals.</summary>
public enum HarvestDestination
{
    Statement,
    Proposal,
}

/// <summary>
/// A facilitator turns a published item into a statement of a conversation of the same process (through the
/// conversation's own <see cref="AddSeedStatement"/>, asked of its permissions) or into a proposal of the process
/// (through <see cref="IProposalTargets"/>, prefilled, authored by the facilitator, saying where it came from), in the
/// same change and log. The item keeps the link; turning it again is refused with a message naming the first.
/// </summary>
public static class TurnHarvestItem
{
    public sealed record Command(int MeetingId, int ItemId, HarvestDestination To, int? ConversationId, string? Title, string? Text) : IHarvestCommand;

    public sealed record Outcome(string Kind, int Id, string Title, string Link);

    public sealed class Handler(HarvestAccess access, CocreoDbContext db, ConversationAccessReader conversations, AddSeedStatement.Handler seed,
        IEnumerable<IProposalTargets> proposalTargets, ProcessLog log, LogCheckpoints checkpoints, IStringLocalizer<HarvestText> t) : IChange<Command, HarvestTarget, Outcome>
    {
        private ClaimsPrincipal user = new();

        public Task<HarvestTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            this.user = user;
            return access.ForChangeAsync(command.MeetingId, user, cancellationToken);
        }

        public Decision Decide(HarvestTarget target, Command command) => target.Decide(HarvestAction.Convert);

        public async Task<Outcome> RunAsync(Change<HarvestTarget> change, Command command, CancellationToken cancellationToken)
        {
            var meeting = change.Target.Meeting.Meeting;
            var item = await db.Set<HarvestItem>().SingleOrDefaultAsync(i => i.Id == command.ItemId && i.MeetingId == meeting.Id, cancellationToken)
                ?? throw new HarvestRuleException("UnknownItem");
            if (item.BecameKind is not null)
            {
                throw new HarvestRuleException("AlreadyTurned", item.BecameTitle ?? "");
            }
            if (!item.IsPublished)
            {
                throw new HarvestRuleException("NotPublished");
            }
            var text = string.IsNullOrWhiteSpace(command.Text) ? item.Text : command.Text.Trim();
            Outcome outcome;
            if (command.To == HarvestDestination.Statement)
            {
                var conversation = command.ConversationId is { } conversationId ? await conversations.ForChangeAsync(conversationId, user, cancellationToken) : null;
                if (conversation is null || conversation.Process.Id != meeting.ProcessId || !conversation.Conversation.IsOpen)
                {
                    throw new HarvestRuleException("NoConversation");
                }
                RefusedException.Unless(conversation.Decide(ConversationAction.Edit), true);
                var inner = new Change<ConversationTarget>(conversation, db, log, checkpoints, change.Now);
                await inner.PrepareAsync(cancellationToken);
                var statementId = await seed.RunAsync(inner, new AddSeedStatement.Command(conversation.Conversation.Id, text), cancellationToken);
                outcome = new Outcome("statement", statementId, text, $"/conversations/{conversation.Conversation.Id}");
            }
            else
            {
                var proposals = proposalTargets.FirstOrDefault(p => p.Kind == Proposals.ProcessProposalTargets.ProposalsKind) ?? throw new HarvestRuleException("NoProposals");
                var title = string.IsNullOrWhiteSpace(command.Title) ? HarvestText.TitleOf(item.Text) : command.Title.Trim();
                var words = t["From the harvest of the meeting \"{0}\"", meeting.Title.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal)].Value;
                var from = $"_[{words}](/meetings/{meeting.Id}/harvest#item-{item.Id})_";
                var made = await proposals.ProposeAsync(meeting.ProcessId, meeting.ProcessId, new ProposalDraft(title, text + "\n\n" + from, "", "", 0, null), user, change.Now, cancellationToken);
                outcome = new Outcome("proposal", made.ProposalId, made.Title, made.Link);
            }
            item.Became(outcome.Kind, outcome.Id, outcome.Title, outcome.Link, change.Now);
            change.Log("meeting.harvest-turned", new { meeting = meeting.Id, item = item.Id, became = outcome.Kind, id = outcome.Id });
            return outcome;
        }
    }
}
