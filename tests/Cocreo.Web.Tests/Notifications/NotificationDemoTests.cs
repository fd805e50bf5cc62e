using Cocreo.Web.Features.Notifications;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Notifications;

/// <summary>The demo city's first resident follows a budget and the processes they take part in, and has notifications, three of them new.</summary>
public sealed class NotificationDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_resident_follows_a_budget_and_has_new_notifications()
    {
        var (follows, total, unread, waiting) = await app.WithDbAsync(async db =>
        {
            var resident = await db.Users.Where(u => u.IsDemo && u.DisplayName.StartsWith("Luka")).Select(u => u.Id).SingleAsync();
            return (
                await db.Set<Follow>().CountAsync(f => f.UserId == resident && f.Kind == FollowKind.Budget && f.Following),
                await db.Set<Notification>().CountAsync(n => n.UserId == resident),
                await db.Set<Notification>().CountAsync(n => n.UserId == resident && n.ReadAt == null),
                await db.Set<Notification>().CountAsync(n => n.EmailedAt == null));
        });
        Assert.Equal(1, follows);
        Assert.True(total > 3, $"{total} notifications");
        Assert.Equal(3, unread);
        // Demo people have no mailbox: nothing waits for a digest.
        Assert.Equal(0, waiting);
    }
}
