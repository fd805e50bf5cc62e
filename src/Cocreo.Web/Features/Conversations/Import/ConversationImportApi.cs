using System.Globalization;
using Cocreo.OpinionMap.Polis;
using Cocreo.Web.Platform.Changes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>
/// <c>POST /api/v1/processes/{id}/conversations/import</c> (multipart/form-data): the import page's use case as an
/// API. Fields: <c>question</c>, <c>context</c>, <c>access</c> (Link, SignedIn, Verified), <c>participantsMayAdd</c>,
/// <c>moderation</c> (Post, Pre), <c>statementLimit</c>, and the export as one .zip or its CSV files (any field
/// name). Answers 201 with the counts; 413 when the request is larger than the limit; 422 with the problem (and
/// <c>file</c>, <c>line</c>, <c>column</c>) when the export cannot be imported. Needs the <c>X-CSRF-TOKEN</c> header
/// with the cookies, as every cookie-authenticated change does.
/// </summary>
public static class ConversationImportApi
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/processes/{id:int}/conversations/import", ImportAsync)
            .WithTags("Conversations").WithName("ImportConversation")
            .WithSummary("Imports a Polis export (a .zip, or comments.csv and votes.csv) into a new conversation of the process.")
            .DisableAntiforgery();

    private static async Task<IResult> ImportAsync(int id, HttpContext http, ChangeRunner changes, ImportConversation.Handler import, ConversationAccessReader conversations,
        IAntiforgery antiforgery, IOptions<ConversationImportOptions> options, IStringLocalizer<ImportText> t, CancellationToken cancellationToken)
    {
        // Who may import is asked before the upload is read.
        await conversations.ReadProcessAsync(id, http.User, ConversationAction.Create, cancellationToken);
        var limit = options.Value.MaxUploadBytes + ImportRequestLimitsAttribute.FormAllowance;
        if (http.Request.ContentLength > limit)
        {
            return TypedResults.Problem(ImportModel.TooLarge(t, options.Value), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(t["Send the export as multipart/form-data."], statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        ImportRequestLimitsAttribute.Allow(http, limit);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(ImportModel.TooLarge(t, options.Value), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException)
        {
            return TypedResults.Problem(ImportModel.TooLarge(t, options.Value), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var errors = new Dictionary<string, string[]>();
        var access = Parse(form, "access", ConversationAccess.Link, errors, t);
        var moderation = Parse(form, "moderation", StatementModeration.Post, errors, t);
        var statementLimit = ConversationLimits.DefaultStatementLength;
        if (form["statementLimit"].ToString() is { Length: > 0 } limitText && !int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out statementLimit))
        {
            errors["statementLimit"] = [t["Not a whole number."]];
        }
        var participantsMayAdd = form["participantsMayAdd"].ToString() is not ("false" or "False" or "0");
        if (errors.Count > 0)
        {
            return ApiInput.Invalid(errors);
        }
        PolisExport export;
        try
        {
            export = await PolisUpload.ReadAsync(form.Files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList(), options.Value, t, cancellationToken);
        }
        catch (PolisImportException e)
        {
            return TypedResults.Problem(PolisUpload.Describe(e.Problem, t), statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?>
            {
                ["file"] = e.Problem.File,
                ["line"] = e.Problem.Line,
                ["column"] = e.Problem.Column,
            });
        }
        var settings = new ConversationSettings(form["question"].ToString(), form["context"].ToString(), access, participantsMayAdd, moderation, statementLimit);
        var outcome = await changes.RunAsync(import, new ImportConversation.Command(id, settings, export, t["Rejected in the imported conversation"]), cancellationToken);
        return TypedResults.Created($"/api/v1/conversations/{outcome.ConversationId}", outcome);
    }

    private static T Parse<T>(IFormCollection form, string field, T fallback, Dictionary<string, string[]> errors, IStringLocalizer<ImportText> t) where T : struct, Enum
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }
        errors[field] = [t["Not one of: {0}.", string.Join(", ", Enum.GetNames<T>())]];
        return fallback;
    }
}
