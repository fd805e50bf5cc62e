using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>Optional pictures of a proposal: checked by content, described for people who cannot see them, never half-saved.</summary>
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
    public async Task A_resident_adds_described_pictures_and_they_are_served_with_the_type_their_content_shows()
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

        foreach (var (src, type, bytes) in new[] { (images[0].Src, "image/png", TestImages.Png), (images[1].Src, "image/jpeg", TestImages.Jpeg) })
        {
            var served = await cast.AnonymousClient.Http.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(type, served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        }

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
    public async Task A_wrong_or_too_large_file_is_refused_with_what_to_change_and_no_proposal_is_saved()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);

        var disguised = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("photo.jpg", "image/jpeg", TestImages.Html), "A fountain.");
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        var page = await FormClient.ParseAsync(disguised);
        Assert.Equal("“photo.jpg” is not a JPEG, PNG or WebP image. Choose a photo or picture in one of these formats.", ErrorOf(page, "Input_Image"));
        // What the resident typed is kept.
        Assert.Equal("A fountain", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);

        var heavy = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("big.png", "image/png", TestImages.PngAnnouncing(3, 2, padding: 6 * 1024 * 1024)), "A fountain.");
        Assert.Equal(HttpStatusCode.OK, heavy.StatusCode);
        Assert.StartsWith("The image is 6.0 MB; it can be at most 5 MB.", ErrorOf(await FormClient.ParseAsync(heavy), "Input_Image"), StringComparison.Ordinal);

        var wide = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("wide.png", "image/png", TestImages.PngAnnouncing(30_000, 20)), "A fountain.");
        Assert.StartsWith("The image is 30000 × 20 pixels;", ErrorOf(await FormClient.ParseAsync(wide), "Input_Image"), StringComparison.Ordinal);

        var undescribed = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("park.png", "image/png", TestImages.Png), "");
        Assert.Equal("Describe what the image shows, for people who cannot see it.", ErrorOf(await FormClient.ParseAsync(undescribed), "Input_ImageAlt"));

        // Far beyond the limit the server stops reading and says the upload is too large.
        var huge = await ProposeWithImageAsync(cast.ParticipantClient, budgetId, "A fountain", new("huge.png", "image/png", TestImages.PngAnnouncing(3, 2, padding: 40 * 1024 * 1024)), "A fountain.");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("choose a smaller file", (await FormClient.ParseAsync(huge)).Body!.TextContent, StringComparison.Ordinal);

        // No proposal, so no picture either (a picture belongs to a saved proposal).
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Proposal>().CountAsync(p => p.BudgetId == budgetId)));
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
        page.GetElementById(id + "-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim();
}

public sealed class ProposalImagesOnSqlite(BudgetingSqliteApp app) : ProposalImageTests<BudgetingSqliteApp>(app);

public sealed class ProposalImagesOnPostgres(BudgetingPostgresApp app) : ProposalImageTests<BudgetingPostgresApp>(app);
