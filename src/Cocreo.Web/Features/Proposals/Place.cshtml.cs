using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Its writers set or change a proposal's place on the map after putting it forward (<see cref="PlaceProcessProposal"/>):
/// the proposal form's two fields and its "Use my location", emptied to remove the place.
/// </summary>
[Authorize]
public sealed class PlaceModel(ProposalAccess access, ChangeRunner changes, IStringLocalizer<ProposalsText> t) : PageModel
{
    public ProposalsView View { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    /// <summary>Degrees as typed (a decimal point or comma) or filled in by "Use my location"; parsed by <see cref="ProposalRules.ParseDegrees"/>.</summary>
    public sealed class PlaceInput
    {
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
    }

    /// <summary>
    /// This page may ask the browser for the device's location ("Use my location", only when the person presses it),
    /// as the proposal form does; every other page keeps geolocation off (<see cref="Platform.Security.SecurityHeaders"/>).
    /// </summary>
    /// (Marked as no handler: an override loses the base's mark, and Razor Pages would take it for one.)
    [NonHandler]
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers["Permissions-Policy"] = Platform.Security.SecurityHeaders.PermissionsPolicy("geolocation=(self)");
        base.OnPageHandlerExecuting(context);
    }

    public async Task<IActionResult> OnGetAsync(int processId, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        Input = new PlaceInput { Latitude = Show(Proposal.Latitude), Longitude = Show(Proposal.Longitude) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, int id, [FromServices] PlaceProcessProposal.Handler place, CancellationToken cancellationToken)
    {
        await LoadAsync(processId, id, cancellationToken);
        var (latitude, longitude) = (Degrees(Input.Latitude, "Input.Latitude"), Degrees(Input.Longitude, "Input.Longitude"));
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var changed = await changes.RunAsync(place, new PlaceProcessProposal.Command(id, latitude, longitude), cancellationToken);
        return this.Done(!changed ? t["Nothing changed."] : latitude is null ? t["The proposal no longer has a place on the map."] : t["The proposal's place on the map is saved."],
            ProposalLinks.Of(processId, id));
    }

    /// <summary>The proposal, for its writers while it can be edited; anyone else is refused with the reason.</summary>
    private async Task LoadAsync(int processId, int id, CancellationToken cancellationToken)
    {
        (View, Proposal) = await access.ReadProposalAsync(processId, id, User, cancellationToken);
        var who = View.Process.Access;
        if (!who.IsAuthenticated)
        {
            throw new RefusedException(Refusal.SignIn);
        }
        var writer = Proposal.AuthorUserId == who.UserId || (await access.CoAuthorsAsync(id, cancellationToken)).Contains(who.UserId!);
        RefusedException.Unless(writer
            ? ProposalPermissions.Writable(View.Process.Process).And(() => Proposal.IsOpen && Proposal.Status is not (ProposalStatus.Accepted or ProposalStatus.Rejected)
                ? Decision.Allowed : Decision.NotNow(ProposalRules.Message("ProposalNotEditable"), typeof(ProposalPermissions)))
            : Decision.NotYours("Only its author and co-authors edit a proposal; the moderators can hide it.", typeof(ProposalPermissions)), isAuthenticated: true);
    }

    private static string? Show(double? degrees) => degrees?.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A typed coordinate; one that is not a number becomes the field's error (null).</summary>
    private double? Degrees(string? typed, string field)
    {
        var (value, understood) = ProposalRules.ParseDegrees(typed);
        if (!understood)
        {
            ModelState.AddModelError(field, t[ProposalRules.Message("CoordinateNumber")]);
        }
        return value;
    }
}
