using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Meetings;

/// <summary>/meetings: the upcoming meetings of every public process.</summary>
public sealed class UpcomingModel(MeetingListing listing) : PageModel
{
    public List<UpcomingMeeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Meetings = await listing.UpcomingAsync(Platform.Localization.Cultures.Current, 100, cancellationToken);
}
