using System.Net;
using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// A person downloads all their data and deletes their account: contributions stay, shown as by a former
/// participant; the person (name, address, password, roles) goes; a last owner hands over first; twice, or twice at
/// once, it happens once and loses nothing.
/// </summary>
public abstract class PrivacyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    private const string CommentText = "Please put benches along the path, too.";

    [Fact]
    public async Task The_download_holds_the_account_roles_and_everything_contributed()
    {
        app.RequireAvailable();
        var (cast, proposalId, _) = await ContributedAsync();

        var response = await cast.ParticipantClient.Http.GetAsync("/account/my-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(cast.Participant.Email, data.GetProperty("accounts").GetProperty("email").GetString());
        Assert.Equal(cast.Participant.DisplayName, data.GetProperty("accounts").GetProperty("name").GetString());
        Assert.Contains(data.GetProperty("processes").GetProperty("roles").EnumerateArray(), r => r.GetProperty("process").GetInt32() == cast.ProcessId && r.GetProperty("role").GetString() == "Participant");
        var budgeting = data.GetProperty("budgeting");
        Assert.Contains(budgeting.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("title").GetString() == "Benches by the river");
        Assert.Contains(data.GetProperty("debate").GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == CommentText);
        Assert.Contains(budgeting.GetProperty("supported").EnumerateArray(), s => s.GetInt32() == proposalId);
        // Every capability that holds account ids has its part.
        foreach (var part in new[] { "organisations", "moderation", "debate", "journeyMapping", "assessments", "serviceSelection", "processQuality" })
        {
            Assert.True(data.TryGetProperty(part, out _), $"no part '{part}'");
        }
        Assert.DoesNotContain(cast.Owner.Email!, data.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().Http.GetAsync("/account/my-data")).StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_keeps_what_was_contributed_as_by_a_former_participant()
    {
        app.RequireAvailable();
        var (cast, proposalId, ownProposalId) = await ContributedAsync();
        var logBefore = await LogAsync(cast.ProcessId);

        var wrong = await cast.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = "not my password" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.False(await DeletedAsync(cast.Participant));

        var response = await cast.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = CocreoApp.TestPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == cast.Participant.Id));
        Assert.NotNull(user.DeletedAt);
        Assert.Equal("", user.DisplayName);
        Assert.Null(user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Process>().SelectMany(p => p.Members).CountAsync(m => m.UserId == cast.Participant.Id)));
        // What they contributed stays: the proposal, the support, the comment (without their name).
        Assert.True(await app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.Id == ownProposalId)));
        Assert.True(await app.WithDbAsync(db => db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposalId && s.UserId == cast.Participant.Id)));
        var page = await app.NewClient().GetOkPageAsync($"/proposals/{ownProposalId}");
        var comment = page.QuerySelector(".comment")!;
        Assert.Contains(CommentText, comment.TextContent, StringComparison.Ordinal);
        Assert.Contains("Former participant", comment.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cast.Participant.DisplayName, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        // The log is not rewritten, and never named the participant.
        Assert.Equal(logBefore, await LogAsync(cast.ProcessId));
        Assert.DoesNotContain(cast.Participant.DisplayName, logBefore, StringComparison.Ordinal);
        // Signed out; the address and password sign in no more.
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.Http.GetAsync("/account")).StatusCode);
        var signIn = await app.NewClient().SubmitAsync("/account/sign-in", new() { ["Input.Email"] = cast.Participant.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_last_owner_and_administrator_hands_over_first()
    {
        app.RequireAvailable();
        var cast = await Scenarios.ProcessWithCastAsync(app);

        var page = await cast.OwnerClient.GetOkPageAsync("/account/delete");
        Assert.Contains("You are the only owner of", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You are the only administrator of", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=Password]"));

        // A form sent anyway (or kept open while a co-owner left) is refused with the reason, and nothing changes.
        var (_, fields) = await cast.ParticipantClient.ReadFormAsync("/account/delete");
        fields["Password"] = CocreoApp.TestPassword;
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.OwnerClient);
        var response = await cast.OwnerClient.PostAsync("/account/delete", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("hand over what only you hold", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await DeletedAsync(cast.Owner));
        Assert.True(await app.WithDbAsync(db => db.Set<Process>().SelectMany(p => p.Members).AnyAsync(m => m.UserId == cast.Owner.Id && m.Role == ProcessRole.Owner)));
    }

    [Fact]
    public async Task Deleting_twice_at_once_deletes_once_and_loses_nothing()
    {
        app.RequireAvailable();
        var (cast, _, ownProposalId) = await ContributedAsync();
        var (action, first) = await cast.ParticipantClient.ReadFormAsync("/account/delete");
        var (_, second) = await cast.ParticipantClient.ReadFormAsync("/account/delete");
        first["Password"] = second["Password"] = CocreoApp.TestPassword;

        // A double click (the same form twice) and a second tab (another form), all at once.
        var responses = await Task.WhenAll(
            cast.ParticipantClient.PostAsync(action, first),
            cast.ParticipantClient.PostAsync(action, new(first)),
            cast.ParticipantClient.PostAsync(action, second));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.True(await DeletedAsync(cast.Participant));
        Assert.True(await app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.Id == ownProposalId)));
        var comments = await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().AsNoTracking().Where(c => c.AuthorUserId == cast.Participant.Id).ToListAsync());
        var comment = Assert.Single(comments);
        Assert.Equal(CommentText, comment.Body);
        Assert.True(comment.AuthorLeft);
    }

    [Fact]
    public async Task A_session_left_open_elsewhere_changes_nothing_after_the_account_is_deleted()
    {
        app.RequireAvailable();
        var (cast, _, ownProposalId) = await ContributedAsync();
        var elsewhere = await app.SignedInClientAsync(cast.Participant);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync("/account/delete", new() { ["Password"] = CocreoApp.TestPassword })).StatusCode);

        var comment = await elsewhere.SubmitAsync($"/proposals/{ownProposalId}", new() { ["Comment"] = "Still here?" }, handler: "Comment");

        Assert.NotEqual(HttpStatusCode.Redirect, comment.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.AuthorUserId == cast.Participant.Id)));
    }

    /// <summary>A process with a budget; the participant proposed, commented on their proposal and supported another.</summary>
    private async Task<(ProcessCast Cast, int Supported, int Own)> ContributedAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var other = await ProposeAsync(cast.OtherStaffClient, budgetId, new Idea("A pocket park", 40_000m));
        var own = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("Benches by the river", 10_000m));
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{own}", new() { ["Comment"] = CommentText }, handler: "Comment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.ParticipantClient.SubmitAsync($"/proposals/{other}", [], handler: "Support")).StatusCode);
        return (cast, other, own);
    }

    private Task<bool> DeletedAsync(CocreoUser user) => app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id && u.DeletedAt != null));

    private Task<string> LogAsync(int processId) => app.WithDbAsync(async db =>
        string.Join("\n", await db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().AsNoTracking().Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Hash + " " + e.ActorName + " " + e.Data).ToListAsync()));
}

public sealed class PrivacyOnSqlite(BudgetingSqliteApp app) : PrivacyTests<BudgetingSqliteApp>(app);

public sealed class PrivacyOnPostgres(BudgetingPostgresApp app) : PrivacyTests<BudgetingPostgresApp>(app);
