using Cocreo.Web.Features.Debate;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.ParticipatoryTexts;

/// <summary>A newcomer to the demo city finds a participatory text: two versions, a comment and a support, readable and exportable (also in Slovenian, as PDF).</summary>
public sealed class TextDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_a_mobility_charter_with_two_versions_a_comment_and_a_support()
    {
        var text = await app.WithDbAsync(db => db.Set<ParticipatoryText>().AsNoTracking().SingleAsync(t => t.Title == "Mobility charter of the old town"));
        Assert.Equal(2, text.PublishedVersion);
        var sections = await app.WithDbAsync(db => db.Set<TextSection>().Where(s => s.TextId == text.Id).Select(s => s.Id).ToListAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetKind == TextSectionDebateTargets.DebateKind && sections.Contains(c.TargetId))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<TextSectionSupport>().CountAsync(s => sections.Contains(s.SectionId))));

        var client = app.NewClient();
        var page = await client.GetOkPageAsync(TextLinks.Of(text.Id));
        Assert.Equal(5, page.QuerySelectorAll("section.text-section").Length);
        var version = await client.GetOkPageAsync(TextLinks.Version(text.Id, 2));
        Assert.NotNull(version.QuerySelector(".change-added"));
        Assert.NotNull(version.QuerySelector(".change-changed"));
        var pdf = await client.Http.GetAsync($"/texts/{text.Id}/export/pdf?culture=sl");
        Assert.Equal(System.Net.HttpStatusCode.OK, pdf.StatusCode);
        Assert.True((await pdf.Content.ReadAsByteArrayAsync()).Length > 1000);
        var md = await client.Http.GetStringAsync($"/texts/{text.Id}/export/md?culture=sl");
        Assert.Contains("Različica 2, objavljena", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_demo_resident_follows_the_charter_and_is_told_of_the_comment_on_a_section()
    {
        var text = await app.WithDbAsync(db => db.Set<ParticipatoryText>().AsNoTracking().SingleAsync(t => t.Title == "Mobility charter of the old town"));
        var told = (await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>().AsNoTracking().ToListAsync()))
            .Where(n => n.Link.StartsWith($"/texts/{text.Id}/sections/", StringComparison.Ordinal) && n.Link.Contains("#comment-", StringComparison.Ordinal)).ToList();
        var followers = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Follow>().AsNoTracking()
            .Where(f => f.Kind == Cocreo.Web.Features.Notifications.FollowKind.Text && f.SubjectId == text.Id).Select(f => f.UserId).ToListAsync());
        Assert.NotEmpty(followers);
        var notification = Assert.Single(told, n => followers.Contains(n.UserId));
        Assert.Contains("School streets", notification.Subject, StringComparison.Ordinal);
    }
}
