using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>The attributes' choices inside a form (registration, a walk-in at the door), each with "Prefer not to say".</summary>
public sealed record AnswerFields(IReadOnlyList<MixingAttribute> Attributes, IReadOnlyDictionary<string, string> Current, string Prefix);

/// <summary>Draws <see cref="AnswerFields"/> for a meeting and, when given, the registration's current answers.</summary>
public sealed class MeetingAnswersViewComponent(MeetingProfiles profiles) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int meetingId, int? registrationId, string prefix = "Answers")
    {
        var attributes = await profiles.AttributesAsync(meetingId, HttpContext.RequestAborted);
        var current = registrationId is { } id ? await profiles.AnswersOfAsync(id, HttpContext.RequestAborted) : new Dictionary<string, string>();
        return View("/Features/Meetings/Profiles/_AnswerFields.cshtml", new AnswerFields(attributes, current, prefix));
    }
}
