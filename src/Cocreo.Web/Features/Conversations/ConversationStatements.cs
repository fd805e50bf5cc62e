using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// Participants' and the team's statements as the shared moderation sees them (kind <c>conversations/statement</c>):
/// the moderation case is the record of reports and decisions, and the statement keeps its own status (pending,
/// accepted, rejected with the public reason) in step with it through <see cref="ApplyAsync"/>, so voting, routing and
/// the map read one column. Keeping a pending statement accepts it; hiding one rejects it with the reason.
/// </summary>
public sealed class ConversationStatements(CocreoDbContext db, IStringLocalizer<ConversationText> t) : IModeratedContent
{
    public const string Kind = "conversations/statement";

    string IModeratedContent.Kind => Kind;

    public async Task<ModeratedItem?> FindAsync(int itemId, CancellationToken cancellationToken)
    {
        var found = await (from s in db.Set<ConversationStatement>().AsNoTracking()
                           join c in db.Set<Conversation>() on s.ConversationId equals c.Id
                           join p in db.Set<ConversationParticipant>() on s.AuthorParticipantId equals p.Id into authors
                           from a in authors.DefaultIfEmpty()
                           where s.Id == itemId
                           select new { c.ProcessId, Conversation = c.Id, UserId = a == null ? null : a.UserId })
            .SingleOrDefaultAsync(cancellationToken);
        // A participant without an account is nobody's as far as reporting goes; the team's statements too.
        return found is null ? null : new ModeratedItem(found.ProcessId, found.UserId ?? "", false, new { conversation = found.Conversation, statement = itemId });
    }

    public async Task<IReadOnlyDictionary<int, ModeratedItemView>> DescribeAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken)
    {
        var statements = await (from s in db.Set<ConversationStatement>().AsNoTracking()
                                join c in db.Set<Conversation>() on s.ConversationId equals c.Id
                                where itemIds.Contains(s.Id)
                                select new { s.Id, s.Text, s.ByTeam, s.CreatedAt, c.Question, Conversation = c.Id })
            .ToListAsync(cancellationToken);
        return statements.ToDictionary(s => s.Id, s => new ModeratedItemView(
            s.Text, s.ByTeam ? t["The team"] : t["A participant"], s.CreatedAt, null, false,
            t["A statement in the conversation “{0}”", s.Question], $"/conversations/{s.Conversation}/manage"));
    }

    public async Task ApplyAsync(int itemId, bool shown, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var statement = await db.Set<ConversationStatement>().SingleOrDefaultAsync(s => s.Id == itemId, cancellationToken);
        if (statement is null)
        {
            return;
        }
        if (shown)
        {
            statement.Accept();
        }
        else
        {
            statement.Reject(reason ?? ModerationCase.HiddenByReportsReason);
        }
    }
}
