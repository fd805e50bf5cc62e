using System.Security.Claims;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// The use cases of following and of one's notifications, shared by the pages (<c>/notifications</c>, the follow
/// buttons) and the API (<c>/api/v1/follows</c>, <c>/api/v1/notifications</c>): what may be followed is asked of
/// <see cref="NotificationPermissions"/> once, here, and refusals are thrown for the page or endpoint filter.
/// </summary>
public sealed class FollowChoices(Following following, NotificationInbox inbox, ProcessAccessReader processes, ProcessDirectory directory, IStringLocalizer<NotificationText> t, IStringLocalizer<ProcessText> processText)
{
    /// <summary>The subject, if the person may follow it (signed in, may see its process); refuses (throws) otherwise.</summary>
    public async Task<FollowSubject> OpenAsync(ClaimsPrincipal user, FollowKind kind, int id, CancellationToken cancellationToken)
    {
        var subject = RefusedException.IfMissing(Enum.IsDefined(kind) ? await following.FindAsync(kind, id, cancellationToken) : null);
        var process = RefusedException.IfMissing(await directory.FindAsync(subject.ProcessId, cancellationToken));
        var access = await processes.ForAsync(user, process, cancellationToken);
        RefusedException.Unless(NotificationPermissions.Decide(NotificationAction.Follow, process.Visibility, access), access.IsAuthenticated);
        return subject;
    }

    /// <summary>Follows the subject, or stops following it; refuses (throws) what the person may not follow.</summary>
    public async Task<FollowSubject> ChooseAsync(ClaimsPrincipal user, FollowKind kind, int id, bool follow, CancellationToken cancellationToken)
    {
        var subject = await OpenAsync(user, kind, id, cancellationToken);
        await following.ChooseAsync(user.UserId()!, subject, follow, cancellationToken);
        return subject;
    }

    /// <summary>Whether the person follows the subject (asked to, or as a member or its author, and did not stop).</summary>
    public async Task<bool> FollowsAsync(ClaimsPrincipal user, FollowSubject subject, CancellationToken cancellationToken) =>
        await following.FollowsAsync(user.UserId()!, subject, cancellationToken);

    /// <summary>A page of the person's notifications, newest first, each with its words in the reader's language.</summary>
    public async Task<NotificationPage> PageAsync(string userId, int page, CancellationToken cancellationToken)
    {
        var total = await inbox.CountAsync(userId, cancellationToken);
        var pages = Math.Max(1, (total + NotificationInbox.PageSize - 1) / NotificationInbox.PageSize);
        var number = Math.Clamp(page, 1, pages);
        var unread = await inbox.UnreadAsync(userId, cancellationToken);
        var shown = await inbox.PageAsync(userId, number, cancellationToken);
        var language = Cultures.Current;
        var titles = new Dictionary<int, string>();
        foreach (var processId in shown.Select(n => n.ProcessId).Distinct())
        {
            titles[processId] = await directory.FindAsync(processId, cancellationToken) is { } process ? LocalizedProcess.Of(process, language).Title.Text : "";
        }
        var subjects = await NotificationSubjects.LoadAsync(following, shown, cancellationToken);
        return new NotificationPage(number, pages, total, unread, shown.Select(n => (n, NotificationWords.Say(t, processText, n, titles[n.ProcessId], subjects.Of(n, language)))).ToList());
    }
}

/// <summary>One page of a person's notifications with their words.</summary>
public sealed record NotificationPage(int Number, int Pages, int Total, int Unread, List<(Notification Notification, string Text)> Items);
