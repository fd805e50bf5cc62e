using Cocreo.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Commitments;

/// <summary>A process's commitments, public: what, who, by when, where it stands; soonest deadline first.</summary>
public sealed class IndexModel(CommitmentAccess access, People people) : PageModel
{
    public CommitmentsView View { get; private set; } = null!;

    public List<Commitment> Commitments { get; private set; } = [];

    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int processId, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, CommitmentAction.View, cancellationToken);
        Commitments = await access.OfProcessAsync(processId, cancellationToken);
        Names = await people.NamesOfAsync(Commitments.Select(c => c.TaskholderUserId).OfType<string>().Distinct().ToList(), cancellationToken);
        return Page();
    }

    /// <summary>Who does it, in words: the person and the unit, whichever are named.</summary>
    public string Taskholder(Commitment c) => CommitmentPage.Taskholder(c, Names);
}

/// <summary>What the commitment pages show the same way.</summary>
public static class CommitmentPage
{
    public static string Taskholder(Commitment c, IReadOnlyDictionary<string, string> names) =>
        string.Join(", ", new[] { c.TaskholderUserId is { } id ? names.GetValueOrDefault(id) : null, c.Unit }.Where(s => !string.IsNullOrEmpty(s)));
}
