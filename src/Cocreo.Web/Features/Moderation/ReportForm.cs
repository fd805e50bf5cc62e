using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Moderation;

/// <summary>
/// The report form a page shows under an item (<c>_ReportForm.cshtml</c>): it posts to the page's own
/// <paramref name="Handler"/> with the item's id in <paramref name="ItemField"/> and the fields below; the page checks
/// them with <see cref="Check"/> and runs <see cref="ReportContent"/>.
/// </summary>
public sealed record ReportForm(string Handler, string ItemField, int ItemId, Guid SubmissionId, string What)
{
    public const string ReasonName = "reportReason";
    public const string DetailsName = "reportDetails";
    public const string SubmissionName = "reportSubmissionId";

    /// <summary>The key of the form's messages in the model state (shown beside the form, and in the page's error summary).</summary>
    public static string Field(int itemId) => $"report-{itemId}";

    /// <summary>The key of a form whose item field is not <c>commentId</c> (a page with two kinds of content keeps their forms apart).</summary>
    public static string Field(string itemField, int itemId) => itemField == "commentId" ? Field(itemId) : $"report-{itemField}-{itemId}";

    /// <summary>The key of this form's messages in the model state.</summary>
    public string Key => Field(ItemField, ItemId);

    /// <summary>Adds what is wrong with a sent report to the model state; true when it can be sent on.</summary>
    public static bool Check(int itemId, ReportReason? reason, string? details, ModelStateDictionary state, IStringLocalizer<ModerationText> t) =>
        Check(Field(itemId), reason, details, state, t);

    /// <summary>Adds what is wrong with a sent report to the model state under <paramref name="key"/>; true when it can be sent on.</summary>
    public static bool Check(string key, ReportReason? reason, string? details, ModelStateDictionary state, IStringLocalizer<ModerationText> t)
    {
        if (reason is null)
        {
            state.AddModelError(key, t["Choose what is wrong with it."]);
        }
        else if (reason == ReportReason.Other && string.IsNullOrWhiteSpace(details))
        {
            state.AddModelError(key, t["Say what is wrong with it."]);
        }
        if ((details ?? "").Trim().Length > ModerationLimits.Details)
        {
            state.AddModelError(key, t["What you add can have at most 1,000 characters."]);
        }
        return state.ErrorCount == 0;
    }
}
