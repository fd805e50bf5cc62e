using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Changes;

/// <summary>The localised message of a refusal, kept on the request for the error page that shows it.</summary>
public sealed record RefusalMessage(string Text);

public static class RefusalText
{
    /// <summary>The refusal's message in the reader's language, from the text of the capability it came from.</summary>
    public static string? Localize(this Refusal refusal, IStringLocalizerFactory localizers)
    {
        if (refusal.Text is null)
        {
            return null;
        }
        var localizer = FeatureTextLocalizer.For(refusal.Origin ?? typeof(SharedText), localizers);
        if (refusal.Arguments is not { Length: > 0 } arguments)
        {
            return localizer[refusal.Text];
        }
        // A message with a plural block ({0, plural, one {...} other {...}}) is formatted by the plural rules of the reader's language.
        var pattern = localizer[refusal.Text].Value;
        return pattern.Contains(", plural,", StringComparison.Ordinal)
            ? PluralMessage.Format(System.Globalization.CultureInfo.CurrentCulture, pattern, arguments)
            : localizer[refusal.Text, arguments];
    }
}

/// <summary>
/// Answers a <see cref="RefusedException"/> thrown anywhere in a page handler: 404, sign in, 403 with the real
/// reason (the error page shows it), 409, or 422 with the page shown again, the form as it was typed and the
/// message in its error summary (pages load what they show before they run a change, so the page can be shown).
/// </summary>
public sealed class RefusalPageFilter(IStringLocalizerFactory localizers) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            // A form posted to a handler the page does not have (an old form, a made-up name): nothing runs, and the
            // page is not rendered without the data its handlers load.
            context.Result = new NotFoundResult();
            return;
        }
        var executed = await next();
        if (executed.Exception is not RefusedException refused || executed.ExceptionHandled)
        {
            return;
        }
        executed.ExceptionHandled = true;
        var refusal = refused.Refusal;
        var message = refusal.Localize(localizers);
        switch (refusal.Kind)
        {
            case RefusalKind.Invalid:
                context.ModelState.AddModelError(refusal.Field ?? "", message ?? "");
                executed.Result = new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
                break;
            case RefusalKind.NotFound:
                executed.Result = new NotFoundResult();
                break;
            case RefusalKind.SignIn:
                executed.Result = new ChallengeResult();
                break;
            default:
                if (message is not null)
                {
                    context.HttpContext.Features.Set(new RefusalMessage(message));
                }
                executed.Result = new StatusCodeResult(refusal.Kind switch
                {
                    RefusalKind.Conflict => StatusCodes.Status409Conflict,
                    RefusalKind.Gone => StatusCodes.Status410Gone,
                    _ => StatusCodes.Status403Forbidden,
                });
                break;
        }
    }
}

/// <summary>Answers a <see cref="RefusedException"/> thrown by an API endpoint with problem details: 404, 401, 403, 409, 410 or 422 with the message.</summary>
public sealed class RefusalEndpointFilter(IStringLocalizerFactory localizers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusedException refused)
        {
            var refusal = refused.Refusal;
            var status = refusal.Kind switch
            {
                RefusalKind.NotFound => StatusCodes.Status404NotFound,
                RefusalKind.SignIn => StatusCodes.Status401Unauthorized,
                RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                RefusalKind.Conflict => StatusCodes.Status409Conflict,
                RefusalKind.Gone => StatusCodes.Status410Gone,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
            var message = refusal.Localize(localizers);
            if (refusal.Kind == RefusalKind.Invalid && refusal.Field is { } field)
            {
                // A rule about one field of the body: 422 with that field's problem, as a form shows it beside the field.
                return ApiInput.Invalid(new Dictionary<string, string[]> { [ApiInput.FieldName(field)] = [message ?? ""] }, message);
            }
            return TypedResults.Problem(detail: message, statusCode: status);
        }
    }
}
