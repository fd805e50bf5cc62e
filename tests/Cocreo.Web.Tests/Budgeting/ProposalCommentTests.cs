using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Budgeting;

/// <summary>Residents discuss proposals: comments are Markdown made safe, published once, and logged without naming the resident.</summary>
public sealed class ProposalCommentTests(BudgetingSqliteApp app) : IClassFixture<BudgetingSqliteApp>
{
    [Fact]
    public async Task A_comment_is_sanitised_published_once_per_submission_and_logged_without_its_authors_name()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A pocket park", 40_000m));

        var (action, fields) = await cast.ParticipantClient.ReadFormAsync($"/proposals/{proposalId}", handler: "Comment");
        fields["Comment"] = "**Yes**, please! <script>alert(1)</script><img src=x onerror=alert(2)> [more](javascript:alert(3))";
        // A double click: the same form sent twice.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == "proposal" && c.TargetId == proposalId)));

        var page = await cast.AnonymousClient.GetOkPageAsync($"/proposals/{proposalId}");
        var comment = page.QuerySelector(".comment")!;
        Assert.Equal("Yes", comment.QuerySelector(".prose strong")!.TextContent);
        Assert.Empty(comment.QuerySelectorAll("script, [onerror]"));
        Assert.DoesNotContain(comment.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), href => href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cast.Participant.DisplayName, comment.TextContent, StringComparison.Ordinal);

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var commented = log.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "proposal.commented").ToList();
        Assert.Single(commented);
        Assert.Equal(JsonValueKind.Null, commented[0].GetProperty("actorName").ValueKind);
        Assert.DoesNotContain(cast.Participant.DisplayName, log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_too_long_comment_is_refused_and_the_text_is_kept()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var proposalId = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A pocket park", 40_000m));

        var tooLong = new string('a', BudgetLimits.Comment + 1);
        var response = await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = tooLong }, handler: "Comment");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains($"A comment can have at most {BudgetLimits.Comment} characters.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector("textarea[name=Comment]")!.TextContent);
        var empty = await FormClient.ParseAsync(await cast.ParticipantClient.SubmitAsync($"/proposals/{proposalId}", new() { ["Comment"] = " " }, handler: "Comment"));
        Assert.Contains("Write your comment.", empty.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == "proposal" && c.TargetId == proposalId)));
    }
}
