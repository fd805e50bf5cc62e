using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SkiaSharp;

namespace Cocreo.Browser.Tests;

/// <summary>
/// Attachments on the narrowest phone (320 px). A resident drafts a proposal with a picture (a small PNG drawn here)
/// and a PDF; the proposal's page shows the picture with its description and the PDF as a link that downloads as
/// application/pdf; the resident removes the PDF. A file too large is refused at once in the form, a file that is not a
/// PDF is refused by the server with the reason on the field. Every page visited passes axe (no serious or critical
/// violation) and needs no sideways scrolling.
/// </summary>
public sealed class ProposalAttachmentPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    /// <summary>A one-page PDF with a cross-reference table (the server rewrites what it stores, so it must be readable).</summary>
    private static readonly byte[] Pdf = OnePagePdf();

    private static byte[] OnePagePdf()
    {
        const string stream = "BT /F1 12 Tf 40 160 Td (Planting plan) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [Fact]
    public async Task A_resident_drafts_a_proposal_with_a_picture_and_a_pdf_and_removes_the_pdf_on_a_320_px_phone()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var resident = await app.CreateUserAsync("Rok Resident");
        var processId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Piran", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Shade on the square", "The square is too hot in summer.", "Ideas for shade.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var settings = ProposalSettings.TurnOn(process.Id);
            settings.Change(true, true, 0, "Trees\nAwnings");
            db.Add(settings);
            await db.SaveChangesAsync();
            return process.Id;
        });

        var phone = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            IsMobile = true,
            HasTouch = true,
            AcceptDownloads = true,
        });
        var page = await phone.NewPageAsync();
        async Task CheckAsync()
        {
            await page.AssertNoSeriousViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
        }
        await page.GotoAsync("/account/sign-in?culture=en");
        await page.Locator("#Input_Email").FillAsync(resident.Email!);
        await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        // The draft, with a picture and a PDF.
        await page.GotoAsync($"/processes/{processId}/proposals/new");
        await CheckAsync();
        await page.Locator("#Input_Title").FillAsync("Plane trees along the square");
        await page.Locator("#Input_Body").FillAsync("Plant six plane trees on the south side of the square.");
        await page.Locator("#Input_Category").SelectOptionAsync("Trees");
        await page.Locator("#Input_Image").SetInputFilesAsync(new FilePayload { Name = "trees.png", MimeType = "image/png", Buffer = Png() });
        await page.Locator("#Input_ImageAlt").FillAsync("Six young plane trees drawn along the south side of the square.");
        await page.Locator("#Input_Document").SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#Input_DocumentTitle").FillAsync("Planting plan");
        await page.Locator("main form[method='post'] button[type=submit]:not([formmethod])").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, $"/processes/{processId}/proposals/\\d+$"));
        var proposalUrl = page.Url;
        await CheckAsync();

        // The picture with its description, the PDF as a download of type application/pdf.
        var picture = page.Locator(".proposal-images img");
        await Assertions.Expect(picture).ToHaveAttributeAsync("alt", "Six young plane trees drawn along the south side of the square.");
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the picture is not shown");
        var link = page.Locator(".proposal-documents a", new() { HasText = "Planting plan" });
        await Assertions.Expect(link).ToHaveAttributeAsync("download", "");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("Planting-plan.pdf", download.SuggestedFilename);
        var served = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, served.Status);
        Assert.StartsWith("application/pdf", served.Headers["content-type"], StringComparison.Ordinal);
        // What is served is what was stored: the upload rewritten (docs/security.md, Uploads), still a PDF.
        var body = await served.BodyAsync();
        Assert.Equal(await app.WithDbAsync(db => db.Set<AttachedDocument>().Where(d => d.Title == "Planting plan").Select(d => d.Content).SingleAsync()), body);
        Assert.Null(PdfFile.Check(body));

        // A document too large is refused in the form at once (nothing is sent); one that is not a PDF, by the server.
        var document = page.Locator("#NewDocument");
        await document.SetInputFilesAsync(new FilePayload { Name = "huge.pdf", MimeType = "application/pdf", Buffer = new byte[PdfFile.MaxBytes + 1] });
        await Assertions.Expect(page.Locator("#NewDocument-check")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#NewDocument-check")).ToContainTextAsync("larger than 10 MB");
        Assert.Equal(0, await document.EvaluateAsync<int>("input => input.files.length"));
        await CheckAsync();
        await document.SetInputFilesAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = "<html><body>Not a PDF</body></html>"u8.ToArray() });
        await page.Locator("#NewDocumentTitle").FillAsync("Notes");
        await page.Locator("form[action*='handler=Document'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#NewDocument-error")).ToContainTextAsync("The file is not a PDF document");
        await Assertions.Expect(page.Locator(".error-summary a[href='#NewDocument']")).ToBeVisibleAsync();
        await CheckAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync()));

        // The resident removes the PDF; the picture stays.
        await page.GotoAsync(proposalUrl);
        await page.Locator(".proposal-documents form[action*='handler=RemoveDocument'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(proposalUrl, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".proposal-documents")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".proposal-images img")).ToHaveCountAsync(1);
        await CheckAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync()));
        await phone.CloseAsync();
    }

    /// <summary>A small PNG: a green square on light blue, drawn with Skia.</summary>
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(48, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xCC, 0xE5, 0xFF));
            using var paint = new SKPaint { Color = new SKColor(0x2E, 0x7D, 0x32) };
            canvas.DrawRect(12, 6, 24, 20, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
