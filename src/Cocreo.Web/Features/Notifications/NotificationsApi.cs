using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The JSON API of following and notifications under <c>/api/v1</c>, for the signed-in person (401 otherwise). It runs
/// the use cases of the pages (<see cref="FollowChoices"/>, <see cref="NotificationInbox"/>). The sign-in cookie is
/// ambient, so every change also needs the antiforgery header (X-CSRF-TOKEN), as casting a ballot does.
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Notifications");
        api.MapGet("/follows/{kind}/{id:int}", GetFollow).WithName("GetFollow")
            .WithSummary("Whether I follow a process, a budget, a proposal or a participatory text (kind: process, budget, proposal, text).");
        api.MapPut("/follows/{kind}/{id:int}", (string kind, int id, HttpContext http, FollowChoices choices, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t, CancellationToken cancellationToken) =>
            ChooseAsync(kind, id, true, http, choices, antiforgery, t, cancellationToken)).WithName("Follow")
            .WithSummary("Follows a process, a budget, a proposal or a participatory text: what happens to it reaches my notifications.");
        api.MapDelete("/follows/{kind}/{id:int}", (string kind, int id, HttpContext http, FollowChoices choices, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t, CancellationToken cancellationToken) =>
            ChooseAsync(kind, id, false, http, choices, antiforgery, t, cancellationToken)).WithName("Unfollow")
            .WithSummary("Stops following a process, a budget, a proposal or a participatory text (also one followed as a member or its author).");
        api.MapGet("/notifications", List).WithName("ListNotifications")
            .WithSummary("My notifications, newest first, 20 a page (page: 1, 2, ...), with the unread count.");
        api.MapPost("/notifications/{id:long}/read", ReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of my notifications read (404 for one that is not mine).");
        api.MapPost("/notifications/read", ReadAllAsync).WithName("MarkAllNotificationsRead")
            .WithSummary("Marks all my notifications read; answers how many were unread.");
        return endpoints;
    }

    private static async Task<Ok<FollowDocument>> GetFollow(string kind, int id, HttpContext http, FollowChoices choices, CancellationToken cancellationToken)
    {
        SignedIn(http);
        var subject = await choices.OpenAsync(http.User, KindOf(kind), id, cancellationToken);
        return TypedResults.Ok(FollowDocument.Of(subject, await choices.FollowsAsync(http.User, subject, cancellationToken)));
    }

    private static async Task<IResult> ChooseAsync(string kind, int id, bool follow, HttpContext http, FollowChoices choices, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        var subject = await choices.ChooseAsync(http.User, KindOf(kind), id, follow, cancellationToken);
        return TypedResults.Ok(FollowDocument.Of(subject, follow));
    }

    private static async Task<Ok<NotificationPageDocument>> List(HttpContext http, FollowChoices choices, int? page, CancellationToken cancellationToken)
    {
        SignedIn(http);
        var shown = await choices.PageAsync(http.User.UserId()!, page ?? 1, cancellationToken);
        return TypedResults.Ok(new NotificationPageDocument(
            shown.Number,
            shown.Pages,
            shown.Total,
            shown.Unread,
            shown.Items.Select(i => new NotificationDocument(i.Notification.Id, i.Notification.ProcessId, i.Notification.Event, i.Text, i.Notification.Link, i.Notification.CreatedAt, i.Notification.ReadAt)).ToList()));
    }

    private static async Task<IResult> ReadAsync(long id, HttpContext http, NotificationInbox inbox, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        return await inbox.MarkReadAsync(http.User.UserId()!, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<IResult> ReadAllAsync(HttpContext http, NotificationInbox inbox, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t, CancellationToken cancellationToken)
    {
        if (await RefuseWithoutTokenAsync(http, antiforgery, t) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(new MarkedDocument(await inbox.MarkAllReadAsync(http.User.UserId()!, cancellationToken)));
    }

    /// <summary>401 for an anonymous caller (thrown for the endpoint filter).</summary>
    private static void SignedIn(HttpContext http)
    {
        if (http.User.UserId() is null)
        {
            throw new RefusedException(Refusal.SignIn);
        }
    }

    /// <summary>A change needs the caller signed in (401) and the antiforgery header with the cookie (400).</summary>
    private static async Task<IResult?> RefuseWithoutTokenAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<NotificationText> t)
    {
        SignedIn(http);
        return await antiforgery.IsRequestValidAsync(http)
            ? null
            : TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>The kind named in the address (process, budget, proposal; any case), or 404.</summary>
    private static FollowKind KindOf(string kind) =>
        Enum.TryParse<FollowKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !kind.Any(char.IsDigit)
            ? parsed
            : throw new RefusedException(Refusal.NotFound);
}

public sealed record FollowDocument(string Kind, int Id, int ProcessId, string Title, string Link, bool Following)
{
    public static FollowDocument Of(FollowSubject subject, bool following) =>
        new(subject.Kind.ToString().ToLowerInvariant(), subject.Id, subject.ProcessId, subject.Title, subject.Link, following);
}

public sealed record NotificationDocument(long Id, int ProcessId, string Event, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record NotificationPageDocument(int Page, int Pages, int Total, int Unread, IReadOnlyList<NotificationDocument> Notifications);

public sealed record MarkedDocument(int Marked);
