namespace Cocreo.Sortition;

/// <summary>
/// How many panel members must have a feature value: at least <see cref="Min"/> and at most <see cref="Max"/>.
/// The optional flexible bounds (the Sortition Foundation's min_flex and max_flex) say how far the organiser
/// accepts to relax the quota when the quotas cannot all be met.
/// </summary>
/// <param name="Feature">The feature's name, e.g. "Gender".</param>
/// <param name="Value">The value, e.g. "Female".</param>
/// <param name="Min">The least number of panel members with this value.</param>
/// <param name="Max">The greatest number of panel members with this value.</param>
/// <param name="MinFlex">The lowest acceptable relaxed minimum, or null when not given.</param>
/// <param name="MaxFlex">The highest acceptable relaxed maximum, or null when not given.</param>
public sealed record Quota(string Feature, string Value, int Min, int Max, int? MinFlex = null, int? MaxFlex = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Feature}={Value} [{Min}, {Max}]";
}
