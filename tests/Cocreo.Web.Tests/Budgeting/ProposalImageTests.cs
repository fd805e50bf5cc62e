using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>
/// Optional pictures of a proposal: decoded and encoded anew (only pixels are stored and served), shown small in lists,
/// described for people who cannot see them, never half-saved.
/// </summary>
public abstract class ProposalImageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task A_resident_adds_described_pictures_and_they_are_served_re_encoded_with_thumbnails()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);

        var response = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A pocket park", new("park.png", "image/png", TestImages.Png), "A sketch of the park with two benches.");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Problems(response));
        var proposalId = Scenarios.IdFrom(response, "/proposals/");

        // A JPEG the browser sent as a text file with a .txt name is still a JPEG.
        var added = await AddImageAsync(cast.ParticipantClient, proposalId, new("photo.txt", "text/plain", TestImages.Jpeg), "The empty lot today.");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await Problems(added));

        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        var images = page.QuerySelectorAll(".proposal-images img").Select(i => (Src: i.GetAttribute("src")!, Alt: i.GetAttribute("alt"), Size: (i.GetAttribute("width"), i.GetAttribute("height")))).ToList();
        Assert.Equal(["A sketch of the park with two benches.", "The empty lot today."], images.Select(i => i.Alt));
        Assert.All(images, i => Assert.Equal(("3", "2"), i.Size));
        // Nobody but the author or staff sees the forms that change pictures.
        Assert.Empty(page.QuerySelectorAll("form[action*=Image]"));

        // Both are opaque, so both were encoded anew as JPEG: the PNG too. Each has a thumbnail, served the same way.
        foreach (var src in images.SelectMany(i => new[] { i.Src, i.Src + "/thumbnail" }))
        {
            var served = await cast.AnonymousClient.Http.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            using var picture = TestImages.Decode(await served.Content.ReadAsByteArrayAsync());
            Assert.Equal((3, 2), (picture.Width, picture.Height));
        }
        Assert.NotEqual(TestImages.Png, await cast.AnonymousClient.Http.GetByteArrayAsync(images[0].Src));

        // The list of proposals shows each one's first picture as a thumbnail.
        var list = await cast.AnonymousClient.GetOkPageAsync($"/budgets/{budgetId}/proposals");
        var thumbnail = list.QuerySelector(".proposal-card img.proposal-thumbnail")!;
        Assert.Equal((images[0].Src + "/thumbnail", "A sketch of the park with two benches."), (thumbnail.GetAttribute("src"), thumbnail.GetAttribute("alt")));

        // An image is found only under its own proposal.
        var other = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Trees", 10_000m));
        var imageId = images[0].Src[(images[0].Src.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/proposals/{other}/images/{imageId}")).StatusCode);

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(1, entries.Single(e => e.GetProperty("action").GetString() == "proposal.submitted" && e.GetProperty("data").GetProperty("title").GetString() == "A pocket park").GetProperty("data").GetProperty("images").GetInt32());
        Assert.Equal("The empty lot today.", entries.Single(e => e.GetProperty("action").GetString() == "proposal.image-added").GetProperty("data").GetProperty("description").GetString());
        Assert.DoesNotContain("Participant Pia", log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_project_s_pictures_are_not_found_by_others()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var response = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A pocket park", new("park.png", "image/png", TestImages.Png), "A sketch of the park.");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await Problems(response));
        var proposalId = Scenarios.IdFrom(response, "/proposals/");
        var src = (await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelector(".proposal-images img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await cast.AnonymousClient.Http.GetAsync(src)).StatusCode);

        var token = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        var hidden = await cast.OwnerClient.Http.PostAsync($"/processes/{cast.ProcessId}/moderation?handler=Hide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["kind"] = ProposalContents.Kind, ["item"] = proposalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = "A private address.", ["returnUrl"] = $"/proposals/{proposalId}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);

        foreach (var other in new[] { cast.AnonymousClient, cast.OtherStaffClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(src)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(src + "/thumbnail")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await cast.ParticipantClient.Http.GetAsync(src)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cast.OwnerClient.Http.GetAsync(src + "/thumbnail")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_too_large_file_is_refused_with_what_to_change_and_no_proposal_is_saved()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);

        var disguised = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("photo.jpg", "image/jpeg", TestImages.Html), "A fountain.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disguised.StatusCode);
        var page = await FormClient.ParseAsync(disguised);
        Assert.Equal("“photo.jpg” is not a JPEG, PNG or WebP image. Choose a photo or picture in one of these formats.", ErrorOf(page, "Input_Image"));
        // What the resident typed is kept.
        Assert.Equal("A fountain", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);

        // Each problem has its message, and a 422: nothing was saved.
        var drawn = TestImages.Drawn(400, 300);
        (string Name, byte[] Bytes, string Message)[] refused =
        [
            // The signature and header of a PNG, then a web page instead of the picture.
            ("fountain.png", [.. TestImages.Png[..33], .. TestImages.Html], "“fountain.png” is not a JPEG, PNG or WebP image."),
            ("fountain.jpg", drawn[..(drawn.Length / 2)], "“fountain.jpg” is damaged or cut off: the picture in it cannot be read whole."),
            ("empty.jpg", [], "“empty.jpg” is empty (0 bytes)."),
            ("big.png", TestImages.PngAnnouncing(3, 2, padding: 6 * 1024 * 1024), "The image is 6.0 MB; it can be at most 5 MB."),
            ("bomb.png", TestImages.PngBomb(7_000, 6_000), "The image is 7000 × 6000 pixels; it can have at most 40 million pixels."),
        ];
        foreach (var (name, bytes, message) in refused)
        {
            var response = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new(name, "image/png", bytes), "A fountain.");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.StartsWith(message, ErrorOf(await FormClient.ParseAsync(response), "Input_Image"), StringComparison.Ordinal);
        }

        var undescribed = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("park.png", "image/png", TestImages.Png), "");
        Assert.Equal("Describe what the image shows, for people who cannot see it.", ErrorOf(await FormClient.ParseAsync(undescribed), "Input_ImageAlt"));

        // Far beyond the limit the server stops reading and says the upload is too large.
        var huge = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("huge.png", "image/png", TestImages.PngAnnouncing(3, 2, padding: 40 * 1024 * 1024)), "A fountain.");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("choose a smaller file", (await FormClient.ParseAsync(huge)).Body!.TextContent, StringComparison.Ordinal);

        // In Slovenian too.
        await cast.ParticipantClient.Http.GetAsync("/culture/sl?returnUrl=/");
        var slovenian = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "Vodnjak", new("vodnjak.jpg", "image/jpeg", drawn[..(drawn.Length / 2)]), "Vodnjak.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, slovenian.StatusCode);
        Assert.StartsWith("Datoteka »vodnjak.jpg« je poškodovana ali odrezana", ErrorOf(await FormClient.ParseAsync(slovenian), "Input_Image"), StringComparison.Ordinal);

        // No proposal, so no picture either (a picture belongs to a saved proposal).
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.BudgetId == budgetId)));
    }

    [Fact]
    public async Task Only_pixels_are_stored_no_position_no_comment_and_nothing_after_the_picture()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));

        // A phone photo (EXIF with the GPS position, a comment with an address) with a web page after its end; a PNG with one too.
        byte[] photo = [.. TestImages.JpegWith(TestImages.Drawn(40, 20), (0xE1, TestImages.Exif(6)), (0xFE, "Taken at home, Trubarjeva 12"u8.ToArray())), .. TestImages.Html];
        byte[] polyglot = [.. TestImages.Png, .. TestImages.Html];
        foreach (var (name, bytes) in new[] { ("photo.jpg", photo), ("sketch.png", polyglot) })
        {
            var added = await AddImageAsync(cast.ParticipantClient, proposalId, new(name, "image/jpeg", bytes), "The lot.");
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await Problems(added));
        }

        var stored = await App.WithDbAsync(db => db.Set<ProposalImage>().Where(i => i.ProposalId == proposalId).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        foreach (var bytes in stored.SelectMany(i => new[] { i.Content, i.Thumbnail }))
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(TestImages.Latitude));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Trubarjeva"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("<script>"u8));
        }
        // The photo is stored upright (its orientation was applied, not kept), and the page gives its real size.
        Assert.Equal((20, 40), (stored[0].Width, stored[0].Height));
        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Equal(("20", "40"), (page.QuerySelector(".proposal-images img")!.GetAttribute("width"), page.QuerySelector(".proposal-images img")!.GetAttribute("height")));
        var served = await cast.AnonymousClient.Http.GetByteArrayAsync($"/proposals/{proposalId}/images/{stored[1].Id}");
        Assert.Equal(stored[1].Content, served);
    }

    [Fact]
    public async Task Pictures_stored_before_re_encoding_are_encoded_anew_or_never_served()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        // As the hand-written header check stored them: a PNG with a web page after it, and a PNG header before one.
        byte[] polyglot = [.. TestImages.Png, .. TestImages.Html];
        byte[] disguised = [.. TestImages.Png[..33], .. TestImages.Html];
        foreach (var (bytes, alt) in new[] { (polyglot, "Polyglot."), (disguised, "Disguised.") })
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ProposalImages" ("ProposalId", "ContentType", "Content", "Width", "Height", "AltText", "AddedAt", "Thumbnail", "ThumbnailWidth", "ThumbnailHeight")
                VALUES ({proposalId}, 'image/png', {bytes}, 3, 2, {alt}, {DateTime.UtcNow}, {Array.Empty<byte>()}, 0, 0)
                """));
        }
        var ids = await App.WithDbAsync(db => db.Set<ProposalImage>().Where(i => i.ProposalId == proposalId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());
        // Not yet encoded anew: neither is served.
        Assert.All(await Task.WhenAll(ids.Select(id => cast.AnonymousClient.Http.GetAsync($"/proposals/{proposalId}/images/{id}"))), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));

        var outcome = await App.Services.GetRequiredService<EarlierPictures>().ReencodeAsync();

        Assert.Equal((1, 1), outcome);
        var served = await cast.AnonymousClient.Http.GetAsync($"/proposals/{proposalId}/images/{ids[0]}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        var stored = await App.WithDbAsync(db => db.Set<ProposalImage>().SingleAsync(i => i.Id == ids[0]));
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("<script>"u8));
        // The file that was never a picture stays in the database, hidden: not on the page, not served.
        Assert.Equal(HttpStatusCode.NotFound, (await cast.AnonymousClient.Http.GetAsync($"/proposals/{proposalId}/images/{ids[1]}")).StatusCode);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Equal(["Polyglot."], page.QuerySelectorAll(".proposal-images img").Select(i => i.GetAttribute("alt")));
    }

    [Fact]
    public async Task Only_the_author_while_proposals_are_collected_and_staff_while_reviewing_change_the_pictures()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));

        Assert.Equal(HttpStatusCode.Forbidden, (await AddImageAsync(cast.OtherStaffClient, proposalId, new("a.png", "image/png", TestImages.Png), "Not mine.", readFormAs: cast.ParticipantClient)).StatusCode);
        for (var i = 1; i <= ImageFile.MaxPerProposal; i++)
        {
            var added = await AddImageAsync(cast.ParticipantClient, proposalId, new($"{i}.webp", "image/webp", TestImages.WebP), $"View {i}.");
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await Problems(added));
        }
        var page = await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}");
        Assert.Null(page.QuerySelector("form[action*=\"handler=Image\"]"));
        var removals = page.QuerySelectorAll("form[action*=RemoveImage]").Select(f => System.Net.WebUtility.HtmlDecode(f.GetAttribute("action")!)).ToList();
        Assert.Equal(ImageFile.MaxPerProposal, removals.Count);

        // Under review the author can no longer change them; staff can remove one (a face, an address).
        Assert.Contains("Review", await AdvanceAsync(cast.OwnerClient, budgetId), StringComparison.Ordinal);
        var token = new Dictionary<string, string> { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.ParticipantClient) };
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.PostAsync(removals[0], token)).StatusCode);
        Assert.Empty((await cast.ParticipantClient.GetOkPageAsync($"/proposals/{proposalId}")).QuerySelectorAll("form[action*=Image]"));
        var removed = await cast.FacilitatorClient.SubmitAsync($"/proposals/{proposalId}", [], handler: "RemoveImage");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(ImageFile.MaxPerProposal - 1, await App.WithDbAsync(db => db.Set<ProposalImage>().CountAsync(i => i.ProposalId == proposalId)));
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var removal = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "proposal.image-removed");
        Assert.Equal("View 1.", removal.GetProperty("data").GetProperty("description").GetString());
        Assert.Equal(cast.Facilitator.DisplayName, removal.GetProperty("actorName").GetString());
    }

    private sealed record Upload(string FileName, string ContentType, byte[] Bytes);

    private static async Task<HttpResponseMessage> ProposeWithImageAsync(FormClient resident, int budgetId, string title, Upload image, string description)
    {
        var (action, fields) = await resident.ReadFormAsync($"/budgets/{budgetId}/proposals/new");
        fields["Input.Title"] = title;
        fields["Input.Description"] = "Please build it.";
        fields["Input.Category"] = "Green spaces";
        fields["Input.EstimatedCost"] = "9000";
        fields["Input.ImageAlt"] = description;
        return await PostMultipartAsync(resident, action, fields, "Input.Image", image);
    }

    private static async Task<HttpResponseMessage> AddImageAsync(FormClient client, int proposalId, Upload image, string description, FormClient? readFormAs = null)
    {
        var (action, fields) = await (readFormAs ?? client).ReadFormAsync($"/proposals/{proposalId}", handler: "Image");
        if (readFormAs is not null)
        {
            fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        }
        fields["NewImageAlt"] = description;
        return await PostMultipartAsync(client, action, fields, "NewImage", image);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(FormClient client, string action, Dictionary<string, string> fields, string fileField, Upload upload)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key != fileField))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(upload.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
        content.Add(file, fileField, upload.FileName);
        return await client.Http.PostAsync(action, content);
    }

    private static string? ErrorOf(AngleSharp.Html.Dom.IHtmlDocument page, string id) =>
        page.GetElementById(id + "-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Replace("Napaka:", "", StringComparison.Ordinal).Trim();
}

public sealed class ProposalImagesOnSqlite(BudgetingSqliteApp app) : ProposalImageTests<BudgetingSqliteApp>(app);

public sealed class ProposalImagesOnPostgres(BudgetingPostgresApp app) : ProposalImageTests<BudgetingPostgresApp>(app);
