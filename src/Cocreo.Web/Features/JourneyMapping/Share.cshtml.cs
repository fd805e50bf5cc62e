using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>The join link and its QR code, to print on a poster or a desk card: the link is always there as text too.</summary>
public sealed class ShareModel(JourneyDirectory directory) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;
    public string JoinLink { get; private set; } = "";
    public IHtmlContent QrCode { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (journey, refusal) = await directory.LoadAsync(this, id, JourneyAction.View, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        Journey = journey!;
        JoinLink = $"{Request.Scheme}://{Request.Host}/j/{Journey.Map.JoinCode}";
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
