using System.Net.Http.Headers;
using System.Text;
using Cocreo.Web.Features.Conversations;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Conversations;

/// <summary>
/// Importing a Polis export (the page and the API), tried by every kind of person over HTTP: the process's team
/// imports, everyone else is refused (sign in, 401 or 403) and nothing is imported.
/// </summary>
public sealed class ConversationImportAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner", "other organisation's staff", "admin"];

    private const string Comments = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1000,x,1,1,1,0,1,Raise the wage\n2000,x,2,2,0,1,0,Keep the wage";

    private const string Votes = "timestamp,datetime,comment-id,voter-id,vote\n1000,x,1,1,1\n2000,x,2,2,-1";

    private static readonly Dictionary<string, (Endpoint Endpoint, bool Api, string[] Expected)> Rows = new()
    {
        ["conversation/import"] = (new("POST", "/processes/{processId:int}/conversations/import"), false, [SignIn, Forbidden, Changed, Changed, Forbidden, Changed]),
        ["api/import"] = (new("POST", "/api/v1/processes/{id:int}/conversations/import"), true, ["401", Forbidden, Changed, Changed, Forbidden, Changed]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_import(string name)
    {
        var (_, api, expected) = Rows[name];
        var people = await Scenarios.ProcessWithCastAsync(app);
        var clients = new[] { people.AnonymousClient, people.ParticipantClient, people.FacilitatorClient, people.OwnerClient, people.OtherStaffClient, people.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var before = await CountAsync(people.ProcessId);
            var token = await Scenarios.AntiforgeryTokenAsync(clients[i]);
            using var content = new MultipartFormDataContent();
            if (api)
            {
                content.Add(new StringContent($"Imported by {Roles[i]}?"), "question");
            }
            else
            {
                content.Add(new StringContent(token), "__RequestVerificationToken");
                content.Add(new StringContent($"Imported by {Roles[i]}?"), "Input.Question");
                content.Add(new StringContent("Link"), "Input.Access");
                content.Add(new StringContent("Post"), "Input.Moderation");
                content.Add(new StringContent("280"), "Input.StatementLimit");
            }
            foreach (var (file, text) in new[] { ("comments.csv", Comments), ("votes.csv", Votes) })
            {
                var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
                part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                content.Add(part, api ? "files" : "Files", file);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, api
                ? $"/api/v1/processes/{people.ProcessId}/conversations/import"
                : $"/processes/{people.ProcessId}/conversations/import") { Content = content };
            if (api)
            {
                request.Headers.Add("X-CSRF-TOKEN", token);
            }
            var response = await clients[i].Http.SendAsync(request);
            if (Check(expected[i], response, before != await CountAsync(people.ProcessId)) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private Task<int> CountAsync(int processId) => app.WithDbAsync(db => db.Set<Conversation>().CountAsync(c => c.ProcessId == processId));
}
