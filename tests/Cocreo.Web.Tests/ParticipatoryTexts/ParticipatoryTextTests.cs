using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using AmendmentLinks = Cocreo.Web.Features.Amendments.AmendmentLinks;
using Cocreo.Web.Tests.Budgeting;
using Cocreo.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.ParticipatoryTexts;

/// <summary>Reading drafts: Markdown and .docx give the same sections; what cannot be read is refused with the reason.</summary>
public sealed class TextDraftTests
{
    [Fact]
    public void Markdown_and_docx_give_the_same_sections_and_articles()
    {
        var markdown = TextDraft.FromMarkdown(TextScenario.Charter);
        using var file = new MemoryStream(TextScenario.CharterDocx());
        var docx = TextDraft.FromDocx(file);
        string Shape(TextDraft d) => string.Join(" | ", d.Sections.Select(s => s.Heading + ": " + string.Join(" / ", s.Articles)));
        Assert.Equal(
            ": Preamble: the city and its residents agree on this charter. | Walking first: Pavements are at least two metres wide. / Crossings are level with the pavement."
            + " | School streets: Closed to cars when school starts. / Closed to cars when school ends. | Review: The city reports every year.",
            Shape(markdown));
        Assert.Equal(Shape(markdown), Shape(docx));
        // Written back as Markdown, it reads the same.
        Assert.Equal(Shape(markdown), Shape(TextDraft.FromMarkdown(TextDraft.ToMarkdown(markdown.Sections))));
    }

    public static TheoryData<string, string> Unreadable => new()
    {
        { "not-a-zip", "not a .docx" },
        { "encrypted", "encrypted or protected by a password" },
        { "no-document", "no Word document part" },
        { "empty", "The document has no text" },
        { "too-large", "larger than 5 MB" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_docx_that_cannot_be_read_names_why(string kind, string reason)
    {
        var error = Assert.Throws<TextRuleException>(() => TextDraft.FromDocx(new MemoryStream(BadDocx(kind))));
        Assert.Contains(reason, string.Format(System.Globalization.CultureInfo.InvariantCulture, error.Text, error.Arguments), StringComparison.Ordinal);
    }

    internal static byte[] BadDocx(string kind)
    {
        switch (kind)
        {
            case "not-a-zip":
                return "Dear council, here is our charter."u8.ToArray();
            case "encrypted":
                return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];
            case "no-document":
            {
                using var stream = new MemoryStream();
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, true))
                {
                    using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
                    writer.Write("A zip, not a document.");
                }
                return stream.ToArray();
            }
            case "empty":
            {
                using var stream = new MemoryStream();
                using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
                {
                    document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
                }
                return stream.ToArray();
            }
            default:
            {
                var big = new byte[TextLimits.DocxBytes + 10];
                big[0] = (byte)'P';
                big[1] = (byte)'K';
                return big;
            }
        }
    }
}

/// <summary>
/// Participatory texts over HTTP on SQLite and PostgreSQL: import (Markdown and .docx through the API, the same use
/// case as the page), review, publish, versions and their comparison, comments and supports on a section and when
/// they are refused, double submits, exports.
/// </summary>
public abstract class ParticipatoryTextTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    private async Task<int> CreateAsync(FormClient staff, int processId, object body)
    {
        var created = await ApiAsync(staff, HttpMethod.Post, $"/api/v1/processes/{processId}/texts", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_docx_and_the_same_Markdown_import_the_same_sections_and_a_bad_docx_writes_nothing()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var fromMarkdown = await CreateAsync(cast.OwnerClient, cast.ProcessId, new { title = "Charter", markdown = TextScenario.Charter });
        var fromDocx = await CreateAsync(cast.FacilitatorClient, cast.ProcessId, new { title = "Charter", docx = Convert.ToBase64String(TextScenario.CharterDocx()) });
        var sections = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().Where(s => s.TextId == fromMarkdown || s.TextId == fromDocx).ToListAsync());
        string Shape(int id) => string.Join(" | ", sections.Where(s => s.TextId == id).OrderBy(s => s.Position).Select(s => $"{s.Position} {s.Heading}: {s.Body}"));
        Assert.Equal(4, sections.Count(s => s.TextId == fromMarkdown));
        Assert.Equal(Shape(fromMarkdown), Shape(fromDocx));

        foreach (var kind in new[] { "not-a-zip", "encrypted", "no-document", "empty" })
        {
            var refused = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/processes/{cast.ProcessId}/texts",
                new { title = "Broken", docx = Convert.ToBase64String(TextDraftTests.BadDocx(kind)) });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        // The page, with the file uploaded: 422 with the reason beside the field, nothing written.
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Broken"), "Input.Title" },
            { new StringContent(await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient)), "__RequestVerificationToken" },
            { new ByteArrayContent(TextDraftTests.BadDocx("encrypted")), "Input.File", "charter.docx" },
        };
        var page = await cast.OwnerClient.Http.PostAsync($"/processes/{cast.ProcessId}/texts/new", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("encrypted or protected by a password", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await TextScenario.TextsAsync(App, cast.ProcessId));
        Assert.Equal(2, (await LogAsync(App, cast.ProcessId, "text.created")).Count);
    }

    [Fact]
    public async Task Publishing_keeps_every_version_the_comparison_round_trips_and_followers_are_told()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId, new { title = "Mobility charter", markdown = TextScenario.Charter });
        // A draft under review does not exist for the public.
        Assert.Equal(HttpStatusCode.NotFound, (await cast.ParticipantClient.GetPageAsync(TextLinks.Of(id))).Response.StatusCode);
        var review = await cast.FacilitatorClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Equal(4, review.QuerySelectorAll("#draft ol.draft > li").Length);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.OwnerClient, TextLinks.Of(id) + "?handler=Publish", new() { ["number"] = "1" })).StatusCode);
        var sections = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().Where(s => s.TextId == id).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync());

        // A new draft: section 3 changed, section 4 gone (the import has three sections).
        var second = TextScenario.Charter.Replace("when school ends.", "when school ends, and on Saturdays.", StringComparison.Ordinal)
            .Replace("# Review\nThe city reports every year.", "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Put, $"/api/v1/texts/{id}/draft", new { markdown = second })).StatusCode);
        // From version 2 a public note is needed.
        var noNote = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.Contains("public note", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var published = await PostAsync(cast.OwnerClient, TextLinks.Of(id) + "?handler=Publish", new() { ["number"] = "2", ["Input.Note"] = "Saturdays added after the debate; the review section is dropped." });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(TextLinks.Version(id, 2), published.Headers.Location!.OriginalString);

        var versions = await App.WithDbAsync(db => db.Set<TextVersion>().AsNoTracking().Where(v => v.TextId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(4, versions[0].Sections.Count);
        Assert.Equal(3, versions[1].Sections.Count);
        Assert.Contains("Review", versions[0].Markdown, StringComparison.Ordinal);

        // The comparison, both ways, gives back each version exactly.
        var compare = TextComparison.Of(versions[0].Sections, versions[1].Sections);
        Assert.Equal([SectionChangeKind.Same, SectionChangeKind.Same, SectionChangeKind.Changed, SectionChangeKind.Removed], compare.Select(c => c.Kind));
        Assert.Equal(Json(versions[1].Sections), Json(compare.Where(c => c.After is not null).Select(c => c.After!).ToList()));
        Assert.Equal(Json(versions[0].Sections), Json(compare.Where(c => c.Before is not null).Select(c => c.Before!).OrderBy(s => s.Number).ToList()));
        var api = await (await cast.AnonymousClient.Http.GetAsync($"/api/v1/texts/{id}/compare?from=1&to=2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Same", "Same", "Changed", "Removed"], api.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("change").GetString()));
        var comparePage = await cast.AnonymousClient.GetOkPageAsync($"/texts/{id}/compare?from=2&to=1");
        Assert.Contains("Review", comparePage.QuerySelector(".change-added")!.TextContent, StringComparison.Ordinal);
        var versionPage = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Version(id, 2));
        Assert.Contains("Saturdays added after the debate", versionPage.QuerySelector("main, body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saturdays", string.Concat(versionPage.QuerySelectorAll(".change-changed .text-diff ins").Select(e => e.TextContent)), StringComparison.Ordinal);

        // The public reads version 2, its sections numbered with anchors, articles numbered through the text.
        var reading = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Equal(["section-1", "section-2", "section-3"], reading.QuerySelectorAll("section.text-section").Select(s => s.Id!));
        Assert.Equal("article-5", reading.QuerySelectorAll("ol.articles li").Last().Id);

        // In the log with ids and numbers only.
        var log = await LogAsync(App, cast.ProcessId, "text.published");
        Assert.Equal(2, log.Count);
        Assert.DoesNotContain("Mobility", log[1].Data, StringComparison.Ordinal);
        using (var data = JsonDocument.Parse(log[1].Data))
        {
            Assert.Equal(2, data.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(2, data.RootElement.GetProperty("sectionsChanged").GetInt32());
        }
        // The process's followers (its members) are told of each version.
        await NotificationScenario.FanOutAsync(App);
        var told = await App.WithDbAsync(db => db.Set<Notification>().Where(n => n.Event == "text.published" && n.ProcessId == cast.ProcessId).ToListAsync());
        Assert.Contains(told, n => n.UserId == cast.Participant.Id && n.Link == TextLinks.Version(id, 2) && n.Detail == "2");

        // Exports: the version, its date and the list of versions.
        var md = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/md");
        Assert.Contains("# Mobility charter", md, StringComparison.Ordinal);
        Assert.Contains("Version 2, published", md, StringComparison.Ordinal);
        Assert.Contains("- Version 1, published", md, StringComparison.Ordinal);
        var html = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/html?version=1");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("The city reports every year.", html, StringComparison.Ordinal);
        // An old version's export lists the history up to it, not the versions that came after.
        Assert.DoesNotContain("Version 2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Saturdays added after the debate", html, StringComparison.Ordinal);
        var oldMd = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/md?version=1");
        Assert.Contains("- Version 1, published", oldMd, StringComparison.Ordinal);
        Assert.DoesNotContain("Version 2", oldMd, StringComparison.Ordinal);
        Assert.Contains("- Version 2, published", md, StringComparison.Ordinal);
        var pdf = await cast.AnonymousClient.Http.GetAsync($"/texts/{id}/export/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
        Assert.Equal(sections[2], versions[1].Sections[2].SectionId);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task An_accepted_amendment_changes_the_working_draft_not_the_published_version()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (id, section) = await TextScenario.NewTextAsync(App, cast.ProcessId);
        var proposed = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/amendable/{TextSectionDebateTargets.DebateKind}/{section}/amendments", new
        {
            baseVersion = 1,
            title = "Walking first",
            body = "Pavements are at least three metres wide.\n\nCrossings are level with the pavement.",
            explanation = "Two metres is too narrow for a pram and a wheelchair to pass.",
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, $"{(int)proposed.StatusCode}: {await proposed.Content.ReadAsStringAsync()}");
        var amendment = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // The organisation decides: not a participant.
        var refused = await ApiAsync(cast.OtherStaffClient, HttpMethod.Post, $"/api/v1/amendments/{amendment}/accept");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("The organisation decides", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/amendments/{amendment}/accept")).StatusCode);

        var draft = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().SingleAsync(s => s.Id == section));
        Assert.Equal(["Pavements are at least three metres wide.", "Crossings are level with the pavement."], draft.Articles);
        var published = await App.WithDbAsync(db => db.Set<TextVersion>().AsNoTracking().SingleAsync(v => v.TextId == id));
        Assert.Equal("Pavements are at least two metres wide.", published.Sections.Single(s => s.SectionId == section).Articles[0]);
        Assert.Single(await LogAsync(App, cast.ProcessId, "text-section.versioned"));
        // The team's publish form lists the amendments the next version takes, and the note starts as that list, linked.
        var team = await cast.OwnerClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Equal(AmendmentLinks.Of(amendment), team.QuerySelector("#draft .taken-amendments a")!.GetAttribute("href"));
        var note = team.QuerySelector("textarea[name='Input.Note']")!.TextContent;
        Assert.Contains($"[Amendment {amendment}]({AmendmentLinks.Of(amendment)}) (1. Walking first): Two metres is too narrow", note, StringComparison.Ordinal);
        // Version 2 takes it, and says so.
        var second = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 2, note = $"Amendment {amendment} taken: wider pavements." });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Contains("three metres", page.QuerySelector("#section-2")!.TextContent, StringComparison.Ordinal);
        // The version page and the exports' history list the amendment version 2 took, linked, with its reason; version 1 took none.
        var version2 = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Version(id, 2));
        var taken = version2.QuerySelector(".taken-amendments li")!;
        Assert.Equal(AmendmentLinks.Of(amendment), taken.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Two metres is too narrow for a pram", taken.TextContent, StringComparison.Ordinal);
        Assert.Null((await cast.AnonymousClient.GetOkPageAsync(TextLinks.Version(id, 1))).QuerySelector(".taken-amendments"));
        Assert.Empty((await cast.OwnerClient.GetOkPageAsync(TextLinks.Of(id))).QuerySelectorAll("#draft .taken-amendments"));
        var md = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/md");
        Assert.Contains($"  - [Amendment {amendment} (1. Walking first): Two metres is too narrow", md, StringComparison.Ordinal);
        Assert.Contains($"{AmendmentLinks.Of(amendment)})", md, StringComparison.Ordinal);
        var html = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/html");
        Assert.Contains($"{AmendmentLinks.Of(amendment)}\">Amendment {amendment}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preamble_is_a_section_like_the_others_named_Preamble_commented_and_amended_without_a_title()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (id, _) = await TextScenario.NewTextAsync(App, cast.ProcessId);
        var preamble = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().Where(s => s.TextId == id).OrderBy(s => s.Position).FirstAsync());
        Assert.Equal("", preamble.Heading);

        // Named "Preamble" (in Slovenian "Uvod") on the text, its page and in the exports.
        var reading = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Equal("Preamble", reading.QuerySelector("#section-1 h2")!.TextContent.Trim());
        Assert.Equal("Preamble", reading.QuerySelector("nav[aria-labelledby=contents-heading] li a")!.TextContent.Trim());
        Assert.Equal("Preamble", (await cast.AnonymousClient.GetOkPageAsync(TextLinks.Section(id, preamble.Id))).QuerySelector("h1")!.TextContent.Trim());
        var exported = await cast.AnonymousClient.Http.GetStringAsync($"/texts/{id}/export/md");
        Assert.Contains("## Preamble", exported, StringComparison.Ordinal);
        // The sections after the preamble are numbered from 1; their anchors keep the stored position, so old links still work.
        Assert.Contains("## 1. Walking first", exported, StringComparison.Ordinal);
        Assert.Equal("1. Walking first", reading.QuerySelector("#section-2 h2")!.TextContent.Trim());
        Assert.Equal("2. School streets", reading.QuerySelector("#section-3 h2")!.TextContent.Trim());
        var second = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().SingleAsync(s => s.TextId == id && s.Position == 2));
        Assert.Equal("1. Walking first", (await cast.AnonymousClient.GetOkPageAsync(TextLinks.Section(id, second.Id))).QuerySelector("h1")!.TextContent.Trim());
        // The API gives the same numbers, and the position besides.
        var api = (await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/texts/{id}")).GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, api[0].GetProperty("number").ValueKind);
        Assert.True(api[0].GetProperty("preamble").GetBoolean());
        Assert.Equal((1, 2, false), (api[1].GetProperty("number").GetInt32(), api[1].GetProperty("position").GetInt32(), api[1].GetProperty("preamble").GetBoolean()));
        var slovenian = await App.NewClient().GetOkPageAsync(TextLinks.Of(id) + "?culture=sl");
        Assert.Equal("Uvod", slovenian.QuerySelector("#section-1 h2")!.TextContent.Trim());

        // Commented like the others.
        var posted = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/debates/{TextSectionDebateTargets.DebateKind}/{preamble.Id}/comments", new { body = "Name the residents' council too.", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        // Where its comments are said to be (moderation queue, notifications): "the preamble", never "section 0".
        using (var scope = App.Services.CreateScope())
        {
            var places = await scope.ServiceProvider.GetRequiredService<DebateTargetDirectory>().PlacesAsync(TextSectionDebateTargets.DebateKind, [preamble.Id, second.Id], CancellationToken.None);
            Assert.StartsWith("A comment on the preamble of ", places[preamble.Id].Words, StringComparison.Ordinal);
            Assert.StartsWith("A comment on section 1 of ", places[second.Id].Words, StringComparison.Ordinal);
        }

        // Amended: the form has no title field; the amendment keeps the title empty whatever is sent.
        var form = await cast.ParticipantClient.GetOkPageAsync($"/amendments/new/{TextSectionDebateTargets.DebateKind}/{preamble.Id}");
        Assert.Null(form.QuerySelector("[name='Input.Title']"));
        Assert.Contains("Preamble", form.QuerySelector("p.meta a")!.TextContent, StringComparison.Ordinal);
        var proposed = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/amendable/{TextSectionDebateTargets.DebateKind}/{preamble.Id}/amendments", new
        {
            baseVersion = 1,
            title = "",
            body = "Preamble: the city, its residents and the residents' council agree on this charter.",
            explanation = "The council signs too.",
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, $"{(int)proposed.StatusCode}: {await proposed.Content.ReadAsStringAsync()}");
        var amendment = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var page = await cast.ParticipantClient.GetOkPageAsync($"/amendments/{amendment}");
        Assert.Contains("Preamble", page.QuerySelector("p.meta a")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/amendments/{amendment}/accept")).StatusCode);
        var draft = await App.WithDbAsync(db => db.Set<TextSection>().AsNoTracking().SingleAsync(s => s.Id == preamble.Id));
        Assert.Equal("", draft.Heading);
        Assert.Equal(["Preamble: the city, its residents and the residents' council agree on this charter."], draft.Articles);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 2, note = "The council signs too." })).StatusCode);
        var compare = await cast.AnonymousClient.GetOkPageAsync($"/texts/{id}/compare?from=1&to=2");
        Assert.Contains("council", string.Concat(compare.QuerySelectorAll(".change-changed .text-diff ins").Select(e => e.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_submitted_publish_publishes_once()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId, new { title = "Charter", markdown = TextScenario.Charter });
        var submission = Guid.NewGuid();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 1, submissionId = submission })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // Another form for the same number (a second tab) changes nothing either.
        var again = await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 1, note = "Again", submissionId = Guid.NewGuid() });
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetBoolean());
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<TextVersion>().CountAsync(v => v.TextId == id)));
        Assert.Single(await LogAsync(App, cast.ProcessId, "text.published"));
        // Nothing changed since version 1: version 2 is refused with the reason.
        var same = await ApiAsync(cast.OwnerClient, HttpMethod.Post, $"/api/v1/texts/{id}/versions", new { number = 2, note = "Nothing new." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        Assert.Contains("nothing to publish", await same.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_and_supports_on_a_section_are_refused_with_the_reason_once_the_text_or_process_is_closed()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var (id, section) = await TextScenario.NewTextAsync(App, cast.ProcessId);
        var debate = $"/api/v1/debates/{TextSectionDebateTargets.DebateKind}/{section}/comments";
        var posted = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, debate, new { body = "Two metres is too narrow by the market.", alignment = "Against", submissionId = Guid.NewGuid() });
        Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var sectionPage = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Section(id, section));
        Assert.Contains("Two metres is too narrow", sectionPage.QuerySelector(".debate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/text-sections/{section}/supports")).StatusCode);
        var twice = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/text-sections/{section}/supports");
        Assert.False((await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean());
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<TextSectionSupport>().CountAsync(s => s.SectionId == section)));
        var reading = await cast.AnonymousClient.GetOkPageAsync(TextLinks.Of(id));
        Assert.Contains("1 comment", reading.QuerySelector("#section-2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 supporter", reading.QuerySelector("#section-2")!.TextContent, StringComparison.Ordinal);

        // The team closes the text: comments and supports are refused, with the reason, and the page says it.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, TextLinks.Of(id) + "?handler=Close")).StatusCode);
        var refused = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, debate, new { body = "One more thing.", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This text is closed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var support = await ApiAsync(cast.FacilitatorClient, HttpMethod.Post, $"/api/v1/text-sections/{section}/supports");
        Assert.Equal(HttpStatusCode.Forbidden, support.StatusCode);
        sectionPage = await cast.ParticipantClient.GetOkPageAsync(TextLinks.Section(id, section));
        Assert.Contains("This text is closed", sectionPage.QuerySelector(".debate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetKind == TextSectionDebateTargets.DebateKind && c.TargetId == section)));

        // Reopened, then the process closes: refused with the process's reason.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.FacilitatorClient, TextLinks.Of(id) + "?handler=Reopen")).StatusCode);
        await App.WithDbAsync(async db =>
        {
            var process = await db.Set<Process>().Include(x => x.Phases).SingleAsync(x => x.Id == cast.ProcessId);
            while (process.AdvancePhase(DateTime.UtcNow) is not null)
            {
            }
            await db.SaveChangesAsync();
        });
        var late = await ApiAsync(cast.ParticipantClient, HttpMethod.Post, debate, new { body = "Too late?", submissionId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("This process is closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The log names the participant by role only.
        var entry = Assert.Single(await LogAsync(App, cast.ProcessId, "text-section.commented"));
        Assert.Null(entry.ActorName);
    }
}

public sealed class ParticipatoryTextsOnSqlite(BudgetingSqliteApp app) : ParticipatoryTextTests<BudgetingSqliteApp>(app);

public sealed class ParticipatoryTextsOnPostgres(BudgetingPostgresApp app) : ParticipatoryTextTests<BudgetingPostgresApp>(app);
