using System.Net;
using System.Text.Json;
using Cocreo.Web.Features.Amendments;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Amendments;

/// <summary>A process with a proposal by its participant, and the ways the tests amend it.</summary>
public static class AmendmentScenario
{
    public const string Kind = "process-proposal";

    /// <summary>A process with proposals on and one proposal written by the participant; its id.</summary>
    public static async Task<(ProcessCast Cast, int ProposalId)> ProposalAsync(CocreoApp app)
    {
        var cast = await ProposalScenario.ProcessWithProposalsAsync(app);
        var id = await ProposalScenario.PutForwardAsync(cast.ParticipantClient, cast.ProcessId, "Evening opening");
        return (cast, id);
    }

    /// <summary>Proposes an amendment through the API; the answer and the amendment's id (0 when none).</summary>
    public static async Task<(HttpResponseMessage Response, int Id)> ProposeAsync(FormClient client, int proposalId, int baseVersion, string title, string body, Guid? submissionId = null)
    {
        var response = await ProposalScenario.ApiAsync(client, HttpMethod.Post, $"/api/v1/amendable/{Kind}/{proposalId}/amendments",
            new { baseVersion, title, body, explanation = "Because.", submissionId = submissionId ?? Guid.NewGuid() });
        var id = 0;
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            id = json.RootElement.GetProperty("id").GetInt32();
        }
        return (response, id);
    }

    public static Task<HttpResponseMessage> PostAsync(FormClient client, int amendmentId, string action, object? json = null) =>
        ProposalScenario.ApiAsync(client, HttpMethod.Post, $"/api/v1/amendments/{amendmentId}/{action}", json);

    public static Task<Amendment> AmendmentAsync(CocreoApp app, int id) =>
        app.WithDbAsync(db => db.Set<Amendment>().AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>An open amendment straight into the database, written on the proposal's current text (version 1 when none is stored).</summary>
    public static Task<int> NewAmendmentAsync(CocreoApp app, int proposalId, string authorId, bool rejected = false) => app.WithDbAsync(async db =>
    {
        var proposal = await db.Set<Cocreo.Web.Features.Budgeting.Proposal>().SingleAsync(p => p.Id == proposalId);
        var version = await db.Set<TextVersion>().Where(v => v.TargetKind == Kind && v.TargetId == proposalId).MaxAsync(v => (int?)v.Number) ?? 1;
        var amendment = Amendment.Propose(Kind, proposalId, proposal.ProcessId, version, new AmendedText(proposal.Title, proposal.Description),
            proposal.Title, proposal.Description + " Also on Sundays " + Guid.NewGuid().ToString("N")[..6] + ".", "Why not.", authorId, DateTime.UtcNow);
        if (rejected)
        {
            amendment.Reject("Not now.", DateTime.UtcNow);
        }
        db.Add(amendment);
        await db.SaveChangesAsync();
        return amendment.Id;
    });
}
