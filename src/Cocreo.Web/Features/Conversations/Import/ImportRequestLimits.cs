using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>
/// The import's own request limit (<see cref="ConversationImportOptions.MaxUploadBytes"/>, configurable, above the
/// platform's 1 MB): it runs before anything reads the form (the antiforgery check included). A post that says it is
/// larger is not read: the person is sent back to the form, which says the file is too large (a form error, not an
/// error page). A post within the limit may be read up to it.
/// </summary>
public sealed class ImportRequestLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>What the form's other fields and the multipart framing may add to the file's size.</summary>
    public const long FormAllowance = 100_000;

    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var limit = http.RequestServices.GetRequiredService<IOptions<ConversationImportOptions>>().Value.MaxUploadBytes + FormAllowance;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult(http.Request.Path + "?tooLarge=true");
            return;
        }
        Allow(http, limit);
    }

    /// <summary>Lets this request's body and form be read up to <paramref name="limit"/> bytes.</summary>
    public static void Allow(HttpContext http, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                ValueLengthLimit = (int)Math.Min(limit, int.MaxValue),
            }));
        }
    }
}
