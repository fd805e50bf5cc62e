using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Home;

public sealed class IndexModel(ProcessDirectory directory) : PageModel
{
    public List<ProcessSummary> Processes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Processes = await directory.PublicAsync(Cultures.Current, 6, cancellationToken);
}
