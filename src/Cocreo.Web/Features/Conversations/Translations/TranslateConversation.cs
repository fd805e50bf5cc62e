using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The team adds or replaces a conversation's words in another language (the question, the context, the questions
/// about the participants and their answers), while the conversation is open or closed; statements are not translated.
/// </summary>
public static class TranslateConversation
{
    public sealed record Command(int ConversationId, string Language, ConversationTranslationContent Content) : IConversationCommand;

    public sealed class Handler(ConversationAccessReader conversations, CocreoDbContext db) : ConversationChange<Command, Done>(conversations, ConversationAction.Translate)
    {
        public override async Task<Done> RunAsync(Change<ConversationTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!ContentLanguages.IsKnown(command.Language))
            {
                throw new ConversationRuleException("UnknownLanguage");
            }
            var conversation = change.Target.Conversation;
            var questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == conversation.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
            var translation = await db.Set<ConversationTranslation>().SingleOrDefaultAsync(t => t.ConversationId == conversation.Id && t.Language == command.Language, cancellationToken);
            if (translation is null)
            {
                translation = ConversationTranslation.For(conversation.Id, command.Language);
                db.Add(translation);
            }
            translation.Set(conversation, questions, command.Content, change.Now);
            change.Log("conversation.translated", new { conversation = conversation.Id, language = command.Language, question = translation.Question });
            return new Done();
        }
    }
}
