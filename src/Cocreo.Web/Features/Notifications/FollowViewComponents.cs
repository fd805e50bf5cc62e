using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Notifications;

/// <summary>What the follow button shows: the subject, whether the reader follows it, and where to come back to.</summary>
public sealed record FollowButton(FollowKind Kind, int Id, bool Follows, string ReturnUrl);

/// <summary>The follow / stop following button of a process, a budget or a proposal, for people signed in.</summary>
public sealed class FollowButtonViewComponent(Following following) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(FollowKind kind, int id)
    {
        var userId = UserClaimsPrincipal.UserId();
        if (userId is null || await following.FindAsync(kind, id, HttpContext.RequestAborted) is not { } subject)
        {
            return Content("");
        }
        var follows = await following.FollowsAsync(userId, subject, HttpContext.RequestAborted);
        return View("/Features/Notifications/_FollowButton.cshtml", new FollowButton(kind, id, follows, HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}

/// <summary>The follow button on the process page (its links slot).</summary>
public sealed class FollowProcessViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ProcessView process) =>
        View("/Features/Notifications/_FollowProcess.cshtml", process.Process.Id);
}

/// <summary>The link to /notifications in the header, with the unread count (one indexed count).</summary>
public sealed class UnreadNotificationsViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not { } userId)
        {
            return Content("");
        }
        return View("/Features/Notifications/_Unread.cshtml", await inbox.UnreadAsync(userId, HttpContext.RequestAborted));
    }
}

/// <summary>The choice of notification e-mails, as a section of /account.</summary>
public sealed class EmailPreferenceViewComponent(NotificationInbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not { } userId)
        {
            return Content("");
        }
        return View("/Features/Notifications/_EmailPreference.cshtml", await inbox.EmailAsync(userId, HttpContext.RequestAborted));
    }
}
