using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// The JSON API of participatory texts under <c>/api/v1</c>, and the exports (<c>/texts/{id}/export/{md|html|pdf}</c>):
/// the same use cases and reads as the pages. Changes need the sign-in cookie and the X-CSRF-TOKEN header; a broken
/// rule (a .docx that cannot be read, a version already published) answers 422 with the field and the reason.
/// </summary>
public static class TextsApi
{
    public static IEndpointRouteBuilder MapTextsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/texts/{id:int}/export/{format}", ExportAsync).WithName("ExportParticipatoryText").ExcludeFromDescription();
        var api = endpoints.MapGroup("/api/v1").WithTags("Participatory texts");
        api.MapGet("/processes/{id:int}/texts", ListAsync).WithName("ListParticipatoryTexts")
            .WithSummary("A process's participatory texts (published ones; for its team also drafts).");
        api.MapGet("/texts/{id:int}", GetAsync).WithName("GetParticipatoryText")
            .WithSummary("A text: a published version (?version, the last by default) with its numbered sections and articles, the list of versions; for the team also the working draft.");
        api.MapGet("/texts/{id:int}/compare", CompareAsync).WithName("CompareParticipatoryTextVersions")
            .WithSummary("Two versions (?from, ?to) section by section: same, changed (both wordings), added, removed.");
        api.MapPost("/processes/{id:int}/texts", CreateAsync).WithName("CreateParticipatoryText")
            .WithSummary("The process's team creates a text from a draft: title and markdown, or docx (the file, base64). Kept as a draft until its first version is published. Once per submissionId.");
        api.MapPut("/texts/{id:int}/draft", ImportAsync).WithName("ImportParticipatoryTextDraft")
            .WithSummary("The team imports the working draft again (markdown, or docx in base64); sections keep their comments by position.");
        api.MapPost("/texts/{id:int}/versions", PublishAsync).WithName("PublishParticipatoryTextVersion")
            .WithSummary("The team publishes the working draft as version `number` (the next one) with a public note (needed from version 2). Once per number.");
        api.MapPut("/texts/{id:int}/state", SetOpenAsync).WithName("OpenOrCloseParticipatoryText")
            .WithSummary("The team closes the text (open: false; no more comments or supports) or reopens it.");
        api.MapPost("/text-sections/{id:int}/supports", SupportAsync).WithName("SupportTextSection").WithSummary("Supports a section (once).");
        api.MapDelete("/text-sections/{id:int}/supports", WithdrawSupportAsync).WithName("WithdrawTextSectionSupport").WithSummary("Withdraws the caller's support of a section.");
        return endpoints;
    }

    public sealed record CreateRequest(string? Title, string? Markdown, string? Docx, Guid? SubmissionId);

    public sealed record DraftRequest(string? Markdown, string? Docx);

    public sealed record PublishRequest(int Number, string? Note, Guid? SubmissionId);

    public sealed record StateRequest(bool Open);

    /// <summary>
    /// A section as shown: <c>Number</c> is the number readers see (none for a preamble, and the sections after a
    /// preamble count from 1); <c>Position</c> is its place in the text, counted from 1 with the preamble.
    /// </summary>
    public sealed record SectionDocument(int Id, int Position, int? Number, bool Preamble, string Heading, IReadOnlyList<string> Articles, string Link, int Supports);

    public sealed record VersionSummary(int Number, DateTime PublishedAt, string Note, string Link);

    public sealed record TextDocument(int Id, int ProcessId, string Title, string State, int? Version, DateTime? PublishedAt, IReadOnlyList<SectionDocument> Sections,
        IReadOnlyList<VersionSummary> Versions, IReadOnlyList<SectionDocument>? WorkingDraft, string Link);

    public sealed record ChangeDocument(string Change, int Section, TextVersion.SectionCopy? Before, TextVersion.SectionCopy? After);

    private static async Task<IResult> ListAsync(int id, HttpContext http, TextAccess access, CancellationToken cancellationToken)
    {
        var (_, texts) = await access.ListAsync(id, http.User, cancellationToken);
        return TypedResults.Ok(texts.Select(t => new { t.Id, t.Title, state = t.State.ToString(), version = t.PublishedVersion, link = TextLinks.Of(t.Id) }));
    }

    private static async Task<IResult> GetAsync(int id, int? version, HttpContext http, TextAccess access, CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(id, http.User, TextAction.View, cancellationToken);
        var text = view.Text;
        var versions = await access.VersionsAsync(id, cancellationToken);
        var shown = version is { } n ? RefusedException.IfMissing(versions.FirstOrDefault(v => v.Number == n)) : versions.FirstOrDefault();
        var (supports, _) = await access.SupportsAsync(id, null, cancellationToken);
        var shownPreamble = shown is not null && TextNames.HasPreamble(shown.Sections);
        var sections = shown?.Sections.Select(s => Section(s.SectionId, s.Number, shownPreamble, s.Heading, s.Articles, TextLinks.Section(id, s.SectionId), supports.GetValueOrDefault(s.SectionId))).ToList() ?? [];
        var draft = view.Can(TextAction.Manage)
            ? text.Draft.Select(s => Section(s.Id, s.Position, TextNames.HasPreamble(text.Draft), s.Heading, s.Articles, TextLinks.Section(id, s.Id), supports.GetValueOrDefault(s.Id))).ToList()
            : null;
        return TypedResults.Ok(new TextDocument(text.Id, text.ProcessId, text.Title, text.State.ToString(), shown?.Number, shown?.PublishedAt, sections,
            versions.Select(v => new VersionSummary(v.Number, v.PublishedAt, v.Note, TextLinks.Version(id, v.Number))).ToList(), draft, TextLinks.Of(id)));
    }

    private static SectionDocument Section(int id, int position, bool textHasPreamble, string heading, IReadOnlyList<string> articles, string link, int supports)
    {
        var preamble = textHasPreamble && position == 1 && heading.Length == 0;
        return new SectionDocument(id, position, preamble ? null : TextNames.Number(position, textHasPreamble), preamble, heading, articles, link, supports);
    }

    private static async Task<IResult> CompareAsync(int id, int? from, int? to, HttpContext http, TextAccess access, CancellationToken cancellationToken)
    {
        await access.ReadAsync(id, http.User, TextAction.View, cancellationToken);
        var before = RefusedException.IfMissing(await access.VersionAsync(id, from ?? 0, cancellationToken));
        var after = RefusedException.IfMissing(await access.VersionAsync(id, to ?? 0, cancellationToken));
        var changes = TextComparison.Of(before.Sections, after.Sections);
        return TypedResults.Ok(new { from = before.Number, to = after.Number, sections = changes.Select(c => new ChangeDocument(c.Kind.ToString(), c.SectionId, c.Before, c.After)) });
    }

    private static async Task<IResult> ExportAsync(int id, string format, int? version, HttpContext http, TextAccess access, TextExports exports, TextAmendments amendments, Platform.Hosting.PublicLinks links, CancellationToken cancellationToken)
    {
        var view = await access.ReadAsync(id, http.User, TextAction.View, cancellationToken);
        var versions = await access.VersionsAsync(id, cancellationToken);
        var shown = RefusedException.IfMissing(version is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault());
        var name = $"text-{id}-v{shown.Number}";
        // The history up to the version exported (an old version's export does not list what came after it), each
        // version with the amendments it took.
        versions = versions.Where(v => v.Number <= shown.Number).ToList();
        var taken = new TakenVersions(await amendments.TakenAsync(id, versions, cancellationToken), links.To("/").TrimEnd('/'));
        return format switch
        {
            "md" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(exports.Markdown(view.Text, shown, versions, taken)), "text/markdown; charset=utf-8", name + ".md"),
            "html" => TypedResults.Content(exports.Html(view.Text, shown, versions, taken), "text/html; charset=utf-8"),
            "pdf" => TypedResults.File(exports.Pdf(view.Text, shown, versions, taken), "application/pdf", name + ".pdf"),
            _ => TypedResults.NotFound(),
        };
    }

    private static DraftInput Draft(string? markdown, string? docx)
    {
        if (string.IsNullOrEmpty(docx))
        {
            return new DraftInput(markdown);
        }
        try
        {
            return new DraftInput(null, Convert.FromBase64String(docx), "draft.docx");
        }
        catch (FormatException)
        {
            throw new TextRuleException("DocxNotZip", "docx");
        }
    }

    private static async Task<IResult> CreateAsync(int id, CreateRequest? request, HttpContext http, ChangeRunner changes, CreateText.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ParticipatoryTextsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var textId = await changes.RunAsync(handler, new CreateText.Command(id, request!.Title ?? "", Draft(request.Markdown, request.Docx), request.SubmissionId ?? Guid.NewGuid()), cancellationToken);
        return TypedResults.Created(TextLinks.Of(textId), new { id = textId, link = TextLinks.Of(textId) });
    }

    private static async Task<IResult> ImportAsync(int id, DraftRequest? request, HttpContext http, ChangeRunner changes, ImportDraft.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ParticipatoryTextsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new ImportDraft.Command(id, Draft(request!.Markdown, request.Docx)), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> PublishAsync(int id, PublishRequest? request, HttpContext http, ChangeRunner changes, PublishVersion.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ParticipatoryTextsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(handler, new PublishVersion.Command(id, request!.Number, request.Note, request.SubmissionId ?? Guid.NewGuid()), cancellationToken);
        return TypedResults.Ok(new { published = outcome.Published, version = outcome.Number, link = TextLinks.Version(id, outcome.Number) });
    }

    private static async Task<IResult> SetOpenAsync(int id, StateRequest? request, HttpContext http, ChangeRunner changes, SetTextOpen.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if ((await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? (request is null ? ApiInput.Problems(null, typeof(ParticipatoryTextsText), localizers) : null)) is { } refused)
        {
            return refused;
        }
        var changed = await changes.RunAsync(handler, new SetTextOpen.Command(id, request!.Open), cancellationToken);
        return TypedResults.Ok(new { changed });
    }

    private static async Task<IResult> SupportAsync(int id, HttpContext http, ChangeRunner changes, SupportSection.Handler handler, IAntiforgery antiforgery, IStringLocalizerFactory localizers,
        CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var added = await changes.RunAsync(handler, new SupportSection.Command(id), cancellationToken);
        return TypedResults.Ok(new { supported = true, changed = added });
    }

    private static async Task<IResult> WithdrawSupportAsync(int id, HttpContext http, ChangeRunner changes, WithdrawSectionSupport.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var removed = await changes.RunAsync(handler, new WithdrawSectionSupport.Command(id), cancellationToken);
        return TypedResults.Ok(new { supported = false, changed = removed });
    }
}
