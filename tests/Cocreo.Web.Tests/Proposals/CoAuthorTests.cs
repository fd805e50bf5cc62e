using System.Net;
using System.Text.RegularExpressions;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.Proposals.ProposalScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// Co-authors: the author invites by e-mail (the link built from the configured public address), the invitee signs in
/// and accepts, and then edits the proposal; the invitee's address is personal data, exported and forgotten.
/// </summary>
public abstract partial class CoAuthorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task An_invited_co_author_accepts_by_the_link_in_the_email_and_may_then_edit()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "A reading garden");
        var url = $"/processes/{cast.ProcessId}/proposals/{id}";
        var friend = await App.CreateUserAsync("Friend Franja");
        var friendClient = await App.SignedInClientAsync(friend);

        // Before accepting, the friend may not edit.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(friendClient, url + "?handler=Edit", new() { ["editedTitle"] = "Mine now", ["editedBody"] = "x" })).StatusCode);
        // Only the author invites; a bad address is a form error.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.FacilitatorClient, url + "?handler=Invite", new() { ["email"] = friend.Email! })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.ParticipantClient, url + "?handler=Invite", new() { ["email"] = "not an address" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, url + "?handler=Invite", new() { ["email"] = friend.Email!.ToUpperInvariant() })).StatusCode);
        // Inviting the same address again sends nothing more.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(cast.ParticipantClient, url + "?handler=Invite", new() { ["email"] = friend.Email! })).StatusCode);
        var mails = await App.WithDbAsync(db => db.Set<OutgoingEmail>().Where(m => m.To == friend.Email!.ToLowerInvariant()).ToListAsync());
        var mail = Assert.Single(mails);
        var link = LinkPattern().Match(mail.Body);
        Assert.True(link.Success, mail.Body);
        var publicUrl = App.Services.GetRequiredService<Cocreo.Web.Platform.Hosting.PublicLinks>().To("/");
        Assert.StartsWith(publicUrl, link.Value, StringComparison.Ordinal);
        var path = new Uri(link.Value).AbsolutePath;

        var page = await friendClient.GetOkPageAsync(path);
        Assert.Contains("A reading garden", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(friendClient, path)).StatusCode);
        // Accepting again changes nothing; someone else cannot take the used invitation.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(friendClient, path)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(cast.OtherStaffClient, path)).StatusCode);
        Assert.Single(await LogAsync(App, cast.ProcessId, "proposal.coauthor-joined"));

        var edited = await ApiAsync(friendClient, HttpMethod.Put, $"/api/v1/process-proposals/{id}", new { title = "A reading garden with shade", body = "Trees and benches." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("A reading garden with shade", (await ProposalAsync(App, id)).Title);
        var shown = await cast.AnonymousClient.GetOkPageAsync(url);
        Assert.Contains("Friend Franja", shown.QuerySelector("#co-authors")!.TextContent, StringComparison.Ordinal);
        // The text it replaced is kept for the moderators.
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Moderation.ReplacedText>().CountAsync(r => r.Kind == ProcessProposalContents.Kind && r.ItemId == id)));
    }

    [Fact]
    public async Task An_open_invitation_is_personal_data_exported_and_gone_with_the_account()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Quiet hours");
        var invitee = await App.CreateUserAsync("Invitee Iva");
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(cast.ParticipantClient, HttpMethod.Post, $"/api/v1/process-proposals/{id}/co-authors", new { email = invitee.Email })).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var parts = scope.ServiceProvider.GetServices<IPersonalData>().OfType<ProposalsPersonalData>().Single();
        var export = System.Text.Json.JsonSerializer.Serialize(await parts.ExportAsync(cast.Participant.Id, CancellationToken.None));
        Assert.Contains(invitee.Email!.ToLowerInvariant(), export, StringComparison.Ordinal);
        var waiting = System.Text.Json.JsonSerializer.Serialize(await parts.ExportAsync(invitee.Id, CancellationToken.None));
        Assert.Contains($"\"proposal\":{id}", waiting, StringComparison.Ordinal);

        await parts.ForgetAsync(invitee.Id, DateTime.UtcNow, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Cocreo.Web.Data.CocreoDbContext>().SaveChangesAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ProposalCoAuthor>().CountAsync(c => c.ProposalId == id)));
    }

    [Fact]
    public async Task A_reported_proposal_is_hidden_by_the_team_with_its_reason_in_place_and_can_no_longer_be_edited()
    {
        var cast = await ProcessWithProposalsAsync(App);
        var id = await PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Buy my bikes");
        var url = $"/processes/{cast.ProcessId}/proposals/{id}";
        var (action, fields) = await cast.OtherStaffClient.ReadFormAsync(url, handler: "ReportProposal");
        fields["reportReason"] = "Spam";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.PostAsync(action, fields)).StatusCode);
        var (hideAction, hideFields) = await cast.FacilitatorClient.ReadFormAsync(url, handler: "Hide");
        Assert.Equal(ProcessProposalContents.Kind, hideFields["kind"]);
        hideFields["reason"] = "It advertises a shop.";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.FacilitatorClient.PostAsync(hideAction, hideFields)).StatusCode);

        var page = await cast.AnonymousClient.GetOkPageAsync(url);
        Assert.Contains("Buy my bikes", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hidden by the moderators: It advertises a shop.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Please do", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(cast.ParticipantClient, url + "?handler=Edit", new() { ["editedTitle"] = "Changed", ["editedBody"] = "Changed." })).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/proposal-invitations/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

public sealed class CoAuthorsOnSqlite(BudgetingSqliteApp app) : CoAuthorTests<BudgetingSqliteApp>(app);

public sealed class CoAuthorsOnPostgres(BudgetingPostgresApp app) : CoAuthorTests<BudgetingPostgresApp>(app);
