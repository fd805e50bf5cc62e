using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A proposal's pictures and documents as pages read them, and who may read them: whoever may read the proposal while it
/// is shown; while the moderators hide it (or it waits for them), only its author, its co-authors and the moderators —
/// to everyone else its attachments do not exist (404), as its text gives way to the notice.
/// </summary>
public sealed class ProposalAttachmentReader(CocreoDbContext db, ProposalAccess access, ModerationDirectory moderation)
{
    /// <summary>A form that carries a document: above the document's limit (a file a little too large gets a message on the form), far larger is cut off (413).</summary>
    public const long MaxRequestBytes = 2L * PdfFile.MaxBytes;

    /// <summary>The proposal's pictures, oldest first (only re-encoded ones: a picture of width 0 was never shown).</summary>
    public Task<List<ProposalImageView>> ImagesAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == proposalId && i.ThumbnailWidth > 0).OrderBy(i => i.Id)
            .Select(i => new ProposalImageView(i.Id, i.AltText, i.Width, i.Height, i.ThumbnailWidth, i.ThumbnailHeight)).ToListAsync(cancellationToken);

    public Task<List<AttachedDocumentView>> DocumentsAsync(int proposalId, CancellationToken cancellationToken) =>
        db.Set<AttachedDocument>().AsNoTracking().Where(d => d.ProposalId == proposalId).OrderBy(d => d.Id)
            .Select(d => new AttachedDocumentView(d.Id, d.Title, d.Size)).ToListAsync(cancellationToken);

    /// <summary>Who uploaded each picture and document of the proposal (account ids; null when not known), for the moderators.</summary>
    public async Task<(Dictionary<int, string?> Images, Dictionary<int, string?> Documents)> UploadersAsync(int proposalId, CancellationToken cancellationToken) =>
        (await db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == proposalId).Select(i => new { i.Id, i.AddedByUserId }).ToDictionaryAsync(i => i.Id, i => i.AddedByUserId, cancellationToken),
         await db.Set<AttachedDocument>().AsNoTracking().Where(d => d.ProposalId == proposalId).Select(d => new { d.Id, d.AddedByUserId }).ToDictionaryAsync(d => d.Id, d => d.AddedByUserId, cancellationToken));

    /// <summary>The first picture of each of the proposals, for a list's thumbnails (hidden and held proposals left out).</summary>
    public async Task<Dictionary<int, ProposalImageView>> ThumbnailsAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken)
    {
        if (proposalIds.Count == 0)
        {
            return [];
        }
        var ids = proposalIds.ToList();
        var pictures = await db.Set<ProposalImage>().AsNoTracking()
            .Where(i => ids.Contains(i.ProposalId) && i.ThumbnailWidth > 0)
            .OrderBy(i => i.Id)
            .Select(i => new { i.ProposalId, View = new ProposalImageView(i.Id, i.AltText, i.Width, i.Height, i.ThumbnailWidth, i.ThumbnailHeight) })
            .ToListAsync(cancellationToken);
        if (pictures.Count == 0)
        {
            return [];
        }
        var statuses = await moderation.StatusesAsync(ProcessProposalContents.Kind, pictures.Select(p => p.ProposalId).Distinct().ToList(), cancellationToken);
        return pictures.Where(p => !statuses.TryGetValue(p.ProposalId, out var s) || s.IsShown).DistinctBy(p => p.ProposalId).ToDictionary(p => p.ProposalId, p => p.View);
    }

    /// <summary>Whether the reader may see the attachments of a proposal of a process (false also when there is no such proposal, or it is a budget project).</summary>
    public async Task<bool> MaySeeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var proposal = await access.FindAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            return false;
        }
        ProposalsView view;
        try
        {
            (view, _) = await access.ReadProposalAsync(proposal.ProcessId, proposalId, user, cancellationToken);
        }
        catch (RefusedException)
        {
            return false;
        }
        var status = await moderation.StatusAsync(ProcessProposalContents.Kind, proposalId, cancellationToken);
        if (status.IsShown)
        {
            return true;
        }
        var reader = view.Process.Access.UserId;
        return reader is not null && (proposal.AuthorUserId == reader
            || (await access.CoAuthorsAsync(proposalId, cancellationToken)).Contains(reader)
            || ModerationPermissions.Allows(ModerationAction.Moderate, view.Process.Process, view.Process.Access));
    }
}

/// <summary>
/// Serving a proposal's pictures and documents (<c>/process-proposals/{id}/images/{imageId}</c>, <c>.../thumbnail</c>,
/// <c>/process-proposals/{id}/documents/{documentId}</c>), and the API that adds and removes them (multipart forms with
/// the same field names as the proposal page's forms; the sign-in cookie and the X-CSRF-TOKEN header).
/// </summary>
public static class ProposalAttachmentsApi
{
    public static IEndpointRouteBuilder MapProposalAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/process-proposals/{id:int}/images/{imageId:int}", (int id, int imageId, HttpContext http, CocreoDbContext db, ProposalAttachmentReader reader, CancellationToken cancellationToken) =>
            ImageAsync(id, imageId, thumbnail: false, http, db, reader, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/process-proposals/{id:int}/images/{imageId:int}/thumbnail", (int id, int imageId, HttpContext http, CocreoDbContext db, ProposalAttachmentReader reader, CancellationToken cancellationToken) =>
            ImageAsync(id, imageId, thumbnail: true, http, db, reader, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/process-proposals/{id:int}/documents/{documentId:int}", DocumentAsync).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/v1").WithTags("Proposals");
        api.MapPost("/process-proposals/{id:int}/images", AddImageAsync).WithName("AddProcessProposalImage")
            .WithSummary("Its author or a co-author adds a picture (multipart: NewImage, a JPEG, PNG or WebP of at most 5 MB, re-encoded; NewImageAlt, what it shows; optional submissionId). At most 4. 201 with its id; 422 with the reason.")
            .WithMetadata(new RequestSizeLimitAttribute(ProposalImageUpload.MaxRequestBytes));
        api.MapDelete("/process-proposals/{id:int}/images/{imageId:int}", RemoveImageAsync).WithName("RemoveProcessProposalImage")
            .WithSummary("Its author or a co-author removes a picture.");
        api.MapPost("/process-proposals/{id:int}/documents", AddDocumentAsync).WithName("AddProcessProposalDocument")
            .WithSummary("Its author or a co-author attaches a PDF (multipart: NewDocument, at most 10 MB, checked to be a PDF by its bytes; NewDocumentTitle; optional submissionId). At most 5. 201 with its id; Stored rewritten (pages and http(s) links only: no scripts, actions, embedded files, forms or metadata). 422 with the reason (empty, too large, not a PDF, password-protected, damaged, no pages, too many).")
            .WithMetadata(new RequestSizeLimitAttribute(ProposalAttachmentReader.MaxRequestBytes));
        api.MapDelete("/process-proposals/{id:int}/documents/{documentId:int}", RemoveDocumentAsync).WithName("RemoveProcessProposalDocument")
            .WithSummary("Its author or a co-author removes a document.");
        return endpoints;
    }

    /// <summary>A picture or its thumbnail, as budget projects' pictures are served: the bytes Skia encoded, their type, nosniff.</summary>
    private static async Task<IResult> ImageAsync(int id, int imageId, bool thumbnail, HttpContext http, CocreoDbContext db, ProposalAttachmentReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.MaySeeAsync(id, http.User, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var images = db.Set<ProposalImage>().AsNoTracking().Where(i => i.Id == imageId && i.ProposalId == id && i.ThumbnailWidth > 0);
        var image = thumbnail
            ? await images.Select(i => new { i.ContentType, Content = i.Thumbnail }).SingleOrDefaultAsync(cancellationToken)
            : await images.Select(i => new { i.ContentType, i.Content }).SingleOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return TypedResults.NotFound();
        }
        // A proposal can be hidden or its process turn private: cache only in the browser, and not for long.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Content, image.ContentType);
    }

    /// <summary>
    /// A document, always as a download: application/pdf, a file name made from its title, nosniff, and a sandbox
    /// policy, so that even a PDF opened in the browser runs no script with the site's rights.
    /// </summary>
    private static async Task<IResult> DocumentAsync(int id, int documentId, HttpContext http, CocreoDbContext db, ProposalAttachmentReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.MaySeeAsync(id, http.User, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var document = await db.Set<AttachedDocument>().AsNoTracking().Where(d => d.Id == documentId && d.ProposalId == id)
            .Select(d => new { d.Title, d.Content }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return TypedResults.NotFound();
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
        headers.ContentDisposition = PdfFile.Disposition(document.Title);
        return TypedResults.Bytes(document.Content, "application/pdf");
    }

    private static async Task<IResult> AddImageAsync(int id, HttpContext http, ChangeRunner changes, AddProcessProposalImage.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, IStringLocalizer<BudgetingText> t, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var form = await FormAsync(http, localizers, cancellationToken);
        if (form is null)
        {
            return NotAForm(localizers);
        }
        var upload = form.Files.GetFile("NewImage");
        var alt = form["NewImageAlt"].ToString();
        if (upload is null)
        {
            return ApiInput.Invalid(new Dictionary<string, string[]> { ["newImage"] = [ProposalsLocalizer(localizers)[ProposalRules.Message("ChooseFile")]] });
        }
        var problems = new ModelStateDictionary();
        var image = await ProposalImageUpload.ReadAsync(upload, string.IsNullOrWhiteSpace(alt) ? "-" : alt, "newImage", "newImageAlt", problems, t, cancellationToken);
        if (image is null)
        {
            return ApiInput.Invalid(problems.Where(p => p.Value is { Errors.Count: > 0 }).ToDictionary(p => p.Key, p => p.Value!.Errors.Select(e => e.ErrorMessage).ToArray()));
        }
        var imageId = await changes.RunAsync(handler, new AddProcessProposalImage.Command(id, image, alt, SubmissionId(form)), cancellationToken);
        return TypedResults.Created($"/process-proposals/{id}/images/{imageId}", new { id = imageId, link = $"/process-proposals/{id}/images/{imageId}" });
    }

    private static async Task<IResult> RemoveImageAsync(int id, int imageId, HttpContext http, ChangeRunner changes, RemoveProcessProposalImage.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var removed = await changes.RunAsync(handler, new RemoveProcessProposalImage.Command(id, imageId), cancellationToken);
        return TypedResults.Ok(new { changed = removed });
    }

    private static async Task<IResult> AddDocumentAsync(int id, HttpContext http, ChangeRunner changes, AddProcessProposalDocument.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var form = await FormAsync(http, localizers, cancellationToken);
        if (form is null)
        {
            return NotAForm(localizers);
        }
        var upload = form.Files.GetFile("NewDocument");
        if (upload is null)
        {
            return ApiInput.Invalid(new Dictionary<string, string[]> { ["newDocument"] = [ProposalsLocalizer(localizers)[ProposalRules.Message("ChooseFile")]] });
        }
        var content = await DocumentUpload.ReadAsync(upload, cancellationToken);
        var documentId = await changes.RunAsync(handler, new AddProcessProposalDocument.Command(id, form["NewDocumentTitle"].ToString(), content, SubmissionId(form)), cancellationToken);
        return TypedResults.Created($"/process-proposals/{id}/documents/{documentId}", new { id = documentId, link = $"/process-proposals/{id}/documents/{documentId}" });
    }

    private static async Task<IResult> RemoveDocumentAsync(int id, int documentId, HttpContext http, ChangeRunner changes, RemoveProcessProposalDocument.Handler handler, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, CancellationToken cancellationToken)
    {
        if (await ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) is { } refused)
        {
            return refused;
        }
        var removed = await changes.RunAsync(handler, new RemoveProcessProposalDocument.Command(id, documentId), cancellationToken);
        return TypedResults.Ok(new { changed = removed });
    }

    private static async Task<IFormCollection?> FormAsync(HttpContext http, IStringLocalizerFactory localizers, CancellationToken cancellationToken) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;

    private static IResult NotAForm(IStringLocalizerFactory localizers) =>
        ApiInput.Invalid(new Dictionary<string, string[]> { [""] = [ProposalsLocalizer(localizers)["Send the file as multipart/form-data."]] });

    private static Guid SubmissionId(IFormCollection form) => Guid.TryParse(form["submissionId"].ToString(), out var id) ? id : Guid.Empty;

    private static IStringLocalizer ProposalsLocalizer(IStringLocalizerFactory localizers) => localizers.Create(typeof(ProposalsText));
}

/// <summary>Reads an uploaded document's bytes (the request's size limit bounds them); the change checks them.</summary>
public static class DocumentUpload
{
    public static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        var bytes = new byte[upload.Length];
        await using var stream = upload.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }
}
