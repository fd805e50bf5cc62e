using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Conversations;

/// <summary>What someone may do with a conversation.</summary>
public enum ConversationAction
{
    /// <summary>Read the conversation, its statements and its opinion map.</summary>
    View,

    /// <summary>Vote on statements, and add statements where participants may.</summary>
    TakePart,

    /// <summary>Start a conversation in the process.</summary>
    Create,

    /// <summary>Change the question, context and settings; add seed statements; pin; close and reopen.</summary>
    Edit,

    /// <summary>Accept and reject statements (through the shared moderation).</summary>
    Moderate,

    /// <summary>Make an accepted statement into a proposal (of a budget of the process); the place decides too.</summary>
    MakeProposal,

    /// <summary>Add or change a translation of the question, the context and the questions about the participants.</summary>
    Translate,
}

/// <summary>The facts about a conversation, its process and the person that permissions depend on.</summary>
/// <param name="Verified">The person's account has a confirmed e-mail address.</param>
public sealed record ConversationSubject(ProcessVisibility Visibility, bool ProcessClosed, bool ProcessArchived, bool ConversationOpen, ConversationAccess Access, bool Verified)
{
    public static ConversationSubject Of(Process process, Conversation? conversation, bool verified) =>
        new(process.Visibility, process.IsClosed, process.IsArchived, conversation?.IsOpen ?? true, conversation?.Access ?? ConversationAccess.Link, verified);
}

/// <summary>
/// The one place that decides who may do what with a conversation; pages, endpoints, handlers and tests all ask it.
/// Who may see the process may see its conversations; who runs the process runs them (in any phase, until the
/// process closes). Taking part depends on the conversation's setting: anyone with the link, signed-in people, or
/// people with a verified account; a refusal says what to do.
/// </summary>
public static class ConversationPermissions
{
    public static bool Allows(ConversationAction action, ConversationSubject subject, ProcessAccess who) => Decide(action, subject, who).IsAllowed;

    public static Decision Decide(ConversationAction action, ConversationSubject subject, ProcessAccess who)
    {
        if (!ProcessPermissions.CanSee(subject.Visibility, who))
        {
            return Decision.Hidden;
        }
        if (action != ConversationAction.View && subject.ProcessArchived)
        {
            return ProcessPermissions.Archived;
        }
        return action switch
        {
            ConversationAction.View => Decision.Allowed,
            ConversationAction.TakePart => ProcessPermissions.Open(subject.ProcessClosed)
                .And(() => subject.ConversationOpen ? Decision.Allowed : Decision.NotNow("This conversation is closed: votes and statements are no longer taken.", typeof(ConversationPermissions)))
                .And(() => subject.Access switch
                {
                    ConversationAccess.SignedIn when !who.IsAuthenticated => NotYours("Sign in to take part in this conversation."),
                    ConversationAccess.Verified when !who.IsAuthenticated => NotYours("Sign in with a verified account to take part in this conversation."),
                    ConversationAccess.Verified when !subject.Verified => NotYours("This conversation is for verified accounts: confirm your e-mail address (see the message we sent you, or ask for a new one on your account page), then come back."),
                    _ => Decision.Allowed,
                }),
            ConversationAction.Create => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, start conversations.")
                : ProcessPermissions.Open(subject.ProcessClosed),
            ConversationAction.Edit => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, run the conversation.")
                : ProcessPermissions.Open(subject.ProcessClosed),
            ConversationAction.MakeProposal => !who.Runs
                ? NotYours("Only the process's owner and facilitators, and the organisation's administrators, make statements into proposals.")
                : ProcessPermissions.Open(subject.ProcessClosed),
            // The words, not the rules: translating goes on after the process closes (not once it is archived), as a budget's.
            ConversationAction.Translate => who.Runs ? Decision.Allowed : NotYours("Only the process's owner and facilitators, and the organisation's administrators, translate the conversation."),
            // Moderation goes on after a process closes, as for all content.
            ConversationAction.Moderate => who.Runs ? Decision.Allowed : NotYours("Only the process's owner and facilitators, and the organisation's administrators, moderate statements."),
            _ => NotYours("This change is not allowed."),
        };
    }

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(ConversationPermissions));
}
