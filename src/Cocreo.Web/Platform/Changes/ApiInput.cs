using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// What an API endpoint that changes something checks before it runs the page's use case: the caller is signed in
/// (401) and sent the antiforgery header with the cookie (400), and the body passes the same validation attributes
/// as the page's form, with the same localised messages (422 with each field's problems).
/// </summary>
public static class ApiInput
{
    /// <summary>A refusal when the caller is anonymous (thrown: 401) or lacks the antiforgery header (400), else null.</summary>
    public static async Task<IResult?> RefuseWithoutTokenAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizerFactory localizers)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw new RefusedException(Refusal.SignIn);
        }
        return await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem(localizers.Create(typeof(SharedText))["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The body's problems by its validation attributes (those of the page's input), by JSON field name, each message
    /// in the reader's language from the text of the capability <paramref name="origin"/> belongs to; null when none.
    /// </summary>
    public static IResult? Problems(object? input, Type origin, IStringLocalizerFactory localizers)
    {
        if (input is null)
        {
            return Invalid(new Dictionary<string, string[]> { [""] = [localizers.Create(typeof(SharedText))["The request is empty."]] });
        }
        var text = FeatureTextLocalizer.For(origin, localizers);
        var problems = new Dictionary<string, string[]>();
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(input);
            var messages = property.GetCustomAttributes<ValidationAttribute>(inherit: true)
                .Where(a => !a.IsValid(value))
                .Select(a => Message(a, property.Name, text))
                .ToArray();
            if (messages.Length > 0)
            {
                problems[FieldName(property.Name)] = messages;
            }
        }
        return problems.Count == 0 ? null : Invalid(problems);
    }

    /// <summary>422 with each field's problems (validation problem details, as a form shows them beside the fields).</summary>
    public static IResult Invalid(IDictionary<string, string[]> problems, string? detail = null) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(problems)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = detail,
        });

    /// <summary>The JSON name of a form field (<c>Input.Categories</c> → <c>categories</c>).</summary>
    public static string FieldName(string field)
    {
        var name = field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Message(ValidationAttribute attribute, string name, IStringLocalizer text) => attribute switch
    {
        _ when attribute.ErrorMessage is null => attribute.FormatErrorMessage(name),
        StringLengthAttribute length => text[attribute.ErrorMessage, name, length.MaximumLength, length.MinimumLength],
        RangeAttribute range => text[attribute.ErrorMessage, name, range.Minimum, range.Maximum],
        _ => text[attribute.ErrorMessage, name],
    };
}
