using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>A conversation read for one person: the conversation, its process and who the person is there.</summary>
public sealed record ConversationView(Conversation Conversation, Process Process, ProcessAccess Access, bool Verified)
{
    public ConversationSubject Subject => ConversationSubject.Of(Process, Conversation, Verified);

    public bool Can(ConversationAction action) => ConversationPermissions.Allows(action, Subject, Access);

    public Decision Decide(ConversationAction action) => ConversationPermissions.Decide(action, Subject, Access);
}

/// <summary>
/// A conversation loaded for a change (tracked), its process, who is asking and who the log names. A participant's
/// change also holds the participant (tracked; null before their first vote) and how they are known: their account,
/// or the hash of their browser's participant key.
/// </summary>
public sealed record ConversationTarget(Conversation Conversation, Process Process, ProcessAccess Access, LogActor Actor, bool Verified,
    ConversationParticipant? Participant = null, string? KeyHash = null) : IChangeTarget
{
    /// <summary>Who the log names for a participant's own change: the role, never the person.</summary>
    public static LogActor ParticipantActor { get; } = LogActor.Private("participant");

    public int? LogProcessId => Process.Id;

    public ConversationSubject Subject => ConversationSubject.Of(Process, Conversation, Verified);

    public Decision Decide(ConversationAction action) => ConversationPermissions.Decide(action, Subject, Access);
}

/// <summary>
/// Opens conversations for pages and changes: a page asks once and gets the conversation or a refusal thrown for the
/// page filter to answer (404 for one whose process the person may not see, sign-in or 403 with the reason otherwise).
/// </summary>
public sealed class ConversationAccessReader(CocreoDbContext db, ProcessDirectory processes, ProcessAccessReader access)
{
    public async Task<ConversationView> ReadAsync(int conversationId, ClaimsPrincipal user, ConversationAction action, CancellationToken cancellationToken)
    {
        var conversation = RefusedException.IfMissing(await db.Set<Conversation>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken));
        var process = RefusedException.IfMissing(await processes.FindAsync(conversation.ProcessId, cancellationToken));
        var who = await access.ForAsync(user, process, cancellationToken);
        var view = new ConversationView(conversation, process, who, await VerifiedAsync(who.UserId, cancellationToken));
        RefusedException.Unless(view.Decide(action), who.IsAuthenticated);
        return view;
    }

    /// <summary>Opens a process's conversations for a page that does <paramref name="action"/> (the list, starting one); refuses (throws) otherwise.</summary>
    public async Task<ProcessView> ReadProcessAsync(int processId, ClaimsPrincipal user, ConversationAction action, CancellationToken cancellationToken)
    {
        var process = RefusedException.IfMissing(await processes.FindAsync(processId, cancellationToken));
        var who = await access.ForAsync(user, process, cancellationToken);
        RefusedException.Unless(ConversationPermissions.Decide(action, ConversationSubject.Of(process, null, false), who), who.IsAuthenticated);
        return new ProcessView(process, who);
    }

    /// <summary>Loads a conversation for a change by its team (tracked); null when there is none.</summary>
    public async Task<ConversationTarget?> ForChangeAsync(int conversationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var conversation = await db.Set<Conversation>().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var process = await access.ForChangeAsync(conversation.ProcessId, user, cancellationToken);
        return process is null ? null : new ConversationTarget(conversation, process.Process, process.Access, process.Actor, await VerifiedAsync(process.Access.UserId, cancellationToken));
    }

    /// <summary>
    /// Loads a conversation for a participant's change, with the participant (tracked) the person's account or
    /// browser key names, if they took part before. Signed-in people take part with their account; others with the key.
    /// Someone who took part by link (key cookie) and then signed in, in a link conversation, where their account has no
    /// participant yet: the key's participant is attached to the account here and saved with the change (its key hash
    /// dropped, so after signing out the browser no longer speaks for the account); they do not become a second
    /// participant. When the account has one already, the account's is used and the key's votes stay as they are.
    /// </summary>
    public async Task<ConversationTarget?> ForParticipantAsync(int conversationId, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        var target = await ForChangeAsync(conversationId, user, cancellationToken);
        if (target is null)
        {
            return null;
        }
        var userId = user.UserId();
        var hash = ParticipantKeys.LooksValid(key) ? ParticipantKeys.Hash(conversationId, key!) : null;
        ConversationParticipant? participant;
        if (userId is not null)
        {
            participant = await db.Set<ConversationParticipant>().SingleOrDefaultAsync(p => p.ConversationId == conversationId && p.UserId == userId, cancellationToken);
            if (participant is null && hash is not null && target.Conversation.Access == ConversationAccess.Link)
            {
                participant = await db.Set<ConversationParticipant>().SingleOrDefaultAsync(p => p.ConversationId == conversationId && p.KeyHash == hash && p.UserId == null, cancellationToken);
                participant?.AttachAccount(userId);
            }
        }
        else
        {
            participant = hash is not null
                ? await db.Set<ConversationParticipant>().SingleOrDefaultAsync(p => p.ConversationId == conversationId && p.KeyHash == hash, cancellationToken)
                : null;
        }
        return target with { Actor = ConversationTarget.ParticipantActor, Participant = participant, KeyHash = userId is null ? hash : null };
    }

    /// <summary>
    /// The id of the participant the person's account or browser key names in this conversation, or null. A signed-in
    /// person without a participant of their own is shown what their browser's key did in a link conversation (it
    /// becomes theirs with their next vote or statement: <see cref="ForParticipantAsync"/>).
    /// </summary>
    public async Task<int?> ParticipantIdAsync(int conversationId, ClaimsPrincipal user, string? key, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        if (userId is not null)
        {
            var own = await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversationId && p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (own is not null || !ParticipantKeys.LooksValid(key))
            {
                return own;
            }
            var keyHash = ParticipantKeys.Hash(conversationId, key!);
            return await db.Set<ConversationParticipant>()
                .Where(p => p.ConversationId == conversationId && p.KeyHash == keyHash && p.UserId == null)
                .Join(db.Set<Conversation>().Where(c => c.Access == ConversationAccess.Link), p => p.ConversationId, c => c.Id, (p, _) => (int?)p.Id)
                .SingleOrDefaultAsync(cancellationToken);
        }
        if (!ParticipantKeys.LooksValid(key))
        {
            return null;
        }
        var hash = ParticipantKeys.Hash(conversationId, key!);
        return await db.Set<ConversationParticipant>().Where(p => p.ConversationId == conversationId && p.KeyHash == hash).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The conversation's words (question, context, questions about the participants) in the reader's language where translated.</summary>
    public async Task<ConversationWords> WordsAsync(Conversation conversation, string reader, CancellationToken cancellationToken)
    {
        var translations = reader == conversation.Language ? []
            : await db.Set<ConversationTranslation>().AsNoTracking().Where(t => t.ConversationId == conversation.Id && t.Language == reader).ToListAsync(cancellationToken);
        var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == conversation.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        return ConversationWords.Of(conversation, translations, questions, reader);
    }

    /// <summary>Whether the statement belongs to the conversation.</summary>
    public Task<bool> HasStatementAsync(int conversationId, int statementId, CancellationToken cancellationToken) =>
        db.Set<ConversationStatement>().AnyAsync(s => s.Id == statementId && s.ConversationId == conversationId, cancellationToken);

    private async Task<bool> VerifiedAsync(string? userId, CancellationToken cancellationToken) =>
        userId is not null && await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, cancellationToken);
}
