using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The conversations of a process; its team starts one (in any phase) with its first seed statements.</summary>
public sealed class IndexModel(ConversationAccessReader conversations, CocreoDbContext db, ChangeRunner changes, IStringLocalizer<ConversationText> t) : PageModel
{
    [BindProperty]
    public NewConversationInput Input { get; set; } = new();

    public Process Process { get; private set; } = null!;
    public List<Conversation> Conversations { get; private set; } = [];

    /// <summary>Each conversation's question in the reader's language where translated.</summary>
    public Dictionary<int, Platform.Localization.Written> Questions { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public sealed class NewConversationInput : ConversationForm
    {
        /// <summary>Seed statements, one a line.</summary>
        public string? Seeds { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, ConversationAction.View, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] StartConversation.Handler start, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, ConversationAction.Create, cancellationToken);
        var questions = ModelState.IsValid ? Input.ParseQuestions(ModelState, t) : null;
        if (!ModelState.IsValid || questions is null)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var seeds = (Input.Seeds ?? "").Split('\n').Select(StatementText.Tidy).Where(s => s.Length > 0).ToList();
        var id = await changes.RunAsync(start, new StartConversation.Command(processId, Input.ToSettings(), seeds, questions), cancellationToken);
        return this.Done(t["The conversation was started. Add seed statements so the first people have something to vote on."], $"/conversations/{id}/manage");
    }

    private async Task LoadAsync(int processId, ConversationAction action, CancellationToken cancellationToken)
    {
        var view = await conversations.ReadProcessAsync(processId, User, action, cancellationToken);
        Process = view.Process;
        CanCreate = ConversationPermissions.Allows(ConversationAction.Create, ConversationSubject.Of(Process, null, false), view.Access);
        Conversations = await db.Set<Conversation>().AsNoTracking().Where(c => c.ProcessId == processId).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var reader = Platform.Localization.Cultures.Current;
        var ids = Conversations.Select(c => c.Id).ToList();
        var translations = await db.Set<ConversationTranslation>().AsNoTracking().Where(t => ids.Contains(t.ConversationId) && t.Language == reader).ToListAsync(cancellationToken);
        Questions = Conversations.ToDictionary(c => c.Id, c => Platform.Localization.Translations.Pick(c.Question, c.Language, translations.Where(t => t.ConversationId == c.Id), reader, t => t.Question));
    }
}
