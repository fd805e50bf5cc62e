using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Deleting an account, tried by an anonymous visitor, a person, and the only owner of a process (also the only
/// administrator of its organisation): the answer, and whether the account was deleted.
/// </summary>
public sealed class PrivacyEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "person", "last owner"];

    public static IEnumerable<Endpoint> Covered => [new("POST", "/account/delete")];

    [Fact]
    public async Task Who_may_delete_an_account()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var person = await app.CreateUserAsync("Person Petra");
        var attempts = new (FormClient Client, CocreoUser? Whose)[] { (app.NewClient(), null), (await app.SignedInClientAsync(person), person), (cast.OwnerClient, cast.Owner) };
        string[] expected = [SignIn, Changed, Invalid];
        var failures = new List<string>();
        for (var i = 0; i < attempts.Length; i++)
        {
            var (client, whose) = attempts[i];
            var fields = new Dictionary<string, string>
            {
                ["Password"] = CocreoApp.TestPassword,
                ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client),
            };
            var response = await client.PostAsync("/account/delete", fields);
            var deleted = await app.WithDbAsync(db => db.Users.CountAsync(u => u.DeletedAt != null && (u.Id == person.Id || u.Id == cast.Owner.Id)));
            var changed = whose is not null && await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == whose.Id && u.DeletedAt != null));
            if (Check(expected[i], response, changed || (whose is null && deleted > 0)) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
