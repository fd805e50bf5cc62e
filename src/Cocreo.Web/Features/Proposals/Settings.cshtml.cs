using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>The team turns a process's proposals on, opens or closes them, and sets supports and their limit.</summary>
[Authorize]
public sealed class SettingsModel(ProposalAccess access, ChangeRunner changes, IStringLocalizer<ProposalsText> t) : PageModel
{
    public ProposalsView View { get; private set; } = null!;

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public sealed class SettingsForm
    {
        public bool Open { get; set; } = true;
        public bool SupportsEnabled { get; set; } = true;
        public int SupportLimit { get; set; }
        public string? Categories { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, ProposalAction.Configure, cancellationToken);
        if (View.Settings is { } s)
        {
            Input = new SettingsForm { Open = s.Open, SupportsEnabled = s.SupportsEnabled, SupportLimit = s.SupportLimit, Categories = s.Categories };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] ConfigureProposals.Handler configure, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, ProposalAction.Configure, cancellationToken);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("Input.SupportLimit", t["The limit is a number from 0 (no limit) to {0}.", ProposalLimits.MaxSupportLimit]);
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var changed = await changes.RunAsync(configure, new ConfigureProposals.Command(processId, Input.Open, Input.SupportsEnabled, Input.SupportLimit, Input.Categories), cancellationToken);
        return this.Done(changed ? t["The proposal settings are saved."] : t["Nothing changed."], ProposalLinks.List(processId));
    }
}
