using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>A meeting as the team types it: times on the platform's wall clock (<c>Platform:TimeZone</c>).</summary>
public sealed class MeetingForm
{
    [Required(ErrorMessage = "Enter the meeting's title.")]
    [StringLength(MeetingLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(MeetingLimits.Description, ErrorMessage = "The description can have at most {1} characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the meeting starts.")]
    public DateTime? StartsAt { get; set; }

    [Required(ErrorMessage = "Enter when the meeting ends.")]
    public DateTime? EndsAt { get; set; }

    public MeetingKind Kind { get; set; } = MeetingKind.InPerson;

    [StringLength(MeetingLimits.Address, ErrorMessage = "The address can have at most {1} characters.")]
    public string? Address { get; set; }

    [StringLength(MeetingLimits.Room, ErrorMessage = "The room can have at most {1} characters.")]
    public string? Room { get; set; }

    public bool StepFree { get; set; }

    public bool HearingLoop { get; set; }

    public bool AccessibleToilet { get; set; }

    [StringLength(MeetingLimits.AccessNotes, ErrorMessage = "The accessibility notes can have at most {1} characters.")]
    public string? AccessNotes { get; set; }

    [StringLength(MeetingLimits.OnlineUrl, ErrorMessage = "The link can have at most {1} characters.")]
    public string? OnlineUrl { get; set; }

    [Range(1, MeetingLimits.MaxCapacity, ErrorMessage = "The capacity must be a number from {1} to {2}, or empty for no limit.")]
    public int? Capacity { get; set; }

    public bool RegistrationOpen { get; set; } = true;

    [Range(0, MeetingLimits.MaxReminderHours, ErrorMessage = "The reminder must go out between {1} and {2} hours before the start.")]
    public int ReminderHours { get; set; } = 24;

    public MeetingDetails ToDetails(DateDisplay dates) => new(
        Title, Description ?? "", dates.ToUtc(StartsAt!.Value), dates.ToUtc(EndsAt!.Value), Kind,
        new MeetingPlace(Address ?? "", Room ?? "", StepFree, HearingLoop, AccessibleToilet, AccessNotes ?? ""),
        OnlineUrl, Capacity, RegistrationOpen, ReminderHours);

    public void From(Meeting meeting, DateDisplay dates)
    {
        Title = meeting.Title;
        Description = meeting.Description;
        StartsAt = dates.Local(meeting.StartsAt);
        EndsAt = dates.Local(meeting.EndsAt);
        Kind = meeting.Kind;
        Address = meeting.Address;
        Room = meeting.Room;
        StepFree = meeting.StepFree;
        HearingLoop = meeting.HearingLoop;
        AccessibleToilet = meeting.AccessibleToilet;
        AccessNotes = meeting.AccessNotes;
        OnlineUrl = meeting.OnlineUrl;
        Capacity = meeting.Capacity;
        RegistrationOpen = meeting.RegistrationOpen;
        ReminderHours = meeting.ReminderHours;
    }
}

/// <summary>The words for a meeting's kind.</summary>
public static class MeetingNames
{
    public static string Kind(Microsoft.Extensions.Localization.IStringLocalizer<MeetingText> t, MeetingKind kind) => kind switch
    {
        MeetingKind.InPerson => t["In person"],
        MeetingKind.Online => t["Online"],
        _ => t["Hybrid: in person and online"],
    };
}
