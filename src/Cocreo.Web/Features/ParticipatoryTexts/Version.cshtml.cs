using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>A published version: its note (what changed, which amendments were taken and why) and what changed since the one before.</summary>
public sealed class VersionModel(TextAccess access, TextAmendments amendments) : PageModel
{
    /// <summary>The amendments this version took (accepted since the version before), with links and their reasons.</summary>
    public IReadOnlyList<TakenAmendment> Taken { get; private set; } = [];

    public TextView View { get; private set; } = null!;

    public TextVersion Version { get; private set; } = null!;

    public IReadOnlyList<SectionChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int number, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, TextAction.View, cancellationToken);
        Version = RefusedException.IfMissing(await access.VersionAsync(id, number, cancellationToken));
        var previous = number > 1 ? await access.VersionAsync(id, number - 1, cancellationToken) : null;
        Changes = TextComparison.Of(previous?.Sections ?? [], Version.Sections);
        var versions = await access.VersionsAsync(id, cancellationToken);
        Taken = (await amendments.TakenAsync(id, versions, cancellationToken)).GetValueOrDefault(number) ?? [];
        return Page();
    }
}

/// <summary>Any two versions of a text, section by section.</summary>
public sealed class CompareModel(TextAccess access) : PageModel
{
    public TextView View { get; private set; } = null!;

    public TextVersion From { get; private set; } = null!;

    public TextVersion To { get; private set; } = null!;

    public IReadOnlyList<SectionChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(id, User, TextAction.View, cancellationToken);
        From = RefusedException.IfMissing(await access.VersionAsync(id, from, cancellationToken));
        To = RefusedException.IfMissing(await access.VersionAsync(id, to, cancellationToken));
        Changes = TextComparison.Of(From.Sections, To.Sections);
        return Page();
    }
}
