using Cocreo.Web.Data;
using Cocreo.Web.Features.Meetings.Harvest;
using Cocreo.Web.Features.Meetings.Report;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings;

/// <summary>
/// Meetings as data under <c>/api/v1/meetings</c>, and each meeting's calendar file: the same use cases as the pages.
/// A change needs the sign-in cookie and the <c>X-CSRF-TOKEN</c> header.
/// </summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:int}/calendar.ics", Calendar).WithTags("Meetings").WithName("GetMeetingCalendar")
            .WithSummary("The meeting as an iCalendar file (RFC 5545).");
        var api = endpoints.MapGroup("/api/v1/meetings").WithTags("Meetings");
        api.MapGet("", Upcoming).WithName("ListMeetings").WithSummary("The upcoming meetings of public processes.");
        api.MapGet("/{id:int}", Get).WithName("GetMeeting").WithSummary("A meeting, with the caller's registration when they have one.");
        api.MapPost("/{id:int}/registration", Register).WithName("RegisterForMeeting")
            .WithSummary("Registers the caller (or puts them on the waiting list) with their needs; again: updates the needs.").DisableAntiforgery();
        api.MapDelete("/{id:int}/registration", Cancel).WithName("CancelMeetingRegistration")
            .WithSummary("Cancels the caller's registration; a freed place goes to the first on the waiting list.").DisableAntiforgery();
        api.MapPost("/{id:int}/check-ins", CheckInAsync).WithName("CheckInAtMeeting")
            .WithSummary("The organisers check someone in by their code; a code used twice answers who and when, changing nothing.").DisableAntiforgery();
        api.MapPut("/{id:int}", Change).WithName("ChangeMeeting")
            .WithSummary("The process's team changes a meeting (the whole meeting, times in UTC); fewer places than given are refused.").DisableAntiforgery();
        api.MapPost("/{id:int}/cancel", CancelMeetingAsync).WithName("CancelMeeting")
            .WithSummary("The process's team cancels a meeting; the registered and waiting are told by e-mail. Again: changes nothing.").DisableAntiforgery();
        api.MapPost("/{id:int}/walk-ins", WalkInAsync).WithName("AddMeetingWalkIn")
            .WithSummary("The organisers add someone who came without registering (a name is optional), checked in at once.").DisableAntiforgery();
        endpoints.MapPost("/api/v1/processes/{processId:int}/meetings", Plan).WithTags("Meetings").WithName("PlanMeeting")
            .WithSummary("The process's team plans a meeting (times in UTC).").DisableAntiforgery();
        endpoints.MapHarvestApi();
        endpoints.MapReportApi();
        RunSheets.RunSheetApi.MapRunSheetApi(endpoints);
        TablePlans.TablePlanApi.MapTablePlanApi(endpoints);
        OpenSpace.GridApi.MapGridApi(endpoints);
        return endpoints;
    }

    private static async Task<IResult> Calendar(int id, HttpContext http, MeetingAccessReader meetings, MeetingCalendar calendar, TimeProvider clock, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        var view = await meetings.ReadAsync(id, http.User, MeetingAction.View, cancellationToken);
        var text = calendar.Write(view.Meeting, t["Online"], clock.GetUtcNow().UtcDateTime);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"meeting-{id}.ics");
    }

    private static async Task<Ok<List<MeetingDocument>>> Upcoming(MeetingListing listing, CancellationToken cancellationToken) =>
        TypedResults.Ok((await listing.UpcomingAsync(Platform.Localization.Cultures.Current, 100, cancellationToken)).Select(u => MeetingDocument.Of(u.Meeting, null, null)).ToList());

    private static async Task<Ok<MeetingDocument>> Get(int id, HttpContext http, MeetingAccessReader meetings, MeetingQueue queue, CancellationToken cancellationToken)
    {
        var view = await meetings.ReadAsync(id, http.User, MeetingAction.View, cancellationToken);
        var registration = await meetings.RegistrationOfAsync(id, http.User.UserId(), cancellationToken);
        var mine = registration is { IsActive: true }
            ? new RegistrationDocument(registration.Status, await queue.PositionAsync(registration, cancellationToken), registration.Status == RegistrationStatus.Registered ? registration.Code : null, registration.CheckedInAt, registration.Needs)
            : null;
        return TypedResults.Ok(MeetingDocument.Of(view.Meeting, mine, view.Can(MeetingAction.Register)));
    }

    private static async Task<IResult> Register(int id, NeedsRequest? request, HttpContext http, RegisterForMeeting.Handler register, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var needs = request is null ? MeetingNeeds.None : new MeetingNeeds(request.Interpretation, request.InterpretationLanguage, request.SignLanguage, request.Childcare, request.Diet, request.StepFreeAccess, request.Other);
        var outcome = await changes.RunAsync(register, new RegisterForMeeting.Command(id, needs), cancellationToken);
        return TypedResults.Ok(new RegisterDocument(outcome.Status, outcome.Position));
    }

    private static async Task<IResult> Cancel(int id, HttpContext http, CancelRegistration.Handler cancel, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(cancel, new CancelRegistration.Command(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CheckInAsync(int id, CheckInRequest request, HttpContext http, CheckIn.Handler checkIn, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(checkIn, new CheckIn.Command(id, request.Code, request.RegistrationId), cancellationToken);
        return TypedResults.Ok(new CheckInDocument(!outcome.Changed, outcome.Who, outcome.CheckedInAt));
    }

    private static async Task<IResult> Plan(int processId, PlanRequest request, HttpContext http, PlanMeeting.Handler plan, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var id = await changes.RunAsync(plan, new PlanMeeting.Command(processId, request.ToDetails()), cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{id}", new { id });
    }

    private static async Task<IResult> Change(int id, PlanRequest request, HttpContext http, ChangeMeeting.Handler change, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(change, new ChangeMeeting.Command(id, request.ToDetails()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CancelMeetingAsync(int id, HttpContext http, CancelMeeting.Handler cancel, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var outcome = await changes.RunAsync(cancel, new CancelMeeting.Command(id), cancellationToken);
        return TypedResults.Ok(new { cancelled = true, changed = outcome.Changed });
    }

    private static async Task<IResult> WalkInAsync(int id, WalkInRequest? request, HttpContext http, AddWalkIn.Handler walkIn, ChangeRunner changes, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var registration = await changes.RunAsync(walkIn, new AddWalkIn.Command(id, request?.Name), cancellationToken);
        return TypedResults.Created($"/api/v1/meetings/{id}", new { registrationId = registration });
    }

    private static async Task<IResult?> RefuseWithoutTokenAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<MeetingText> t) =>
        await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
}

public sealed record NeedsRequest(bool Interpretation, string? InterpretationLanguage, bool SignLanguage, bool Childcare, string? Diet, bool StepFreeAccess, string? Other);

public sealed record CheckInRequest(string? Code, int? RegistrationId);

public sealed record WalkInRequest(string? Name);

public sealed record PlanRequest(string? Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MeetingKind Kind, string? Address, string? Room,
    bool StepFree, bool HearingLoop, bool AccessibleToilet, string? AccessNotes, string? OnlineUrl, int? Capacity, bool? RegistrationOpen, int? ReminderHours)
{
    public MeetingDetails ToDetails() => new(Title ?? "", Description ?? "", StartsAt.UtcDateTime, EndsAt.UtcDateTime, Kind,
        new MeetingPlace(Address ?? "", Room ?? "", StepFree, HearingLoop, AccessibleToilet, AccessNotes ?? ""),
        OnlineUrl, Capacity, RegistrationOpen ?? true, ReminderHours ?? 24);
}

public sealed record RegisterDocument(RegistrationStatus Status, int? WaitingPosition);

public sealed record CheckInDocument(bool AlreadyCheckedIn, string Who, DateTime CheckedInAt);

public sealed record RegistrationDocument(RegistrationStatus Status, int? WaitingPosition, string? CheckInCode, DateTime? CheckedInAt, MeetingNeeds Needs);

/// <summary>A meeting as data. The video room's link is never here: it is for registered people, on the meeting's page.</summary>
public sealed record MeetingDocument(int Id, int ProcessId, string Title, string Description, DateTime StartsAt, DateTime EndsAt, MeetingKind Kind, string? Address, string? Room,
    bool StepFree, bool HearingLoop, bool AccessibleToilet, string? AccessNotes, int? Capacity, bool RegistrationOpen, MeetingState State, bool? YouMayRegister, RegistrationDocument? YourRegistration)
{
    public static MeetingDocument Of(Meeting m, RegistrationDocument? mine, bool? mayRegister) => new(m.Id, m.ProcessId, m.Title, m.Description, m.StartsAt, m.EndsAt, m.Kind,
        m.HasRoom ? m.Address : null, m.HasRoom ? m.Room : null, m.StepFree, m.HearingLoop, m.AccessibleToilet, m.HasRoom ? m.AccessNotes : null, m.Capacity, m.RegistrationOpen, m.State, mayRegister, mine);
}
