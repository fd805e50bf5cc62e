using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A proposal of a process translated by its authors or the process's team (<see cref="TranslateProcessProposal"/>):
/// choose a language, then write its title, description and location in it. The checks are the use case's.
/// </summary>
[Authorize]
public sealed class TranslationsModel(ProposalAccess access, ModerationDirectory moderation, ChangeRunner changes, IStringLocalizer<ProposalsText> t) : PageModel
{
    [BindProperty]
    public TranslationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    public ProposalsView View { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;

    public IEnumerable<(string Code, string Name)> OtherLanguages => ContentLanguages.All.Where(l => l.Code != Proposal.Language);

    /// <summary>What the page and the API take: the words in the other language.</summary>
    public sealed class TranslationInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? Location { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int processId, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        if (Language is not null && !ContentLanguages.IsKnown(Language))
        {
            Language = null;
        }
        if (Language is not null && Proposal.Translations.FirstOrDefault(x => x.Language == Language) is { } existing)
        {
            Input = new TranslationInput { Title = existing.Title, Body = existing.Description, Location = existing.Location };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, int id, [FromServices] TranslateProcessProposal.Handler translate, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var changed = await changes.RunAsync(translate, new TranslateProcessProposal.Command(id, Language ?? "", Input.Title, Input.Body, Input.Location), cancellationToken);
        return this.Done(changed ? t["The translation was saved and logged."] : t["Nothing changed."], ProposalLinks.Of(processId, id));
    }

    /// <summary>The proposal for its writers or the team; anyone else is refused with the reason (or does not find it).</summary>
    private async Task LoadAsync(int processId, int id, CancellationToken cancellationToken)
    {
        (View, Proposal) = await access.ReadProposalAsync(processId, id, User, cancellationToken);
        var who = View.Process.Access;
        var writer = who.UserId is { } reader && (Proposal.AuthorUserId == reader || (await access.CoAuthorsAsync(id, cancellationToken)).Contains(reader));
        var status = await moderation.StatusAsync(ProcessProposalContents.Kind, id, cancellationToken);
        RefusedException.Unless(ProposalTranslating.Decide(View.Process.Process, who, View.Settings, Proposal, writer, status), who.IsAuthenticated);
    }
}
