using System.Globalization;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Tests.Shared;

/// <summary>Turnout and shares are shown with enough digits to be true (issue 15: "turnout 0.0 % for 10 of 24,000").</summary>
public sealed class PercentagesTests
{
    [Theory]
    [InlineData(10.0 / 24_000 * 100, "0.042 %")]
    [InlineData(0.5, "0.50 %")]
    [InlineData(0.0, "0.0 %")]
    [InlineData(12.345, "12.3 %")]
    [InlineData(100.0, "100.0 %")]
    [InlineData(0.000_04, "0.000040 %")]
    public void A_share_keeps_two_significant_digits_when_it_is_small(double percent, string shown) =>
        Assert.Equal(shown, Percentages.Show((decimal)percent, CultureInfo.GetCultureInfo("en-GB")));

    [Fact]
    public void Slovenian_uses_its_decimal_comma() =>
        Assert.Equal("0,042 %", Percentages.Show(10m / 24_000m * 100m, CultureInfo.GetCultureInfo("sl-SI")));
}
