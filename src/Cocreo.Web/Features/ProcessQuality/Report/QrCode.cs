using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A QR code of a link, drawn on the server as SVG from QRCoder's module matrix: one path, no inline style (the
/// content security policy allows none), named for screen readers. Pages always show the link as text too.
/// </summary>
public static class QrCode
{
    public static string Svg(string url, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        var name = WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{name}\" shape-rendering=\"crispEdges\"><title>{name}</title>" +
            $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }

    public static IHtmlContent Html(string url, string label) => new HtmlString(Svg(url, label));
}
