using System.Net;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>The account page: changing the password (with the current one) and the e-mail address (through the new address, telling the old one).</summary>
public sealed class AccountPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<bool> SignsInAsync(string email, string password) =>
        (await app.NewClient().SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password })).StatusCode == HttpStatusCode.Redirect;

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var person = await app.CreateUserAsync("Pavla");
        var client = await app.SignedInClientAsync(person);
        var wrong = await client.SubmitAsync("/account", new() { ["Password.Current"] = "not my password", ["Password.New"] = "my new long password", ["Password.ConfirmNew"] = "my new long password" }, handler: "ChangePassword");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await FormClient.ParseAsync(wrong)).QuerySelector("#Password_Current-error"));
        Assert.True(await SignsInAsync(person.Email!, CocreoApp.TestPassword));

        var changed = await client.SubmitAsync("/account", new() { ["Password.Current"] = CocreoApp.TestPassword, ["Password.New"] = "my new long password", ["Password.ConfirmNew"] = "my new long password" }, handler: "ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await SignsInAsync(person.Email!, "my new long password"));
        Assert.False(await SignsInAsync(person.Email!, CocreoApp.TestPassword));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_email_address_goes_through_the_new_address_and_tells_the_old_one()
    {
        var person = await app.CreateUserAsync("Ema");
        var client = await app.SignedInClientAsync(person);
        var newAddress = $"ema.new.{Guid.NewGuid():N}@example.org";
        var wrong = await client.SubmitAsync("/account", new() { ["NewEmail.Email"] = newAddress, ["NewEmail.CurrentPassword"] = "not my password" }, handler: "ChangeEmail");
        Assert.NotNull((await FormClient.ParseAsync(wrong)).QuerySelector("#NewEmail_CurrentPassword-error"));
        Assert.Null(await Mailbox.FindAsync(app, newAddress));

        var asked = await client.SubmitAsync("/account", new() { ["NewEmail.Email"] = newAddress, ["NewEmail.CurrentPassword"] = CocreoApp.TestPassword }, handler: "ChangeEmail");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains(newAddress, await Mailbox.LatestAsync(app, person.Email!, newAddress), StringComparison.Ordinal);
        // Nothing changes until the new address's link is opened.
        Assert.True(await SignsInAsync(person.Email!, CocreoApp.TestPassword));

        var link = Mailbox.LinkTo(await Mailbox.LatestAsync(app, newAddress, "confirm-new-email"), "/account/confirm-new-email");
        var confirmed = await client.SubmitAsync(link, []);
        Assert.Contains(newAddress, (await FormClient.ParseAsync(confirmed)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(newAddress, CocreoApp.TestPassword));
        Assert.False(await SignsInAsync(person.Email!, CocreoApp.TestPassword));
        Assert.Contains(newAddress, (await client.GetOkPageAsync("/account")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_another_account_has_gets_no_link()
    {
        var person = await app.CreateUserAsync("Zala");
        var other = await app.CreateUserAsync("Other Oto");
        var client = await app.SignedInClientAsync(person);
        var asked = await client.SubmitAsync("/account", new() { ["NewEmail.Email"] = other.Email!, ["NewEmail.CurrentPassword"] = CocreoApp.TestPassword }, handler: "ChangeEmail");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await Mailbox.LatestAsync(app, person.Email!, other.Email!);
        Assert.Null(await Mailbox.FindAsync(app, other.Email!, "confirm-new-email"));
    }
}
