using System.Net;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>Sets up conversations through the pages people use, and reads what they stored.</summary>
internal static class ConversationSteps
{
    public static readonly string[] Seeds =
    [
        "The old town should be car-free on weekends.",
        "Shops need parking close by to survive.",
        "The main square needs more shade trees.",
    ];

    public static async Task<int> StartAsync(FormClient team, int processId, string access = "Link", string moderation = "Post", bool participantsMayAdd = true, IEnumerable<string>? seeds = null)
    {
        var response = await team.SubmitAsync($"/processes/{processId}/conversations", new()
        {
            ["Input.Question"] = "What should the old town's streets be like?",
            ["Input.Context"] = "The city drafts its plan next year.",
            ["Input.Access"] = access,
            ["Input.ParticipantsMayAdd"] = participantsMayAdd ? "true" : "false",
            ["Input.Moderation"] = moderation,
            ["Input.StatementLimit"] = "280",
            ["Input.Seeds"] = string.Join("\n", seeds ?? Seeds),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/conversations/");
    }

    public static Task<List<ConversationStatement>> StatementsAsync(CocreoApp app, int conversationId) =>
        app.WithDbAsync(db => db.Set<ConversationStatement>().AsNoTracking().Where(s => s.ConversationId == conversationId).OrderBy(s => s.Id).ToListAsync());

    public static Task<List<ConversationVote>> VotesAsync(CocreoApp app, int conversationId) =>
        app.WithDbAsync(db => db.Set<ConversationVote>().AsNoTracking().Where(v => v.ConversationId == conversationId).OrderBy(v => v.Id).ToListAsync());

    /// <summary>Votes on the statement the page shows, with the page's own form; returns the statement and the answer.</summary>
    public static async Task<(int StatementId, HttpResponseMessage Response)> VoteShownAsync(FormClient client, int conversationId, string choice = "Agree")
    {
        var (action, fields) = await client.ReadFormAsync($"/conversations/{conversationId}", handler: "Vote");
        fields["choice"] = choice;
        var statement = int.Parse(fields["statementId"], System.Globalization.CultureInfo.InvariantCulture);
        return (statement, await client.PostAsync(action, fields));
    }

    public static async Task<HttpResponseMessage> AddAsync(FormClient client, int conversationId, string text)
    {
        var (action, fields) = await client.ReadFormAsync($"/conversations/{conversationId}", handler: "Add");
        fields["Text"] = text;
        return await client.PostAsync(action, fields);
    }

    public static async Task<List<string>> LogActionsAsync(CocreoApp app, int processId) =>
        await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
}
