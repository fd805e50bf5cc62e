using System.Globalization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>
/// Shows instants (stored in UTC) in the platform's time zone (<c>Platform:TimeZone</c>, an IANA id such as
/// Europe/Ljubljana) and the reader's culture.
/// </summary>
public sealed class DateDisplay(IConfiguration configuration)
{
    private readonly TimeZoneInfo zone = FindZone(configuration["Platform:TimeZone"]);

    /// <summary>The platform's time zone.</summary>
    public TimeZoneInfo Zone => zone;

    public string Show(DateTime utc, string format = "f") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString(format, CultureInfo.CurrentCulture);

    public string Show(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>An instant as the platform's wall clock shows it (for a date-and-time field).</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// The instant a wall-clock time of the platform's zone names. A time the clocks skip when they go forward is
    /// taken as the moment after the skip; a time they pass twice when they go back, as the first.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public DateTime Today(TimeProvider clock) => TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone).Date;

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"Platform:TimeZone '{id}' is not a known time zone; use an IANA id such as Europe/Ljubljana.");
        }
    }
}
