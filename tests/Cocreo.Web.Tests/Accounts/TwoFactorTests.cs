using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Two-step sign-in with an authenticator app: optional for everyone, required for platform administrators, whose
/// rights do not work in a session signed in with a password alone (in production settings too).
/// </summary>
public sealed class TwoFactorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static Task<HttpResponseMessage> PasswordAsync(FormClient client, CocreoUser user) =>
        client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword });

    [Fact]
    public async Task A_person_turns_it_on_and_then_signing_in_asks_for_the_code()
    {
        var person = await app.CreateUserAsync("Careful Cvetka");
        var client = await app.SignedInClientAsync(person);
        var setup = await client.GetOkPageAsync("/account/two-factor");
        Assert.NotNull(setup.QuerySelector("svg[role=img]"));
        var wrong = await client.SubmitAsync("/account/two-factor", new() { ["Code"] = "000000" }, handler: "Enable");
        Assert.NotNull((await FormClient.ParseAsync(wrong)).QuerySelector("#Code-error"));
        var enabled = await client.SubmitAsync("/account/two-factor", new() { ["Code"] = await app.AuthenticatorCodeAsync(person) }, handler: "Enable");
        var recovery = (await FormClient.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recovery.Count);

        var next = app.NewClient();
        var first = await PasswordAsync(next, person);
        Assert.StartsWith("/account/second-step", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.Http.GetAsync("/account")).StatusCode);
        var badCode = await next.SubmitAsync(first.Headers.Location.OriginalString, new() { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.OK, badCode.StatusCode);
        var withRecovery = await next.SubmitAsync(first.Headers.Location.OriginalString, new() { ["Code"] = recovery[0] });
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.Http.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_with_two_step_sign_in_reaches_the_pages()
    {
        var admin = await app.CreateUserAsync("Admin Alja", platformAdmin: true);
        var client = await app.SignedInClientAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/processes")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_turn_it_off()
    {
        var admin = await app.CreateUserAsync("Admin Andrej", platformAdmin: true);
        var client = await app.SignedInClientAsync(admin);
        var page = await client.GetOkPageAsync("/account/two-factor");
        Assert.Null(page.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=Disable", StringComparison.Ordinal)));
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        await client.PostAsync("/account/two-factor?handler=Disable", new() { ["Code"] = await app.AuthenticatorCodeAsync(admin), ["__RequestVerificationToken"] = token });
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByIdAsync(admin.Id))!));
    }

    [Fact]
    public async Task In_production_an_administrator_without_it_is_sent_to_set_it_up_before_any_page_works()
    {
        await using var production = new ProductionApp();
        var admin = await production.CreateUserAsync("Admin Bare", platformAdmin: true, twoFactor: false);
        var client = production.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordAsync(client, admin)).StatusCode);

        var page = await client.Http.GetAsync("/processes");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor", page.Headers.Location!.OriginalString);
        var token = await Scenarios.AntiforgeryTokenAsync(client);
        var post = await client.PostAsync("/organisations/new", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // Setting it up opens the pages in this session.
        await client.GetOkPageAsync("/account/two-factor");
        var code = await production.AuthenticatorCodeAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/account/two-factor", new() { ["Code"] = code }, handler: "Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/processes")).StatusCode);
    }

    private sealed class ProductionApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:PublicUrl"] = "https://cocreo.example.org" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
        }
    }
}
