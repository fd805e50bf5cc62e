using Cocreo.Web.Platform.Email;
using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Every state-changing endpoint of accounts, tried by an anonymous visitor, a signed-in person and a platform
/// administrator: the answer and the effect (an account, a password, a cookie, an e-mail), or that nothing changed.
/// </summary>
public sealed class AccountEndpointAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "person", "admin"];

    /// <summary>The people of one row: a confirmed person and an administrator, with their clients.</summary>
    private sealed record Cast(CocreoUser Person, CocreoUser Admin, FormClient[] Clients);

    /// <summary>A row: its endpoint, one attempt (returning what it expected to see change, before and after), and the expected outcomes.</summary>
    private sealed record Row(Endpoint Endpoint, Func<SqliteApp, Cast, int, Task<(HttpResponseMessage Response, bool Changed)>> Attempt, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["profile"] = new(new("POST", "/account"), async (app, cast, i) =>
        {
            var before = await NamesAsync(app);
            var response = await PostAsync(cast.Clients[i], "/account", new() { ["Input.DisplayName"] = $"Renamed {i}", ["Input.PreferredLanguage"] = "sl" });
            return (response, before != await NamesAsync(app));
        }, [SignIn, Changed, Changed]),
        ["change-password"] = new(new("POST", "/account", "ChangePassword"), async (app, cast, i) =>
        {
            var user = i == 2 ? cast.Admin : cast.Person;
            var before = await PasswordHashAsync(app, user);
            var response = await PostAsync(cast.Clients[i], "/account?handler=ChangePassword", new()
            {
                ["Password.Current"] = CocreoApp.TestPassword, ["Password.New"] = CocreoApp.TestPassword + " too", ["Password.ConfirmNew"] = CocreoApp.TestPassword + " too",
            });
            return (response, before != await PasswordHashAsync(app, user));
        }, [SignIn, Changed, Changed]),
        ["change-email"] = new(new("POST", "/account", "ChangeEmail"), async (app, cast, i) =>
        {
            var address = $"moved{Guid.NewGuid():N}@example.org";
            var response = await PostAsync(cast.Clients[i], "/account?handler=ChangeEmail", new() { ["NewEmail.Email"] = address, ["NewEmail.CurrentPassword"] = CocreoApp.TestPassword });
            await MailSentAsync(app);
            return (response, await Mailbox.FindAsync(app, address, "confirm-new-email") is not null);
        }, [SignIn, Changed, Changed]),
        // The link sent to the new address moves the account: whoever holds the link, signed in or not.
        ["confirm-new-email"] = new(new("POST", "/account/confirm-new-email"), async (app, cast, i) =>
        {
            var address = $"moved{Guid.NewGuid():N}@example.org";
            var code = await ChangeEmailCodeAsync(app, cast.Person, address);
            var response = await PostAsync(cast.Clients[i], "/account/confirm-new-email", new() { ["UserId"] = cast.Person.Id, ["Email"] = address, ["Code"] = code });
            return (response, await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == cast.Person.Id && u.Email == address)));
        }, [Changed, Changed, Changed]),
        // Turning on two-step sign-in with a code from the app; the administrator has it on already.
        ["two-factor-enable"] = new(new("POST", "/account/two-factor", "Enable"), async (app, cast, i) =>
        {
            var user = i == 2 ? cast.Admin : cast.Person;
            await cast.Clients[i].Http.GetAsync("/account/two-factor");
            var code = await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.UserId == user.Id)) ? await app.AuthenticatorCodeAsync(user) : "000000";
            var before = await TwoFactorAsync(app, user);
            var response = await PostAsync(cast.Clients[i], "/account/two-factor?handler=Enable", new() { ["Code"] = code });
            return (response, before != await TwoFactorAsync(app, user));
        }, [SignIn, Changed, Unchanged]),
        // Turning it off: a person may; an administrator must keep it.
        ["two-factor-disable"] = new(new("POST", "/account/two-factor", "Disable"), async (app, cast, i) =>
        {
            var user = i == 2 ? cast.Admin : cast.Person;
            await EnableTwoFactorAsync(app, user);
            var response = await PostAsync(cast.Clients[i], "/account/two-factor?handler=Disable", new() { ["Code"] = await app.AuthenticatorCodeAsync(user) });
            return (response, !await TwoFactorAsync(app, user));
        }, [SignIn, Changed, Unchanged]),
        // New recovery codes, for an account that has two-step sign-in (the person has none).
        ["two-factor-recovery-codes"] = new(new("POST", "/account/two-factor", "RecoveryCodes"), async (app, cast, i) =>
        {
            var user = i == 2 ? cast.Admin : cast.Person;
            var before = await RecoveryCodesAsync(app, user);
            var response = await PostAsync(cast.Clients[i], "/account/two-factor?handler=RecoveryCodes", []);
            return (response, before != await RecoveryCodesAsync(app, user));
        }, [SignIn, Unchanged, Changed]),
        // The second step of signing in, after the administrator's password, from any client.
        ["sign-in-two-factor"] = new(new("POST", "/account/second-step"), async (app, cast, i) =>
        {
            var client = app.NewClient();
            var first = await PostAsync(client, "/account/sign-in", new() { ["Input.Email"] = cast.Admin.Email!, ["Input.Password"] = CocreoApp.TestPassword });
            var response = await PostAsync(client, first.Headers.Location!.OriginalString, new() { ["Code"] = await app.AuthenticatorCodeAsync(cast.Admin) });
            return (response, IssuesCookie(response));
        }, [Changed, Changed, Changed]),
        ["register"] = new(new("POST", "/account/register"), async (app, cast, i) =>
        {
            var email = $"new{Guid.NewGuid():N}@example.org";
            var response = await PostAsync(cast.Clients[i], "/account/register", new()
            {
                ["Input.DisplayName"] = "New Person", ["Input.Email"] = email, ["Input.Password"] = CocreoApp.TestPassword, ["Input.ConfirmPassword"] = CocreoApp.TestPassword,
            });
            return (response, await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }, [Changed, Changed, Changed]),
        ["sign-in"] = new(new("POST", "/account/sign-in"), async (_, cast, i) =>
        {
            var user = i == 2 ? cast.Admin : cast.Person;
            var response = await PostAsync(cast.Clients[i], "/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword });
            return (response, IssuesCookie(response));
        }, [Changed, Changed, Unchanged]), // the administrator's password alone leads to the second step, without the cookie
        ["sign-out"] = new(new("POST", "/account/sign-out"), async (_, cast, i) =>
        {
            var client = cast.Clients[i];
            var before = await SignedInAsync(client);
            var response = await PostAsync(client, "/account/sign-out", []);
            return (response, before && !await SignedInAsync(client));
        }, [Unchanged, Changed, Changed]),
        ["forgot-password"] = new(new("POST", "/account/forgot-password"), async (app, cast, i) =>
        {
            var before = Mails(app);
            var response = await PostAsync(cast.Clients[i], "/account/forgot-password", new() { ["Email"] = cast.Person.Email! });
            return (response, await MailArrivedAsync(app, before));
        }, [Changed, Changed, Changed]),
        ["resend-confirmation"] = new(new("POST", "/account/resend-confirmation"), async (app, cast, i) =>
        {
            var unconfirmed = await UnconfirmedAsync(app);
            var before = Mails(app);
            var response = await PostAsync(cast.Clients[i], "/account/resend-confirmation", new() { ["Email"] = unconfirmed.Email! });
            return (response, await MailArrivedAsync(app, before));
        }, [Changed, Changed, Changed]),
        // The emailed link confirms a new address and chooses its password: whoever holds the link, signed in or not.
        ["confirm-email"] = new(new("POST", "/account/confirm-email"), async (app, cast, i) =>
        {
            var unconfirmed = await UnconfirmedAsync(app);
            var code = await ConfirmationCodeAsync(app, unconfirmed);
            var response = await PostAsync(cast.Clients[i], "/account/confirm-email", new()
            {
                ["UserId"] = unconfirmed.Id, ["Code"] = code, ["Input.Password"] = $"chosen password {i}", ["Input.ConfirmPassword"] = $"chosen password {i}",
            });
            return (response, await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == unconfirmed.Id && u.EmailConfirmed)));
        }, [Changed, Changed, Changed]),
        ["reset-password"] = new(new("POST", "/account/reset-password"), async (app, cast, i) =>
        {
            var (code, before) = await ResetCodeAsync(app, cast.Person);
            var response = await PostAsync(cast.Clients[i], "/account/reset-password", new()
            {
                ["Input.Email"] = cast.Person.Email!, ["Input.Code"] = code, ["Input.Password"] = $"another password {i}", ["Input.ConfirmPassword"] = $"another password {i}",
            });
            return (response, before != await PasswordHashAsync(app, cast.Person));
        }, [Changed, Changed, Changed]),
        // Without an OpenID Connect provider configured there is nothing to sign in with.
        ["external"] = new(new("POST", "/account/external"), async (_, cast, i) =>
            (await PostAsync(cast.Clients[i], "/account/external", []), false), [NotFound, NotFound, NotFound]),
        // The one-time setup link makes a signed-in person the administrator (a fresh link for each attempt here).
        ["setup"] = new(new("POST", "/setup"), async (app, cast, i) =>
        {
            var token = FreshSetupToken(app);
            var before = await AdministratorsAsync(app);
            var response = await PostAsync(cast.Clients[i], $"/setup?token={token}", []);
            return (response, before != await AdministratorsAsync(app));
        }, [SignIn, Changed, Unchanged]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Who_may_change_what(string name)
    {
        var row = Rows[name];
        var person = await app.CreateUserAsync("Person Petra");
        var admin = await app.CreateUserAsync("Admin Andrej", platformAdmin: true);
        var cast = new Cast(person, admin, [app.NewClient(), await app.SignedInClientAsync(person), await app.SignedInClientAsync(admin)]);
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var (response, changed) = await row.Attempt(app, cast, i);
            if (Check(row.Expected[i], response, changed) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    private static async Task<HttpResponseMessage> PostAsync(FormClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(client);
        return await client.PostAsync(url, fields);
    }

    private static Task<string> NamesAsync(SqliteApp app) => app.WithDbAsync(async db =>
        string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.DisplayName + u.PreferredLanguage).ToListAsync()));

    private static bool IssuesCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cocreo.auth=", StringComparison.Ordinal) && !c.StartsWith("cocreo.auth=;", StringComparison.Ordinal));

    private static async Task<bool> SignedInAsync(FormClient client) => (await client.Http.GetAsync("/account")).StatusCode == HttpStatusCode.OK;

    private static int Mails(SqliteApp app) => Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml").Length : 0;

    // E-mails about accounts are sent in the background (the answer never waits for the mail server): wait for the queue.
    private static async Task<bool> MailArrivedAsync(SqliteApp app, int before)
    {
        await MailSentAsync(app);
        return Mails(app) > before;
    }

    private static async Task MailSentAsync(SqliteApp app) =>
        Assert.True(await app.Services.GetRequiredService<AccountMailQueue>().DrainedAsync(TimeSpan.FromSeconds(30)), "Account mail still waiting after 30 s.");

    private static async Task<CocreoUser> UnconfirmedAsync(SqliteApp app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var email = $"unconfirmed{Guid.NewGuid():N}@example.org";
        var user = new CocreoUser { UserName = email, Email = email, DisplayName = "Unconfirmed", CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, CocreoApp.TestPassword)).Succeeded);
        return user;
    }

    private static async Task<string> ChangeEmailCodeAsync(SqliteApp app, CocreoUser person, string address)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var token = await users.GenerateChangeEmailTokenAsync((await users.FindByIdAsync(person.Id))!, address);
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
    }

    private static async Task EnableTwoFactorAsync(SqliteApp app, CocreoUser person)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var user = (await users.FindByIdAsync(person.Id))!;
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
    }

    private static Task<bool> TwoFactorAsync(SqliteApp app, CocreoUser person) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync());

    private static Task<string?> RecoveryCodesAsync(SqliteApp app, CocreoUser person) =>
        app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == person.Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleOrDefaultAsync());

    private static async Task<string> ConfirmationCodeAsync(SqliteApp app, CocreoUser person)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var token = await users.GenerateEmailConfirmationTokenAsync((await users.FindByIdAsync(person.Id))!);
        return Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
    }

    private static async Task<(string Code, string? Hash)> ResetCodeAsync(SqliteApp app, CocreoUser person)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var user = (await users.FindByIdAsync(person.Id))!;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return (Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token)), user.PasswordHash);
    }

    private static Task<string?> PasswordHashAsync(SqliteApp app, CocreoUser person) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.PasswordHash).SingleAsync());

    private static Task<int> AdministratorsAsync(SqliteApp app) => app.WithDbAsync(db =>
        db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).CountAsync(n => n == CocreoUser.PlatformAdminRole));

    private static string FreshSetupToken(SqliteApp app)
    {
        var token = Guid.NewGuid().ToString("N");
        typeof(SetupToken).GetField("token", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .SetValue(app.Services.GetRequiredService<SetupToken>(), token);
        return token;
    }
}
