using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Tests.Fuzz;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Amendments;

/// <summary>A newcomer to the demo city finds a proposal with an accepted amendment (two versions) and an open one with supports and a comment; every page renders.</summary>
public sealed class AmendmentDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_has_an_accepted_and_an_open_amendment_and_their_pages_render()
    {
        var quietRoom = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Budgeting.Proposal>().Where(p => p.Title == "A quiet room for exam study" && p.BudgetId == null).Select(p => p.Id).SingleAsync());
        var amendments = await app.WithDbAsync(db => db.Set<Amendment>().AsNoTracking().Where(a => a.TargetId == quietRoom).OrderBy(a => a.Id).ToListAsync());
        var accepted = Assert.Single(amendments, a => a.Status == AmendmentStatus.Accepted);
        var open = Assert.Single(amendments, a => a.Status == AmendmentStatus.Open);
        Assert.Equal(2, accepted.ResultVersion);
        Assert.Equal(2, open.BaseVersion);
        Assert.True(await app.WithDbAsync(db => db.Set<AmendmentSupport>().CountAsync(s => s.AmendmentId == open.Id)) >= 2);

        var client = app.NewClient();
        var proposal = await client.GetOkPageAsync($"/processes/{open.ProcessId}/proposals/{open.TargetId}");
        Assert.NotNull(proposal.QuerySelector(".amendments .text-diff ins"));
        var page = await client.GetOkPageAsync($"/amendments/{open.Id}");
        Assert.Contains("lockers", page.QuerySelector(".text-diff ins")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("coin lockers", page.QuerySelector(".debate")!.TextContent, StringComparison.Ordinal);
        var versions = await client.GetOkPageAsync($"/versions/process-proposal/{open.TargetId}");
        Assert.Contains("22:00", versions.QuerySelector(".text-diff ins")!.TextContent, StringComparison.Ordinal);
        await client.GetOkPageAsync($"/amendments/{accepted.Id}");
        await client.GetOkPageAsync($"/debate/amendment/{open.Id}");
    }

    [Fact]
    public async Task The_evening_opening_proposal_has_more_than_a_page_of_amendments_and_its_list_pages()
    {
        var proposal = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Budgeting.Proposal>().AsNoTracking().SingleAsync(p => p.Title == "Open until 21:00 on weekdays" && p.BudgetId == null));
        var amendments = await app.WithDbAsync(db => db.Set<Amendment>().AsNoTracking().Where(a => a.TargetId == proposal.Id && a.TargetKind == "process-proposal").ToListAsync());
        Assert.True(amendments.Count > AmendmentList.PageSize, $"{amendments.Count} amendments");
        Assert.Contains(amendments, a => a.Status == AmendmentStatus.Rejected && a.Reason.Length > 0);
        Assert.Contains(amendments, a => a.Status == AmendmentStatus.Open);

        var client = app.NewClient();
        var page = await client.GetOkPageAsync($"/processes/{proposal.ProcessId}/proposals/{proposal.Id}");
        var older = page.QuerySelector(".amendments a[rel=next]");
        Assert.NotNull(older);
        var next = await client.GetOkPageAsync(older!.GetAttribute("href")!);
        Assert.NotEmpty(next.QuerySelectorAll(".amendments li"));
    }

    [Fact]
    public async Task A_project_of_the_district_budget_has_a_pending_amendment_with_a_readable_diff()
    {
        var project = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Budgeting.Proposal>().AsNoTracking()
            .SingleAsync(p => p.Title == BudgetProjectAmendmentDemo.ProjectTitle && p.BudgetId != null));
        var amendment = await app.WithDbAsync(db => db.Set<Amendment>().AsNoTracking()
            .SingleAsync(a => a.TargetKind == Cocreo.Web.Features.Debate.DebateKinds.Proposal && a.TargetId == project.Id));
        Assert.Equal(AmendmentStatus.Open, amendment.Status);
        Assert.NotEqual(project.AuthorUserId, amendment.AuthorUserId);
        // Written on the project's current text, so its author can accept it as it is.
        Assert.Equal((project.Title, project.Description), (amendment.BaseTitle, amendment.BaseBody));
        Assert.Contains(amendment.BodyDiff(), r => r.Kind == Cocreo.Web.Platform.Text.DiffKind.Added);
        Assert.Contains(await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().Where(e => e.ProcessId == project.ProcessId && e.Action == "amendment.proposed").Select(e => e.Data).ToListAsync()),
            d => d.Contains($"\"amendment\":{amendment.Id},", StringComparison.Ordinal));

        var client = app.NewClient();
        var page = await client.GetOkPageAsync($"/amendments/{amendment.Id}");
        Assert.Contains("solar", string.Concat(page.QuerySelectorAll(".text-diff ins").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Contains("dimmed after midnight", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var projectPage = await client.GetOkPageAsync($"/proposals/{project.Id}");
        Assert.NotNull(projectPage.QuerySelector($".amendments a[href='/amendments/{amendment.Id}']"));
    }

    [Fact]
    public async Task The_demo_proposals_at_the_central_library_link_to_its_place_on_OpenStreetMap()
    {
        var atLibrary = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Budgeting.Proposal>().AsNoTracking()
            .Where(p => p.BudgetId == null && p.Location == Cocreo.Web.Features.Proposals.ProposalsDemo.DemoLibrary).ToListAsync());
        Assert.NotEmpty(atLibrary);
        Assert.All(atLibrary, p => Assert.NotNull(p.Latitude));
        var page = await app.NewClient().GetOkPageAsync($"/processes/{atLibrary[0].ProcessId}/proposals/{atLibrary[0].Id}");
        Assert.Equal(Cocreo.Web.Features.Proposals.ProposalMap.Link(atLibrary[0]), page.QuerySelector("main .proposal-map a")?.GetAttribute("href"));
    }
}
