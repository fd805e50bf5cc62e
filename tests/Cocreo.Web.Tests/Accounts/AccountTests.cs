using System.Net;
using System.Text.RegularExpressions;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Accounts;

public sealed partial class AccountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static async Task<string> MailToAsync(CocreoApp app, string address)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(app.MailFolder))
            {
                foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml").OrderByDescending(File.GetCreationTimeUtc))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == address))
                    {
                        return message.TextBody ?? "";
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No mail to {address}");
    }

    [Fact]
    public async Task Register_choose_the_password_through_the_emailed_link_then_sign_in()
    {
        var client = app.NewClient();
        var email = $"new.{Guid.NewGuid():N}@example.org";
        var registered = await client.SubmitAsync("/account/register", new() { ["Input.DisplayName"] = "Nova Oseba", ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your email", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = Mailbox.LinkTo(await MailToAsync(app, email), "/account/confirm-email");
        var confirm = await client.SubmitAsync(link, new() { ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password" });
        Assert.Contains("is confirmed", (await FormClient.ParseAsync(confirm)).Body!.TextContent, StringComparison.Ordinal);

        var signedIn = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var account = await client.GetOkPageAsync("/account");
        Assert.Contains(email, account.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_and_mismatched_confirmation_are_explained_per_field()
    {
        var email = $"short.{Guid.NewGuid():N}@example.org";
        var client = app.NewClient();
        await client.SubmitAsync("/account/register", new() { ["Input.DisplayName"] = "Short", ["Input.Email"] = email });
        var link = Mailbox.LinkTo(await MailToAsync(app, email), "/account/confirm-email");
        var response = await client.SubmitAsync(link, new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "different" });
        var page = await FormClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#Input_ConfirmPassword-error"));
        Assert.Equal("", page.GetElementById("Input_Password")!.GetAttribute("value") ?? "");
        var tooShort = await client.SubmitAsync(link, new() { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short" });
        Assert.NotNull((await FormClient.ParseAsync(tooShort)).QuerySelector("#Input_Password-error"));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_does_not_reveal_it()
    {
        var existing = await app.CreateUserAsync("Existing");
        var response = await app.NewClient().SubmitAsync("/account/register", new()
        {
            ["Input.DisplayName"] = "Impostor",
            ["Input.Email"] = existing.Email!,
        });
        Assert.Contains("Check your email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_wrong_passwords_this_device_waits_and_a_reset_lets_the_owner_in()
    {
        var user = await app.CreateUserAsync("Forgetful");
        var client = app.NewClientFrom("192.0.2.15");
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong guess " + i });
        }
        var waiting = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Contains("Too many wrong passwords from this device", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.SubmitAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        var link = Link().Match(await MailToAsync(app, user.Email!)).Value;
        var reset = await client.SubmitAsync(new Uri(link).PathAndQuery, new()
        {
            ["Input.Password"] = "a brand new password",
            ["Input.ConfirmPassword"] = "a brand new password",
        });
        Assert.Contains("password was changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signedIn = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_setup_token_makes_the_first_administrator_once()
    {
        var user = await app.CreateUserAsync("First Admin");
        var client = await app.SignedInClientAsync(user);
        var setup = app.Services.GetRequiredService<SetupToken>();
        using (var scope = app.Services.CreateScope())
        {
            await setup.IssueIfNoAdministratorAsync(scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>(), "http://localhost");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/setup?token=guess")).StatusCode);
        var token = typeof(SetupToken).GetField("token", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(setup) as string;
        Assert.NotNull(token);

        var response = await client.SubmitAsync($"/setup?token={token}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
            Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, CocreoUser.PlatformAdminRole));
        }
        Assert.False(setup.IsValid(token));
        // The new administrator sets up two-step sign-in before anything else.
        Assert.Equal("/account/two-factor", (await client.Http.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_invited_colleague_joins_the_organisation_staff()
    {
        var admin = await app.CreateUserAsync("Org Admin");
        var colleague = await app.CreateUserAsync("Colleague");
        var adminClient = await app.SignedInClientAsync(admin);
        var organisationId = await Scenarios.CreateOrganisationAsync(adminClient);
        var invited = await adminClient.SubmitAsync($"/organisations/{organisationId}", new() { ["Invite.Email"] = colleague.Email!, ["Invite.Role"] = "Staff" }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var link = Link().Match(await MailToAsync(app, colleague.Email!)).Value;
        var colleagueClient = await app.SignedInClientAsync(colleague);
        var accepted = await colleagueClient.SubmitAsync(new Uri(link).PathAndQuery, []);
        Assert.Equal($"/organisations/{organisationId}", accepted.Headers.Location!.OriginalString);
        var page = await colleagueClient.GetOkPageAsync($"/organisations/{organisationId}");
        Assert.NotNull(page.QuerySelector($"a[href='/organisations/{organisationId}/processes/new']"));

        var reused = await colleagueClient.GetOkPageAsync(new Uri(link).PathAndQuery.Replace("/invitations/", "/invitations/x", StringComparison.Ordinal));
        Assert.Contains("expired", reused.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        var user = await app.CreateUserAsync("Leaving");
        var client = await app.SignedInClientAsync(user);
        var page = await client.GetOkPageAsync("/processes");
        var form = page.Forms.Single(f => f.GetAttribute("action") == "/account/sign-out");
        var token = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(i => i.Name == "__RequestVerificationToken").Value;
        var response = await client.PostAsync("/account/sign-out", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/account")).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
