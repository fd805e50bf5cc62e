using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The team translates a conversation's question, context and questions about the participants, so people read it in their language.</summary>
[Authorize]
public sealed class TranslationsModel(ConversationAccessReader conversations, CocreoDbContext db, ChangeRunner changes, IStringLocalizer<ConversationText> t) : PageModel
{
    [BindProperty]
    public ConversationTranslationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public ConversationView View { get; private set; } = null!;
    public Conversation Conversation => View.Conversation;
    public List<ConversationTranslation> Existing { get; private set; } = [];
    public List<ConversationQuestion> Questions { get; private set; } = [];

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Conversation.Language);

    public sealed class ConversationTranslationInput
    {
        [Required(ErrorMessage = "Write the question the conversation is about.")]
        [StringLength(ConversationLimits.Question, ErrorMessage = "The question can have at most 300 characters.")]
        public string Question { get; set; } = "";

        [StringLength(ConversationLimits.Context, ErrorMessage = "The context can have at most 20,000 characters.")]
        public string? Context { get; set; }

        /// <summary>The questions about the participants, in the conversation's order: each question and its answers; empty ones show the original.</summary>
        public List<QuestionInput> Questions { get; set; } = [];

        /// <summary>The words as the use case takes them (the page and the API alike).</summary>
        public ConversationTranslationContent Content() =>
            new(Question, Context, (Questions ?? []).Select(q => new TranslatedConversationQuestion(q.Text, q.Options ?? [])).ToList());
    }

    public sealed class QuestionInput
    {
        [StringLength(ConversationQuestions.TextLength, ErrorMessage = "Each question and answer can have at most {1} characters.")]
        public string? Text { get; set; }

        public List<string?> Options { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Language is not null && Existing.In(Language) is { } existing)
        {
            Input = new ConversationTranslationInput
            {
                Question = existing.Question,
                Context = existing.Context,
                Questions = existing.Questions.Select(words => words.Split('\n')).Select(lines => new QuestionInput
                {
                    Text = lines[0],
                    Options = lines.Skip(1).Select(l => (string?)l).ToList(),
                }).ToList(),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] TranslateConversation.Handler translate, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Language is null || !ContentLanguages.IsKnown(Language) || Language == Conversation.Language)
        {
            ModelState.AddModelError(nameof(Language), t["Choose a language other than the one the conversation is written in."]);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        await changes.RunAsync(translate, new TranslateConversation.Command(id, Language!, Input.Content()), cancellationToken);
        return this.Done(t["The translation was saved and logged."], $"/conversations/{id}/translations");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        View = await conversations.ReadAsync(id, User, ConversationAction.Translate, cancellationToken);
        Existing = await db.Set<ConversationTranslation>().AsNoTracking().Where(x => x.ConversationId == id).OrderBy(x => x.Language).ToListAsync(cancellationToken);
        Questions = await db.Set<ConversationQuestion>().AsNoTracking().Where(q => q.ConversationId == id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
    }
}
