using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The join link and its QR code, to print on a poster or a desk card: the link is always there as text too.</summary>
public sealed class ShareModel(JourneyAccessReader journeys, PublicLinks links) : JourneyPage(journeys)
{
    public string JoinLink { get; private set; } = "";
    public IHtmlContent QrCode { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var map = (await OpenAsync(id, JourneyAction.View, cancellationToken)).Map;
        // The printed link must lead to the platform's public address, whatever address this request came in at.
        JoinLink = links.To($"/j/{map.JoinCode}");
        QrCode = new HtmlString(QrSvg(JoinLink));
        return Page();
    }

    /// <summary>The QR code as inline SVG; the image is decorative for screen readers, who get the link as text beside it.</summary>
    public static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(280, 280), "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg.Replace("<svg ", "<svg class=\"qr-code\" aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
    }
}
