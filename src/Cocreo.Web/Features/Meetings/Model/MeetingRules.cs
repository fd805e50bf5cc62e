namespace Cocreo.Web.Features.Meetings;

/// <summary>The messages for rules a meeting enforces (see <see cref="MeetingRuleException"/>).</summary>
public static class MeetingRules
{
    public static string Message(string code) => code switch
    {
        "Cancelled" => "This meeting is cancelled: it can no longer change.",
        "TitleEmpty" => "Enter the meeting's title.",
        "TitleTooLong" => "The title can have at most 200 characters.",
        "DescriptionTooLong" => "The description can have at most 20,000 characters.",
        "EndsBeforeStart" => "The meeting must end after it starts.",
        "TooLong" => "A meeting can last at most seven days.",
        "StartsInThePast" => "The start is in the past: choose a time to come.",
        "AddressEmpty" => "Enter the address of a meeting in a room.",
        "PlaceTooLong" => "The address can have at most 300 characters, the room 100 and the accessibility notes 1,000.",
        "OnlineUrl" => "Enter the link to the video room (https://…) of an online or hybrid meeting.",
        "Capacity" => "The capacity must be a number from 1 to 100,000, or empty for no limit.",
        "CapacityBelowPlaces" => "{0, plural, one {# person already has a place} other {# people already have a place}}: the capacity cannot be lower. Keep at least {0}, or ask people to cancel first.",
        "ReminderHours" => "The reminder must go out between 0 and 336 hours (14 days) before the start.",
        "NeedTooLong" => "Each need can be described in at most 200 characters.",
        "InterpretationLanguage" => "Say which language you need interpreted.",
        "WalkInName" => "A walk-in's name can have at most 100 characters.",
        "UnknownCode" => "No registration for this meeting has this code: check it and try again.",
        "CheckInWaiting" => "This person is on the waiting list, not registered: give them a free place first (add them as a walk-in).",
        "CheckInCancelled" => "This registration was cancelled.",
        _ => "This change is not allowed.",
    };
}
