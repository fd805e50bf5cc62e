using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Proposals.AttachmentScenario;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// Pictures and PDF documents on proposals of a process: pictures through the budget projects' pipeline (re-encoded,
/// described, one table), documents checked by their bytes, rewritten without anything that acts in a viewer and served
/// only as downloads, to whoever may read the proposal; refused files say why and write nothing; a double submit adds
/// one; strangers change nothing.
/// </summary>
public abstract class ProposalAttachmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_picture_is_re_encoded_without_its_exif_shown_on_the_page_and_as_the_list_s_thumbnail()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A pocket park");
        var url = ProposalLinks.Of(cast.ProcessId, id);
        // A phone photo: EXIF with the GPS position and a comment with an address, and a web page after its end.
        byte[] photo = [.. TestImages.JpegWith(TestImages.Drawn(40, 20), (0xE1, TestImages.Exif(6)), (0xFE, "Taken at home, Trubarjeva 12"u8.ToArray())), .. TestImages.Html];

        var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Image");
        fields["NewImageAlt"] = "The empty lot today.";
        var added = await PostFileAsync(cast.ParticipantClient, action, fields, "NewImage", photo, "photo.txt", contentType: "text/plain");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await Problems(added));

        var stored = await App.WithDbAsync(db => db.Set<ProposalImage>().AsNoTracking().SingleAsync(i => i.ProposalId == id));
        foreach (var bytes in new[] { stored.Content, stored.Thumbnail })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(TestImages.Latitude));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Trubarjeva"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("<script>"u8));
        }
        // Turned upright by its orientation.
        Assert.Equal((20, 40), (stored.Width, stored.Height));

        var page = await cast.AnonymousClient.GetOkPageAsync(url);
        var img = page.QuerySelector(".proposal-images img")!;
        Assert.Equal(("The empty lot today.", "20", "40"), (img.GetAttribute("alt"), img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Empty(page.QuerySelectorAll("form[action*=Image]"));
        var served = await cast.AnonymousClient.Http.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(stored.Content, await served.Content.ReadAsByteArrayAsync());

        var list = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals");
        var thumbnail = list.QuerySelector(".proposal-card img.proposal-thumbnail")!;
        Assert.Equal(($"/process-proposals/{id}/images/{stored.Id}/thumbnail", "The empty lot today."), (thumbnail.GetAttribute("src"), thumbnail.GetAttribute("alt")));
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.Http.GetAsync(thumbnail.GetAttribute("src"))).StatusCode);

        // The log names the proposal and the picture by id only, and the author by role only.
        var entry = Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.attachment-added"));
        using var data = JsonDocument.Parse(entry.Data);
        Assert.Equal(["image", "proposal"], data.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("Participant", entry.ActorName ?? "", StringComparison.Ordinal);

        // Without a description the picture is refused with the reason, and nothing is stored.
        (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Image");
        var undescribed = await PostFileAsync(cast.ParticipantClient, action, fields, "NewImage", TestImages.Png, "park.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, undescribed.StatusCode);
        Assert.NotNull((await FormClient.ParseAsync(undescribed)).GetElementById("NewImageAlt-error"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ProposalImage>().CountAsync(i => i.ProposalId == id)));
    }

    [Fact]
    public async Task A_pdf_is_accepted_listed_and_served_only_as_a_download_named_after_its_title()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);

        var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Document");
        fields["NewDocumentTitle"] = "Načrt trga / \"final\"";
        var added = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", Pdf, "../../etc/passwd.exe", contentType: "text/html");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await Problems(added));

        var page = await cast.AnonymousClient.GetOkPageAsync(url);
        var item = page.QuerySelector(".proposal-documents li")!;
        Assert.Contains("Načrt trga / \"final\"", item.TextContent, StringComparison.Ordinal);
        // The size shown is the stored (rewritten) size.
        var stored = await App.WithDbAsync(db => db.Set<AttachedDocument>().AsNoTracking().SingleAsync(d => d.ProposalId == id));
        Assert.Equal(stored.Content.Length, stored.Size);
        Assert.Contains($"PDF, {Math.Max(1, (int)Math.Round(stored.Size / 1024m))} kB", item.TextContent, StringComparison.Ordinal);
        var link = item.QuerySelector("a")!.GetAttribute("href")!;

        var served = await cast.AnonymousClient.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        var disposition = served.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Contains("filename*=UTF-8''Na%C4%8Drt-trga-final.pdf", served.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("Nacrt-trga-final.pdf", disposition.FileName?.Trim('"'));
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.Content, bytes);
        AssertClean(bytes, "Načrt trga / \"final\"");

        // Found only under its own proposal.
        var other = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Another square");
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync(link.Replace($"/process-proposals/{id}/", $"/process-proposals/{other}/", StringComparison.Ordinal))).StatusCode);

        // The API adds one too (multipart with the page's field names) and removes it.
        var api = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Costs" }, "NewDocument", Pdf, "costs.pdf", api: true);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var documentId = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Delete, $"/api/v1/process-proposals/{id}/documents/{documentId}")).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
        Assert.Equal(2, (await LogAsync(App, cast.ProcessId, "proposal.attachment-added")).Count);
        var removed = Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.attachment-removed"));
        using var removedData = JsonDocument.Parse(removed.Data);
        Assert.Equal([("document", documentId), ("proposal", id)], removedData.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).OrderBy(p => p.Name));
    }

    [Fact]
    public async Task Files_that_are_not_a_pdf_empty_too_large_or_too_many_are_refused_with_their_reason_and_nothing_is_written()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);
        byte[] tooLarge = [.. "%PDF-1.4\n"u8, .. new byte[PdfFile.MaxBytes], .. "\n%%EOF\n"u8];
        // A PDF's start, cut off before its end.
        byte[] cutOff = Pdf[..(Pdf.Length / 2)];
        (string Name, byte[] Bytes, string Message)[] refused =
        [
            ("x.pdf", TestImages.Html, "The file is not a PDF document"),
            ("cut.pdf", cutOff, "The file is not a PDF document"),
            ("empty.pdf", [], "The file is empty (0 bytes)."),
            ("big.pdf", tooLarge, "The file is 10.0 MB; a document can be at most 10 MB."),
        ];
        foreach (var (name, bytes, message) in refused)
        {
            var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Document");
            fields["NewDocumentTitle"] = "Plan";
            var response = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", bytes, name, contentType: "application/pdf");
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode}");
            var form = await FormClient.ParseAsync(response);
            Assert.Contains(message, ErrorOf(form, "NewDocument"), StringComparison.Ordinal);
            // The error summary links to the field.
            Assert.NotNull(form.QuerySelector(".error-summary a[href='#NewDocument']"));
        }
        var untitled = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", [], "NewDocument", Pdf, "plan.pdf", api: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, untitled.StatusCode);
        Assert.True((await untitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newDocumentTitle", out _));
        var html = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Plan" }, "NewDocument", TestImages.Html, "x.pdf", api: true,
            contentType: "application/pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.Contains("not a PDF", (await html.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("newDocument")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.attachment-added"));

        // Five are the limit: the sixth is refused, counted inside the change.
        for (var i = 0; i < PdfFile.MaxPerProposal; i++)
        {
            await AttachAsync(App, id, document: true);
        }
        var page = await cast.ParticipantClient.GetOkPageAsync(url);
        Assert.Null(page.QuerySelector("form[action*='handler=Document']"));
        Assert.Contains("5 documents", page.QuerySelector(".proposal-attachments")!.TextContent, StringComparison.Ordinal);
        var sixth = await PostFileAsync(cast.ParticipantClient, $"{url}?handler=Document", new() { ["NewDocumentTitle"] = "Sixth" }, "NewDocument", Pdf, "sixth.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sixth.StatusCode);
        Assert.Contains("at most 5 documents", ErrorOf(await FormClient.ParseAsync(sixth), "NewDocument"), StringComparison.Ordinal);
        Assert.Equal(PdfFile.MaxPerProposal, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));

        // In Slovenian too.
        await cast.ParticipantClient.Http.GetAsync("/culture/sl?returnUrl=/");
        var slovenian = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Načrt" }, "NewDocument", Pdf, "n.pdf", api: true);
        Assert.Contains("Predlog ima lahko največ 5 dokumentov", await slovenian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_submit_adds_one_document_and_strangers_neither_add_nor_remove()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);

        var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Document");
        fields["NewDocumentTitle"] = "Plan";
        var first = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", Pdf, "plan.pdf");
        var second = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", Pdf, "plan.pdf");
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        // The same through the API with one submission id.
        var submission = Guid.NewGuid().ToString();
        foreach (var _ in new[] { 1, 2 })
        {
            var api = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/images", new() { ["NewImageAlt"] = "A sketch.", ["submissionId"] = submission },
                "NewImage", TestImages.Png, "sketch.png", api: true);
            Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ProposalImage>().CountAsync(i => i.ProposalId == id)));
        Assert.Equal(2, (await LogAsync(App, cast.ProcessId, "proposal.attachment-added")).Count);

        // Someone else (staff of another organisation, even the process's owner) neither adds nor removes.
        var documentId = await App.WithDbAsync(db => db.Set<AttachedDocument>().Where(d => d.ProposalId == id).Select(d => d.Id).SingleAsync());
        foreach (var stranger in new[] { cast.OtherStaffClient, cast.OwnerClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostFileAsync(stranger, $"{url}?handler=Document", new() { ["NewDocumentTitle"] = "Mine" }, "NewDocument", Pdf, "mine.pdf")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(stranger, $"{url}?handler=RemoveDocument&documentId={documentId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await ApiAsync(stranger, HttpMethod.Delete, $"/api/v1/process-proposals/{id}/documents/{documentId}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.AnonymousClient, $"{url}?handler=RemoveDocument&documentId={documentId}")).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.attachment-removed"));
        Assert.Empty((await cast.OtherStaffClient.GetOkPageAsync(url)).QuerySelectorAll("form[action*=Document], form[action*=Image]"));

        // A co-author may.
        await App.WithDbAsync(async db =>
        {
            db.Add(ProposalCoAuthor.CarriedOver(id, cast.Facilitator.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, $"{url}?handler=RemoveDocument&documentId={documentId}")).StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
    }

    [Fact]
    public async Task A_hidden_proposal_s_attachments_are_not_found_by_others()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);
        var documentId = await AttachAsync(App, id, document: true);
        var imageId = await AttachAsync(App, id, document: false);
        var document = $"/process-proposals/{id}/documents/{documentId}";
        var image = $"/process-proposals/{id}/images/{imageId}";
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.Http.GetAsync(document)).StatusCode);

        var hidden = await PostAsync(cast.OwnerClient, $"/processes/{cast.ProcessId}/moderation?handler=Hide", new()
        {
            ["kind"] = ProcessProposalContents.Kind, ["item"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "A private address.", ["returnUrl"] = url,
        });
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);

        foreach (var other in new[] { cast.AnonymousClient, cast.OtherStaffClient })
        {
            foreach (var link in new[] { document, image, image + "/thumbnail" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(link)).StatusCode);
            }
            var page = await other.GetOkPageAsync(url);
            Assert.Null(page.QuerySelector(".proposal-attachments"));
        }
        Assert.Empty((await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/proposals")).QuerySelectorAll("img.proposal-thumbnail"));
        // Its author and the moderators still see them; the author can no longer change them.
        Assert.Equal(HttpStatusCode.OK, (await cast.ParticipantClient.Http.GetAsync(document)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.OwnerClient.Http.GetAsync(image)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFileAsync(cast.ParticipantClient, $"{url}?handler=Document", new() { ["NewDocumentTitle"] = "More" }, "NewDocument", Pdf, "more.pdf")).StatusCode);

        // A budget project's picture is not served as a proposal of a process, nor the other way round.
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/proposals/{id}/images/{imageId}")).StatusCode);
    }

    [Fact]
    public async Task A_picture_and_a_pdf_go_with_a_new_proposal_and_a_wrong_file_keeps_the_proposal_from_being_written()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var url = $"/processes/{cast.ProcessId}/proposals/new";
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url);
        fields["Input.Title"] = "A reading garden";
        fields["Input.Body"] = "Benches and shade behind the library.";
        fields["Input.DocumentTitle"] = "Sketch of the garden";
        var wrong = await PostFileAsync(cast.ParticipantClient, action, fields, "Input.Document", TestImages.Html, "garden.pdf", contentType: "application/pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var form = await FormClient.ParseAsync(wrong);
        Assert.Contains("not a PDF", ErrorOf(form, "Input_Document"), StringComparison.Ordinal);
        Assert.Equal("A reading garden", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_Title")!).Value);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId)));

        using var content = new MultipartFormDataContent();
        fields["Input.ImageAlt"] = "The lawn behind the library.";
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        content.Add(new ByteArrayContent(TestImages.Png), "Input.Image", "lawn.png");
        content.Add(new ByteArrayContent(Pdf), "Input.Document", "garden.pdf");
        var response = await cast.ParticipantClient.Http.PostAsync(action, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Problems(response));
        var id = Scenarios.IdFrom(response, $"/processes/{cast.ProcessId}/proposals/");
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<ProposalImage>().CountAsync(i => i.ProposalId == id)));
        Assert.Equal("Sketch of the garden", await App.WithDbAsync(db => db.Set<AttachedDocument>().Where(d => d.ProposalId == id).Select(d => d.Title).SingleAsync()));
        Assert.Equal(2, (await LogAsync(App, cast.ProcessId, "proposal.attachment-added")).Count);
    }

    [Fact]
    public async Task The_author_s_data_names_their_attachments()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var documentId = await AttachAsync(App, id, document: true);
        var imageId = await AttachAsync(App, id, document: false);
        var export = await cast.ParticipantClient.Http.GetStringAsync("/account/my-data");
        using var json = JsonDocument.Parse(export);
        var attachments = json.RootElement.GetProperty("proposals").GetProperty("attachments");
        Assert.Equal(documentId, attachments.GetProperty("documents")[0].GetProperty("id").GetInt32());
        Assert.Equal(imageId, attachments.GetProperty("pictures")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Who_uploaded_each_file_is_kept_shown_to_moderators_only_exported_and_forgotten_with_the_account()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);
        var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Document");
        fields["NewDocumentTitle"] = "Plan";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", Pdf, "plan.pdf")).StatusCode);
        // A co-author adds the picture, through the API.
        await App.WithDbAsync(async db =>
        {
            db.Add(ProposalCoAuthor.CarriedOver(id, cast.Facilitator.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var picture = await PostFileAsync(cast.FacilitatorClient, $"/api/v1/process-proposals/{id}/images", new() { ["NewImageAlt"] = "A sketch." }, "NewImage", TestImages.Png, "s.png", api: true);
        Assert.Equal(HttpStatusCode.Created, picture.StatusCode);
        var document = await App.WithDbAsync(db => db.Set<AttachedDocument>().AsNoTracking().SingleAsync(d => d.ProposalId == id));
        var image = await App.WithDbAsync(db => db.Set<ProposalImage>().AsNoTracking().SingleAsync(i => i.ProposalId == id));
        Assert.Equal((cast.Participant.Id, cast.Facilitator.Id), (document.AddedByUserId, image.AddedByUserId));

        // The moderators (the process's owner) see who added each file; residents, the author and strangers do not.
        var moderated = await cast.OwnerClient.GetOkPageAsync(url);
        Assert.Equal($"Added by {cast.Participant.DisplayName}", moderated.QuerySelector(".proposal-documents .uploader")!.TextContent.Trim());
        Assert.Equal($"Added by {cast.Facilitator.DisplayName}", moderated.QuerySelector(".proposal-images .uploader")!.TextContent.Trim());
        foreach (var reader in new[] { cast.AnonymousClient, cast.ParticipantClient, cast.OtherStaffClient })
        {
            Assert.Empty((await reader.GetOkPageAsync(url)).QuerySelectorAll(".uploader"));
        }

        // The uploader's data lists the upload (a co-author's picture is theirs, though the proposal is not).
        using (var json = JsonDocument.Parse(await cast.FacilitatorClient.Http.GetStringAsync("/account/my-data")))
        {
            var uploads = json.RootElement.GetProperty("proposals").GetProperty("uploads");
            Assert.Equal(image.Id, Assert.Single(uploads.GetProperty("pictures").EnumerateArray()).GetProperty("id").GetInt32());
            Assert.Empty(uploads.GetProperty("documents").EnumerateArray());
        }
        using (var json = JsonDocument.Parse(await cast.ParticipantClient.Http.GetStringAsync("/account/my-data")))
        {
            var uploads = json.RootElement.GetProperty("proposals").GetProperty("uploads");
            Assert.Equal(document.Id, Assert.Single(uploads.GetProperty("documents").EnumerateArray()).GetProperty("id").GetInt32());
        }

        // Deleting the account keeps the file, forgets who added it; the moderators read that it is not known.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = CocreoApp.TestPassword })).StatusCode);
        var kept = await App.WithDbAsync(db => db.Set<AttachedDocument>().AsNoTracking().SingleAsync(d => d.Id == document.Id));
        Assert.Null(kept.AddedByUserId);
        Assert.Equal(document.Content, kept.Content);
        Assert.Equal(cast.Facilitator.Id, await App.WithDbAsync(db => db.Set<ProposalImage>().Where(i => i.Id == image.Id).Select(i => i.AddedByUserId).SingleAsync()));
        Assert.Equal("Uploader not known", (await cast.OwnerClient.GetOkPageAsync(url)).QuerySelector(".proposal-documents .uploader")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(1, "Predlog ima lahko največ 1 dokument: najprej enega odstranite.", "Predlog ima lahko največ 1 sliko: najprej eno odstranite.", "To ima lahko največ 1 znak.")]
    [InlineData(2, "Predlog ima lahko največ 2 dokumenta: najprej enega odstranite.", "Predlog ima lahko največ 2 sliki: najprej eno odstranite.", "To ima lahko največ 2 znaka.")]
    [InlineData(3, "Predlog ima lahko največ 3 dokumente: najprej enega odstranite.", "Predlog ima lahko največ 3 slike: najprej eno odstranite.", "To ima lahko največ 3 znake.")]
    [InlineData(5, "Predlog ima lahko največ 5 dokumentov: najprej enega odstranite.", "Predlog ima lahko največ 5 slik: najprej eno odstranite.", "To ima lahko največ 5 znakov.")]
    [InlineData(102, "Predlog ima lahko največ 102 dokumenta: najprej enega odstranite.", "Predlog ima lahko največ 102 sliki: najprej eno odstranite.", "To ima lahko največ 102 znaka.")]
    public void The_refusals_that_count_use_the_four_Slovenian_forms(int count, string documents, string pictures, string characters)
    {
        var localizers = App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var format = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sl");
            string Message(string code) => Cocreo.Web.Platform.Changes.RefusalText.Localize(new ProposalRuleException(code, null, count).ToRefusal(), localizers)!;
            Assert.Equal(documents, Message("TooManyDocuments"));
            Assert.Equal(pictures, Message("TooManyImages"));
            Assert.Equal(characters, Message("TooLong"));
            var large = Cocreo.Web.Platform.Changes.RefusalText.Localize(new ProposalRuleException("DocumentTooLarge", null, "12,5", count).ToRefusal(), localizers)!;
            Assert.StartsWith("Datoteka ima 12,5 MB; dokument ima lahko največ " + count + " megabajt", large, StringComparison.Ordinal);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en");
            Assert.Equal($"A proposal can have at most {count} document{(count == 1 ? "" : "s")}: remove one first.", Message("TooManyDocuments"));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture) = (culture, format);
        }
    }

    [Fact]
    public async Task Hostile_pdfs_are_stored_and_served_rewritten_through_the_page_and_the_api()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var byPage = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var byApi = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Another square");
        foreach (var (name, bytes) in Hostile)
        {
            var (action, fields) = await cast.ParticipantClient.ReadFormAsync(ProposalLinks.Of(cast.ProcessId, byPage), handler: "Document");
            fields["NewDocumentTitle"] = $"Plan {name}";
            var added = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", bytes, $"{name}.pdf", contentType: "application/pdf");
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, $"{name}: {await Problems(added)}");
            var api = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{byApi}/documents", new() { ["NewDocumentTitle"] = $"Plan {name}" }, "NewDocument", bytes, $"{name}.pdf", api: true);
            Assert.True(api.StatusCode == HttpStatusCode.Created, $"{name}: {(int)api.StatusCode} {await api.Content.ReadAsStringAsync()}");
        }
        foreach (var id in new[] { byPage, byApi })
        {
            var page = await cast.AnonymousClient.GetOkPageAsync(ProposalLinks.Of(cast.ProcessId, id));
            var items = page.QuerySelectorAll(".proposal-documents li");
            Assert.Equal(Hostile.Length, items.Length);
            var stored = await App.WithDbAsync(db => db.Set<AttachedDocument>().AsNoTracking().Where(d => d.ProposalId == id).ToDictionaryAsync(d => d.Title));
            foreach (var item in items)
            {
                var title = item.QuerySelector("a")!.TextContent.Trim();
                var served = await cast.AnonymousClient.Http.GetAsync(item.QuerySelector("a")!.GetAttribute("href"));
                Assert.Equal(HttpStatusCode.OK, served.StatusCode);
                var bytes = await served.Content.ReadAsByteArrayAsync();
                // What is served is what is stored, and its size is the one shown.
                Assert.Equal(stored[title].Content, bytes);
                Assert.Equal(bytes.Length, stored[title].Size);
                Assert.Contains($"PDF, {Math.Max(1, (int)Math.Round(bytes.Length / 1024m))} kB", item.TextContent, StringComparison.Ordinal);
                var links = AssertClean(bytes, title);
                Assert.Equal(title == "Plan launch" ? new List<string> { SafeLink } : new List<string>(), links);
            }
        }
    }

    [Fact]
    public async Task Encrypted_damaged_and_empty_pdfs_are_refused_with_their_reason_and_nothing_is_written()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A new square");
        var url = ProposalLinks.Of(cast.ProcessId, id);
        (string Name, byte[] Bytes, string Message)[] refused =
        [
            ("locked.pdf", EncryptedPdf(), "The PDF is protected with a password, so it cannot be checked and cleaned. Save it without a password and choose it again."),
            ("broken.pdf", DamagedPdf, "The file cannot be read as a PDF: it is damaged or not a PDF."),
            ("blank.pdf", EmptyPdf, "The PDF has no pages."),
        ];
        foreach (var (name, bytes, message) in refused)
        {
            var (action, fields) = await cast.ParticipantClient.ReadFormAsync(url, handler: "Document");
            fields["NewDocumentTitle"] = "Plan";
            var response = await PostFileAsync(cast.ParticipantClient, action, fields, "NewDocument", bytes, name, contentType: "application/pdf");
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode}");
            Assert.Contains(message, ErrorOf(await FormClient.ParseAsync(response), "NewDocument"), StringComparison.Ordinal);
            var api = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Plan" }, "NewDocument", bytes, name, api: true);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
            Assert.Contains(message, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("newDocument")[0].GetString(), StringComparison.Ordinal);
        }
        // With a new proposal: the proposal is not written either.
        var (newAction, newFields) = await cast.ParticipantClient.ReadFormAsync($"/processes/{cast.ProcessId}/proposals/new");
        newFields["Input.Title"] = "A reading garden";
        newFields["Input.Body"] = "Benches and shade behind the library.";
        newFields["Input.DocumentTitle"] = "Sketch of the garden";
        var locked = await PostFileAsync(cast.ParticipantClient, newAction, newFields, "Input.Document", EncryptedPdf(), "garden.pdf", contentType: "application/pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("Save it without a password", ErrorOf(await FormClient.ParseAsync(locked), "Input_Document"), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == cast.ProcessId && p.Title == "A reading garden")));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<AttachedDocument>().CountAsync(d => d.ProposalId == id)));
        Assert.Empty(await LogAsync(App, cast.ProcessId, "proposal.attachment-added"));

        // In Slovenian too.
        await cast.ParticipantClient.Http.GetAsync("/culture/sl?returnUrl=/");
        var slovenian = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Načrt" }, "NewDocument", EncryptedPdf(), "n.pdf", api: true);
        Assert.Contains("Shranite ga brez gesla", await slovenian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var damaged = await PostFileAsync(cast.ParticipantClient, $"/api/v1/process-proposals/{id}/documents", new() { ["NewDocumentTitle"] = "Načrt" }, "NewDocument", DamagedPdf, "n.pdf", api: true);
        Assert.Contains("je poškodovana ali ni PDF", await damaged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> Problems(HttpResponseMessage response)
    {
        var page = await FormClient.ParseAsync(response);
        return $"{(int)response.StatusCode}: " + string.Join(" | ", page.QuerySelectorAll(".error-message, .error-summary").Select(e => e.TextContent.Trim()));
    }

    private static string ErrorOf(AngleSharp.Html.Dom.IHtmlDocument page, string id) =>
        page.GetElementById(id + "-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Replace("Napaka:", "", StringComparison.Ordinal).Trim() ?? "(no error on " + id + ")";
}

public sealed class ProposalAttachmentsOnSqlite(BudgetingSqliteApp app) : ProposalAttachmentTests<BudgetingSqliteApp>(app);

public sealed class ProposalAttachmentsOnPostgres(BudgetingPostgresApp app) : ProposalAttachmentTests<BudgetingPostgresApp>(app);

/// <summary>A newcomer to the demo city finds a proposal of a process with a picture and a PDF, both served.</summary>
public sealed class ProposalAttachmentDemoTests(Cocreo.Web.Tests.Fuzz.InputFuzzTests.DemoApp app) : IClassFixture<Cocreo.Web.Tests.Fuzz.InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_quiet_room_proposal_has_a_sketch_and_its_plan()
    {
        var proposal = await app.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Title == "A quiet room for exam study" && p.BudgetId == null));
        var client = app.NewClient();
        var page = await client.GetOkPageAsync(ProposalLinks.Of(proposal.ProcessId, proposal.Id));
        var img = page.QuerySelector(".proposal-images img")!;
        Assert.StartsWith("A sketch of the quiet room", img.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(img.GetAttribute("src"))).StatusCode);
        var link = page.QuerySelector(".proposal-documents a")!;
        Assert.Equal("Plan of the quiet room", link.TextContent.Trim());
        var pdf = await client.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Null(PdfFile.Check(bytes));
        // Rewritten as an upload is: one page, its text, the title, nothing that acts.
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        Assert.Equal("Plan of the quiet room", document.Info.Title);
    }
}
