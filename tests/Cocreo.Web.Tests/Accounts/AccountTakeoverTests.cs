using System.Diagnostics;
using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// An attacker who knows a victim's e-mail address: pre-registering it, telling which addresses have accounts from
/// the answers or their timing.
/// </summary>
public sealed class AccountTakeoverTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string AttackerPassword = "the attacker's own password";
    private const string VictimPassword = "the victim's chosen password";

    private static Dictionary<string, string> Registration(string name, string email, string password) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        // Registration no longer asks for a password; an attacker posts one anyway.
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>Opens the newest confirmation link sent to the address and, where the page asks for one, chooses the password.</summary>
    private async Task ConfirmAsync(FormClient client, string email, string password)
    {
        var link = Mailbox.LinkTo(await Mailbox.LatestAsync(app, email, "confirm-email"), "/account/confirm-email");
        var page = await client.GetOkPageAsync(link);
        if (page.QuerySelector("input[name='Input.Password']") is not null)
        {
            var confirmed = await client.SubmitAsync(link, new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
            Assert.Contains("is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<bool> SignsInAsync(string email, string password) =>
        (await app.NewClient().SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password })).StatusCode == HttpStatusCode.Redirect;

    [Fact]
    public async Task A_pre_registered_address_does_not_keep_the_attackers_password()
    {
        var email = $"victim.{Guid.NewGuid():N}@example.org";
        await app.NewClient().SubmitAsync("/account/register", Registration("Attacker", email, AttackerPassword));

        var victim = app.NewClient();
        await victim.SubmitAsync("/account/register", Registration("Victim Vida", email, VictimPassword));
        await ConfirmAsync(victim, email, VictimPassword);

        Assert.False(await SignsInAsync(email, AttackerPassword), "the attacker's password still works");
        Assert.True(await SignsInAsync(email, VictimPassword), "the victim's password does not work");
    }

    [Fact]
    public async Task The_confirmation_link_sets_the_password_and_an_attackers_old_link_cannot()
    {
        var email = $"person.{Guid.NewGuid():N}@example.org";
        var client = app.NewClient();
        var registered = await client.SubmitAsync("/account/register", new() { ["Input.DisplayName"] = "Nova", ["Input.Email"] = email });
        Assert.Contains("Check your email", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SignsInAsync(email, CocreoApp.TestPassword));

        await ConfirmAsync(client, email, VictimPassword);
        Assert.True(await SignsInAsync(email, VictimPassword));

        // The link is spent: a second visit cannot choose another password.
        var link = Mailbox.LinkTo(await Mailbox.LatestAsync(app, email, "confirm-email"), "/account/confirm-email");
        var again = await app.NewClient().GetOkPageAsync(link);
        Assert.Null(again.QuerySelector("input[name='Input.Password']"));
    }

    [Fact]
    public async Task Registering_answers_the_same_for_new_unconfirmed_and_confirmed_addresses_and_tells_the_owner()
    {
        var owner = await app.CreateUserAsync("Owner Olga");
        var unconfirmed = $"pending.{Guid.NewGuid():N}@example.org";
        await app.NewClient().SubmitAsync("/account/register", Registration("Pending", unconfirmed, AttackerPassword));

        var answers = new List<string>();
        foreach (var email in new[] { $"fresh.{Guid.NewGuid():N}@example.org", unconfirmed, owner.Email! })
        {
            var response = await app.NewClient().SubmitAsync("/account/register", Registration("Someone", email, AttackerPassword));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await MainTextAsync(response));
        }
        Assert.Single(answers.Distinct());
        Assert.Contains("someone tried to register", (await Mailbox.LatestAsync(app, owner.Email!, "/account/forgot-password")).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_unknown_addresses_and_wrong_passwords()
    {
        var known = await app.CreateUserAsync("Known Klara");
        var unknown = await app.NewClient().SubmitAsync("/account/sign-in", new() { ["Input.Email"] = $"nobody.{Guid.NewGuid():N}@example.org", ["Input.Password"] = "wrong password 1" });
        var wrong = await app.NewClient().SubmitAsync("/account/sign-in", new() { ["Input.Email"] = known.Email!, ["Input.Password"] = "wrong password 1" });
        Assert.Equal(await MainTextAsync(unknown), await MainTextAsync(wrong));
    }

    [Fact]
    public async Task Sign_in_takes_as_long_for_an_unknown_address_as_for_a_known_one()
    {
        var known = await app.CreateUserAsync("Timed Tina");
        var client = app.NewClient();
        await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = "warm.up@example.org", ["Input.Password"] = "warm up password" });
        var (_, form) = await client.ReadFormAsync("/account/sign-in");
        var (knownTimes, unknownTimes) = (new List<double>(), new List<double>());
        // Interleaved, so a busy machine slows both alike; each try from another address, so none is throttled.
        for (var i = 0; i < 8; i++)
        {
            foreach (var (email, times) in new[] { (known.Email!, knownTimes), ($"nobody{i}.{Guid.NewGuid():N}@example.org", unknownTimes) })
            {
                client.Http.DefaultRequestHeaders.Remove(CocreoApp.ClientAddressHeader);
                client.Http.DefaultRequestHeaders.Add(CocreoApp.ClientAddressHeader, $"192.0.2.{100 + i}");
                var fields = new Dictionary<string, string>(form) { ["Input.Email"] = email, ["Input.Password"] = $"wrong password {i}" };
                var watch = Stopwatch.StartNew();
                await client.PostAsync("/account/sign-in", fields);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        Assert.True(Median(unknownTimes) > Median(knownTimes) / 2, $"unknown {Median(unknownTimes):F1} ms, known {Median(knownTimes):F1} ms");
    }

    /// <summary>What the page says (the text of its main part; typed values and tokens are not text).</summary>
    private static async Task<string> MainTextAsync(HttpResponseMessage response) =>
        (await FormClient.ParseAsync(response)).QuerySelector("main")!.TextContent;
}
