using System.Net.Http.Headers;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>Files for proposals' attachments, and the ways the tests send them.</summary>
public static class AttachmentScenario
{
    /// <summary>A tiny valid PDF (one empty page), written by hand.</summary>
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

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
