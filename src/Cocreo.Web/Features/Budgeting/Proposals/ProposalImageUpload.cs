using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>An optional picture sent with a form, checked with its description; problems become errors on the form's fields.</summary>
public static class ProposalImageUpload
{
    /// <summary>
    /// What a form with a picture may send. Above the picture's limit, so a picture a little too large gets a message
    /// on the form (what was typed stays); far larger requests are cut off by the server before they are read.
    /// </summary>
    public const long MaxRequestBytes = 3L * ImageFile.MaxBytes;

    /// <summary>
    /// The re-encoded picture, or null when none was sent or it has a problem (then <paramref name="modelState"/> says
    /// which). A file input left empty sends no file; a chosen file of no bytes is a problem of its own.
    /// </summary>
    public static async Task<ImageFile?> ReadAsync(IFormFile? upload, string? altText, string imageField, string altField,
        ModelStateDictionary modelState, IStringLocalizer<BudgetingText> t, CancellationToken cancellationToken)
    {
        if (upload is null || (upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(altText))
        {
            modelState.AddModelError(altField, t["Describe what the image shows, for people who cannot see it."]);
        }
        var reading = await ImageFile.ReadAsync(upload, cancellationToken);
        var name = Path.GetFileName(upload.FileName);
        var problem = reading.Problem switch
        {
            null => null,
            ImageProblem.Empty => t["“{0}” is empty (0 bytes). Choose the picture again, or another one.", name],
            ImageProblem.TooLarge => t["The image is {0} MB; it can be at most {1} MB. Choose a smaller image, or save it smaller, and choose it again.",
                (upload.Length / 1048576m).ToString("N1", CultureInfo.CurrentCulture), ImageFile.MaxBytes / 1048576],
            ImageProblem.Damaged => t["“{0}” is damaged or cut off: the picture in it cannot be read whole. Save or export it again, or choose another file.", name],
            ImageProblem.TooManyPixels => t["The image is {0} × {1} pixels; it can have at most {2} million pixels. Save it smaller and choose it again.",
                reading.Width, reading.Height, ImageFile.MaxPixels / 1_000_000],
            _ => t["“{0}” is not a JPEG, PNG or WebP image. Choose a photo or picture in one of these formats.", name],
        };
        if (problem is not null)
        {
            modelState.AddModelError(imageField, problem);
        }
        return reading.File;
    }
}

/// <summary>
/// Answers 413 (the "too large" page) to a form whose announced length is over the limit, before anything reads it:
/// otherwise the antiforgery check is the first to read the form, fails, and the sender sees a bare "bad request".
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseRequestsOverAttribute(long bytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > bytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
