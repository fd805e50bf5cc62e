using System.Net;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// "Make this a proposal" on the manage page's statement list, where the team looks at statements: offered for
/// accepted statements only, to the team only, through the same page and use case as on the map; once made, the list
/// shows the proposal it became.
/// </summary>
public abstract class ConversationManageProposalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
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
    public async Task The_team_makes_an_accepted_statement_a_proposal_from_the_statement_list()
    {
        var cast = await ConversationCast.CreateAsync(App);
        var accepted = await cast.StatementAsync("Plant trees along the river for shade.");
        var held = await cast.StatementAsync("A held statement about the bus station.", held: true);
        var budget = await cast.BudgetAsync();

        var manage = await cast.People.OwnerClient.GetOkPageAsync(cast.Path("manage"));
        var links = manage.QuerySelectorAll(".statement-proposal a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/conversations/{cast.ConversationId}/statements/{accepted}/proposal", links);
        Assert.DoesNotContain($"/conversations/{cast.ConversationId}/statements/{held}/proposal", links);

        // Somebody who is not in the team does not get the page, and the link goes to the page of the same use case.
        var (refused, _) = await cast.People.ParticipantClient.GetPageAsync(cast.Path("manage"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var made = await cast.People.FacilitatorClient.SubmitAsync($"/conversations/{cast.ConversationId}/statements/{accepted}/proposal", new()
        {
            ["Input.Destination"] = $"budget:{budget}",
            ["Input.Title"] = "Trees along the river",
            ["Input.Category"] = "Green spaces",
            ["Input.EstimatedCost"] = "1000",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<StatementProposal>().CountAsync(l => l.StatementId == accepted)));

        var after = await cast.People.OwnerClient.GetOkPageAsync(cast.Path("manage"));
        var became = after.QuerySelectorAll(".statement-proposal a").Single(a => a.TextContent == "Trees along the river");
        Assert.StartsWith("/proposals/", became.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(after.QuerySelectorAll(".statement-proposal a"), a => a.GetAttribute("href") == $"/conversations/{cast.ConversationId}/statements/{accepted}/proposal");
    }
}

public sealed class ConversationManageProposalOnSqlite(ConversationManageProposalOnSqlite.TestApp app) : ConversationManageProposalTests<ConversationManageProposalOnSqlite.TestApp>(app)
{
    public sealed class TestApp : SqliteApp;
}

public sealed class ConversationManageProposalOnPostgres(ConversationManageProposalOnPostgres.TestApp app) : ConversationManageProposalTests<ConversationManageProposalOnPostgres.TestApp>(app)
{
    public sealed class TestApp : PostgresApp;
}
