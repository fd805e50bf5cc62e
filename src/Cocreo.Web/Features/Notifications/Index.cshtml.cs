using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>
/// A person's notifications, newest first, a page at a time; marking them read; following and unfollowing (the
/// buttons on processes, budgets and proposals post here); and the choice of e-mails (the section on /account).
/// </summary>
[Authorize]
public sealed class IndexModel(Cocreo.Web.Data.CocreoDbContext db, NotificationInbox inbox, Following following, ProcessAccessReader processes, ProcessDirectory directory, IStringLocalizer<NotificationText> t, IStringLocalizer<ProcessText> processText) : PageModel
{
    public List<(Notification Notification, string Text)> Items { get; } = [];

    public int PageNumber { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    public int Unread { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var userId = User.UserId()!;
        var total = await inbox.CountAsync(userId, cancellationToken);
        Pages = Math.Max(1, (total + NotificationInbox.PageSize - 1) / NotificationInbox.PageSize);
        PageNumber = Math.Clamp(page, 1, Pages);
        Unread = await inbox.UnreadAsync(userId, cancellationToken);
        var shown = await inbox.PageAsync(userId, PageNumber, cancellationToken);
        var language = Cultures.Current;
        var titles = new Dictionary<int, string>();
        foreach (var processId in shown.Select(n => n.ProcessId).Distinct())
        {
            titles[processId] = await directory.FindAsync(processId, cancellationToken) is { } process ? LocalizedProcess.Of(process, language).Title.Text : "";
        }
        var subjects = await NotificationSubjects.LoadAsync(db, shown, cancellationToken);
        Items.AddRange(shown.Select(n => (n, NotificationWords.Say(t, processText, n, titles[n.ProcessId], subjects.Of(n, language)))));
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await inbox.MarkReadAsync(User.UserId()!, id, cancellationToken))
        {
            return NotFound();
        }
        return this.Done(t["Marked as read."], "/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var marked = await inbox.MarkAllReadAsync(User.UserId()!, cancellationToken);
        return this.Done(marked == 0 ? t["Nothing was unread."] : t.Plural("{0, plural, one {# notification marked as read.} other {# notifications marked as read.}}", marked), "/notifications");
    }

    public Task<IActionResult> OnPostFollowAsync(FollowKind kind, int id, string? returnUrl, CancellationToken cancellationToken) =>
        ChooseAsync(kind, id, true, returnUrl, cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(FollowKind kind, int id, string? returnUrl, CancellationToken cancellationToken) =>
        ChooseAsync(kind, id, false, returnUrl, cancellationToken);

    private async Task<IActionResult> ChooseAsync(FollowKind kind, int id, bool follow, string? returnUrl, CancellationToken cancellationToken)
    {
        var subject = RefusedException.IfMissing(await following.FindAsync(kind, id, cancellationToken));
        var process = RefusedException.IfMissing(await directory.FindAsync(subject.ProcessId, cancellationToken));
        var access = await processes.ForAsync(User, process, cancellationToken);
        RefusedException.Unless(NotificationPermissions.Decide(NotificationAction.Follow, process.Visibility, access), access.IsAuthenticated);
        await following.ChooseAsync(User.UserId()!, subject, follow, cancellationToken);
        return this.Done(
            follow ? t["You follow it now: what happens to it reaches your notifications."] : t["You no longer follow it."],
            this.SafeReturnUrl(returnUrl, subject.Link));
    }

    public async Task<IActionResult> OnPostEmailAsync(EmailFrequency? email, CancellationToken cancellationToken)
    {
        if (email is not { } chosen || !Enum.IsDefined(chosen))
        {
            return this.Done(t["Choose how often you want e-mails."], "/account#notification-email");
        }
        await inbox.ChooseEmailAsync(User.UserId()!, chosen, cancellationToken);
        return this.Done(t["Notification e-mails: {0}.", NotificationWords.Frequency(t, chosen)], "/account#notification-email");
    }
}
