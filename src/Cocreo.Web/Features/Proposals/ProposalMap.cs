using System.Globalization;
using Cocreo.Web.Features.Budgeting;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A proposal's place on the map, as a link to OpenStreetMap: our pages load no tiles and no script from elsewhere
/// (the content security policy allows none); a map view with tiles needs a configured tile server (not built).
/// </summary>
public static class ProposalMap
{
    /// <summary>A coordinate as written in links and shown: invariant, at most 5 decimals (46.05108).</summary>
    public static string Degrees(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>The OpenStreetMap page with a marker on the place, zoomed to streets; null when the proposal has no coordinates.</summary>
    public static string? Link(Proposal proposal) => proposal.Latitude is { } lat && proposal.Longitude is { } lon ? Link(lat, lon) : null;

    public static string Link(double latitude, double longitude)
    {
        var (lat, lon) = (Degrees(latitude), Degrees(longitude));
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }
}
