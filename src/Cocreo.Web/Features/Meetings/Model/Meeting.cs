using System.Security.Cryptography;
using System.Text.Json;
using Cocreo.Web.Platform.PersonalData;

namespace Cocreo.Web.Features.Meetings;

/// <summary>Where a meeting happens.</summary>
public enum MeetingKind
{
    /// <summary>In a room: the place and its accessibility matter.</summary>
    InPerson,

    /// <summary>In the organiser's video room: the link is shown to registered people only.</summary>
    Online,

    /// <summary>Both: a room and a video room.</summary>
    Hybrid,
}

public enum MeetingState
{
    Scheduled,
    Cancelled,
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    /// <summary>Has a place.</summary>
    Registered,

    /// <summary>On the waiting list: promoted, in order, when a place frees up.</summary>
    Waiting,

    /// <summary>Cancelled by the person (their needs are forgotten at once).</summary>
    Cancelled,
}

/// <summary>A meeting's limits.</summary>
public static class MeetingLimits
{
    public const int Title = 200;
    public const int Description = 20_000;
    public const int Address = 300;
    public const int Room = 100;
    public const int AccessNotes = 1_000;
    public const int OnlineUrl = 500;
    public const int MaxCapacity = 100_000;
    public const int MaxReminderHours = 24 * 14;
    public const int NeedText = 200;
    public const int WalkInName = 100;
    public const int CodeLength = 8;
}

/// <summary>The place of an in-person or hybrid meeting with its accessibility.</summary>
public sealed record MeetingPlace(string Address, string Room, bool StepFree, bool HearingLoop, bool AccessibleToilet, string AccessNotes)
{
    public static MeetingPlace None { get; } = new("", "", false, false, false, "");
}

/// <summary>A meeting as the team writes it (times in UTC).</summary>
public sealed record MeetingDetails(
    string Title,
    string Description,
    DateTime StartsAt,
    DateTime EndsAt,
    MeetingKind Kind,
    MeetingPlace Place,
    string? OnlineUrl,
    int? Capacity,
    bool RegistrationOpen,
    int ReminderHours = 24);

/// <summary>
/// A meeting in a process: when, where (a room with its accessibility, a video room, or both), how many places, and
/// whether registration is open. Registrations beyond the capacity wait in order (<see cref="MeetingRegistration"/>).
/// </summary>
public sealed class Meeting
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public int ProcessId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>In Markdown, rendered sanitised.</summary>
    public string Description { get; private set; } = "";

    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public MeetingKind Kind { get; private set; }
    public string Address { get; private set; } = "";
    public string Room { get; private set; } = "";
    public bool StepFree { get; private set; }
    public bool HearingLoop { get; private set; }
    public bool AccessibleToilet { get; private set; }
    public string AccessNotes { get; private set; } = "";

    /// <summary>The organiser's video room (online and hybrid); shown to registered people only.</summary>
    public string? OnlineUrl { get; private set; }

    /// <summary>Places; null: no limit.</summary>
    public int? Capacity { get; private set; }

    public bool RegistrationOpen { get; private set; }

    /// <summary>How long before the start the reminder e-mail goes out.</summary>
    public int ReminderHours { get; private set; } = 24;

    /// <summary>When an instance claimed the sending of this meeting's reminders (null: not yet); set once, so they go out once.</summary>
    public DateTime? RemindersClaimedAt { get; private set; }

    public MeetingState State { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string Language { get; private set; } = "en";
    public bool IsDemo { get; private set; }

    /// <summary>Moved by every registration, cancellation and check-in: two parallel registrations for the last place cannot both take it (the loser is tried again and finds it taken).</summary>
    public int Version { get; private set; }

    public bool IsCancelled => State == MeetingState.Cancelled;

    public bool HasRoom => Kind is MeetingKind.InPerson or MeetingKind.Hybrid;

    public bool HasVideoRoom => Kind is MeetingKind.Online or MeetingKind.Hybrid;

    public MeetingPlace Place => new(Address, Room, StepFree, HearingLoop, AccessibleToilet, AccessNotes);

    public MeetingDetails Details => new(Title, Description, StartsAt, EndsAt, Kind, Place, OnlineUrl, Capacity, RegistrationOpen, ReminderHours);

    private Meeting()
    {
    }

    public static Meeting Plan(int organisationId, int processId, MeetingDetails details, DateTime now, string language, bool isDemo = false)
    {
        var meeting = new Meeting { OrganisationId = organisationId, ProcessId = processId, CreatedAt = now, Language = language, IsDemo = isDemo };
        meeting.Change(details, now, isNew: true);
        return meeting;
    }

    /// <summary>Changes what the team wrote; a meeting cannot be moved into the past, and a cancelled one cannot change.</summary>
    public void Change(MeetingDetails details, DateTime now, bool isNew = false)
    {
        if (IsCancelled)
        {
            throw new MeetingRuleException("Cancelled");
        }
        var title = (details.Title ?? "").Trim();
        if (title.Length == 0)
        {
            throw new MeetingRuleException("TitleEmpty");
        }
        if (title.Length > MeetingLimits.Title)
        {
            throw new MeetingRuleException("TitleTooLong");
        }
        var description = (details.Description ?? "").Trim();
        if (description.Length > MeetingLimits.Description)
        {
            throw new MeetingRuleException("DescriptionTooLong");
        }
        if (details.EndsAt <= details.StartsAt)
        {
            throw new MeetingRuleException("EndsBeforeStart");
        }
        if (details.EndsAt - details.StartsAt > TimeSpan.FromDays(7))
        {
            throw new MeetingRuleException("TooLong");
        }
        if ((isNew || details.StartsAt != StartsAt) && details.StartsAt < now)
        {
            throw new MeetingRuleException("StartsInThePast");
        }
        var place = details.Place ?? MeetingPlace.None;
        var hasRoom = details.Kind is MeetingKind.InPerson or MeetingKind.Hybrid;
        var hasVideo = details.Kind is MeetingKind.Online or MeetingKind.Hybrid;
        var address = (place.Address ?? "").Trim();
        if (hasRoom && address.Length == 0)
        {
            throw new MeetingRuleException("AddressEmpty");
        }
        if (address.Length > MeetingLimits.Address || (place.Room ?? "").Trim().Length > MeetingLimits.Room || (place.AccessNotes ?? "").Trim().Length > MeetingLimits.AccessNotes)
        {
            throw new MeetingRuleException("PlaceTooLong");
        }
        var url = (details.OnlineUrl ?? "").Trim();
        if (hasVideo && (url.Length == 0 || url.Length > MeetingLimits.OnlineUrl || !Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps))
        {
            throw new MeetingRuleException("OnlineUrl");
        }
        if (details.Capacity is < 1 or > MeetingLimits.MaxCapacity)
        {
            throw new MeetingRuleException("Capacity");
        }
        if (details.ReminderHours is < 0 or > MeetingLimits.MaxReminderHours)
        {
            throw new MeetingRuleException("ReminderHours");
        }
        if (details.StartsAt != StartsAt || details.ReminderHours != ReminderHours)
        {
            // A new time: the reminders go out for the new one.
            RemindersClaimedAt = null;
        }
        Title = title;
        Description = description;
        StartsAt = DateTime.SpecifyKind(details.StartsAt, DateTimeKind.Utc);
        EndsAt = DateTime.SpecifyKind(details.EndsAt, DateTimeKind.Utc);
        Kind = details.Kind;
        Address = hasRoom ? address : "";
        Room = hasRoom ? (place.Room ?? "").Trim() : "";
        StepFree = hasRoom && place.StepFree;
        HearingLoop = hasRoom && place.HearingLoop;
        AccessibleToilet = hasRoom && place.AccessibleToilet;
        AccessNotes = hasRoom ? (place.AccessNotes ?? "").Trim() : "";
        OnlineUrl = hasVideo ? url : null;
        Capacity = details.Capacity;
        RegistrationOpen = details.RegistrationOpen;
        ReminderHours = details.ReminderHours;
    }

    /// <summary>Cancels the meeting; false when it was cancelled already.</summary>
    public bool Cancel(DateTime now)
    {
        if (IsCancelled)
        {
            return false;
        }
        State = MeetingState.Cancelled;
        CancelledAt = now;
        return true;
    }

    public bool HasEnded(DateTime now) => EndsAt <= now;

    /// <summary>Marks a change of registrations (see <see cref="Version"/>).</summary>
    public void Touch() => Version++;

    /// <summary>Whether the reminders are due at <paramref name="now"/>.</summary>
    public bool RemindersDue(DateTime now) => !IsCancelled && RemindersClaimedAt is null && StartsAt > now && StartsAt - TimeSpan.FromHours(ReminderHours) <= now;
}

/// <summary>
/// What a participant needs to take part. Personal data: kept only while the registration stands, shown only to the
/// meeting's organisers, in the person's data download, forgotten when they cancel or delete their account, never logged.
/// </summary>
public sealed record MeetingNeeds(bool Interpretation, string? InterpretationLanguage, bool SignLanguage, bool Childcare, string? Diet, bool StepFreeAccess, string? Other)
{
    public static MeetingNeeds None { get; } = new(false, null, false, false, null, false, null);

    public bool Any => Interpretation || SignLanguage || Childcare || StepFreeAccess || !string.IsNullOrWhiteSpace(Diet) || !string.IsNullOrWhiteSpace(Other);

    /// <summary>Trimmed, empty texts as null, a language only with interpretation; throws for text that is too long.</summary>
    public MeetingNeeds Tidy()
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var tidy = new MeetingNeeds(Interpretation, Interpretation ? Clean(InterpretationLanguage) : null, SignLanguage, Childcare, Clean(Diet), StepFreeAccess, Clean(Other));
        if (new[] { tidy.InterpretationLanguage, tidy.Diet, tidy.Other }.Any(t => t is { Length: > MeetingLimits.NeedText }))
        {
            throw new MeetingRuleException("NeedTooLong");
        }
        if (tidy.Interpretation && tidy.InterpretationLanguage is null)
        {
            throw new MeetingRuleException("InterpretationLanguage");
        }
        return tidy;
    }
}

/// <summary>
/// A person's place at a meeting (or on its waiting list), with their needs and their personal check-in code; or a
/// walk-in a facilitator added at the door (no account). One per account and meeting: registering again (a double
/// submit, the Back button) finds the same registration.
/// </summary>
public sealed class MeetingRegistration : ISealsPersonalData
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public int Id { get; private set; }
    public int MeetingId { get; private set; }

    /// <summary>The account; null for a walk-in.</summary>
    public string? UserId { get; private set; }

    /// <summary>Added at the door by a facilitator, without an account.</summary>
    public bool IsWalkIn { get; private set; }

    /// <summary>A walk-in's name as the facilitator typed it (optional), open in memory; stored only sealed (<see cref="SealedWalkInName"/>).</summary>
    public string? WalkInName { get; private set; }

    /// <summary>The walk-in's name sealed with the platform's personal-data key, like the needs; null without a name.</summary>
    public string? SealedWalkInName { get; private set; }

    /// <summary>The name <see cref="SealedWalkInName"/> holds, so that only a change is sealed again.</summary>
    private string? sealedWalkInName;

    private const string WalkInNamePurpose = "meeting-walk-in-name";

    public RegistrationStatus Status { get; private set; }

    /// <summary>When the person took their place in the queue (the waiting list's order, then <see cref="Id"/>).</summary>
    public DateTime QueuedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>The personal check-in code shown as a QR code.</summary>
    public string Code { get; private set; } = "";

    public DateTime? CheckedInAt { get; private set; }

    /// <summary>When the person was moved from the waiting list to a place (null if they never waited or still wait).</summary>
    public DateTime? PromotedAt { get; private set; }

    /// <summary>What the person needs, open in memory; stored only sealed (<see cref="SealedNeeds"/>).</summary>
    public MeetingNeeds Needs { get; private set; } = MeetingNeeds.None;

    /// <summary>
    /// The needs sealed with the platform's personal-data key (docs/security.md, "Personal data"): a copy of the
    /// database alone does not tell who needs childcare or sign language. Null when there are none.
    /// </summary>
    public string? SealedNeeds { get; private set; }

    /// <summary>The needs <see cref="SealedNeeds"/> holds, so that only a change is sealed again.</summary>
    private MeetingNeeds sealedNeeds = MeetingNeeds.None;

    private const string NeedsPurpose = "meeting-needs";

    /// <summary>Letters kept as they are (the text is sealed, never put into a page), so a sealed value stays short.</summary>
    private static readonly JsonSerializerOptions SealedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    void ISealsPersonalData.OpenPersonalData(PersonalDataSeal seal)
    {
        Needs = SealedNeeds is null ? MeetingNeeds.None : JsonSerializer.Deserialize<MeetingNeeds>(seal.Open(SealedNeeds, NeedsPurpose), SealedJson) ?? MeetingNeeds.None;
        sealedNeeds = Needs;
        WalkInName = SealedWalkInName is null ? null : seal.Open(SealedWalkInName, WalkInNamePurpose);
        sealedWalkInName = WalkInName;
    }

    bool ISealsPersonalData.SealPersonalData(PersonalDataSeal seal)
    {
        var changed = false;
        if (Needs != sealedNeeds || (SealedNeeds is not null && !seal.IsCurrent(SealedNeeds)))
        {
            SealedNeeds = Needs.Any ? seal.Seal(JsonSerializer.Serialize(Needs, SealedJson), NeedsPurpose) : null;
            sealedNeeds = Needs;
            changed = true;
        }
        if (WalkInName != sealedWalkInName || (SealedWalkInName is not null && !seal.IsCurrent(SealedWalkInName)))
        {
            SealedWalkInName = WalkInName is null ? null : seal.Seal(WalkInName, WalkInNamePurpose);
            sealedWalkInName = WalkInName;
            changed = true;
        }
        return changed;
    }

    public bool IsActive => Status is RegistrationStatus.Registered or RegistrationStatus.Waiting;

    private MeetingRegistration()
    {
    }

    public static MeetingRegistration For(int meetingId, string userId, MeetingNeeds needs, bool hasPlace, DateTime now)
    {
        var registration = new MeetingRegistration { MeetingId = meetingId, UserId = userId, Code = NewCode() };
        registration.Take(needs, hasPlace, now);
        return registration;
    }

    /// <summary>A walk-in added at the door: registered and checked in at once.</summary>
    public static MeetingRegistration WalkIn(int meetingId, string? name, DateTime now)
    {
        var clean = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (clean is { Length: > MeetingLimits.WalkInName })
        {
            throw new MeetingRuleException("WalkInName");
        }
        return new MeetingRegistration
        {
            MeetingId = meetingId, IsWalkIn = true, WalkInName = clean, Code = NewCode(), Status = RegistrationStatus.Registered, QueuedAt = now, CheckedInAt = now,
        };
    }

    /// <summary>Takes a place, or a place on the waiting list, with these needs (a cancelled registration is taken up again at the end of the queue).</summary>
    public void Take(MeetingNeeds needs, bool hasPlace, DateTime now)
    {
        SetNeeds(needs.Tidy());
        Status = hasPlace ? RegistrationStatus.Registered : RegistrationStatus.Waiting;
        QueuedAt = now;
        CancelledAt = null;
        PromotedAt = null;
    }

    public void ChangeNeeds(MeetingNeeds needs) => SetNeeds(needs.Tidy());

    /// <summary>The needs are forgotten (the meeting is long past: they served their purpose); false when there were none.</summary>
    public bool ForgetNeeds()
    {
        if (!Needs.Any)
        {
            return false;
        }
        SetNeeds(MeetingNeeds.None);
        return true;
    }

    /// <summary>Cancels; the needs are forgotten at once. False when it was cancelled already.</summary>
    public bool Cancel(DateTime now)
    {
        if (!IsActive)
        {
            return false;
        }
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
        SetNeeds(MeetingNeeds.None);
        return true;
    }

    public void Promote(DateTime now)
    {
        Status = RegistrationStatus.Registered;
        PromotedAt = now;
    }

    /// <summary>Checks in; false (nothing changes) when already checked in.</summary>
    public bool CheckIn(DateTime now)
    {
        if (Status != RegistrationStatus.Registered)
        {
            throw new MeetingRuleException(Status == RegistrationStatus.Waiting ? "CheckInWaiting" : "CheckInCancelled");
        }
        if (CheckedInAt is not null)
        {
            return false;
        }
        CheckedInAt = now;
        return true;
    }

    /// <summary>The account's link goes (account deleted): a walk-in without name, needs forgotten; the counts stay.</summary>
    public void ForgetAccount()
    {
        UserId = null;
        WalkInName = null;
        SetNeeds(MeetingNeeds.None);
    }

    private void SetNeeds(MeetingNeeds needs) => Needs = needs;

    /// <summary>Normalises a typed code (spaces, dashes, lower case) for lookup.</summary>
    public static string NormalizeCode(string? code) =>
        new string((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, MeetingLimits.CodeLength);
}

public sealed class MeetingRuleException(string code, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => MeetingRules.Message(Code);

    public override object[] Arguments => arguments;

    public override string? Field => Code switch
    {
        "TitleEmpty" or "TitleTooLong" => "Input.Title",
        "DescriptionTooLong" => "Input.Description",
        "EndsBeforeStart" or "TooLong" => "Input.EndsAt",
        "StartsInThePast" => "Input.StartsAt",
        "AddressEmpty" or "PlaceTooLong" => "Input.Address",
        "OnlineUrl" => "Input.OnlineUrl",
        "Capacity" or "CapacityBelowPlaces" => "Input.Capacity",
        "ReminderHours" => "Input.ReminderHours",
        "NeedTooLong" => "Needs.Other",
        "InterpretationLanguage" => "Needs.InterpretationLanguage",
        "WalkInName" => "walkInName",
        "UnknownCode" => "code",
        _ => null,
    };
}
