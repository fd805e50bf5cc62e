using Microsoft.AspNetCore.Builder;
using Cocreo.Testing;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Cocreo.Web.Testing;

/// <summary>
/// The whole web app on a real database of its own: a SQLite file, or a fresh database on the PostgreSQL server
/// that ./test.sh starts. Email goes to a pickup folder the tests read.
/// </summary>
public abstract class CocreoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "cocreo-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>The app's checkpoint signing key, made for it (production requires the file to exist).</summary>
    public string SigningKeyPath { get; } = Path.Combine(Path.GetTempPath(), "cocreo-key-" + Guid.NewGuid().ToString("N") + ".pem");

    /// <summary>The app's folder of election keys (made when a budget's voting opens, destroyed when its ballots are opened).</summary>
    public string ElectionKeysPath { get; } = Path.Combine(Path.GetTempPath(), "cocreo-election-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The app's personal-data key file: one per database, so that a second instance on the same database (a test of
    /// several instances) opens what the first sealed, as instances sharing one key file do.
    /// </summary>
    public string PersonalDataKeyPath => Path.Combine(Path.GetTempPath(), "cocreo-pd-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ConnectionString)))[..24] + ".keys");

    /// <summary>Extra settings a test class needs (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }

    /// <summary>False when the database this app needs is not available here (the tests are then skipped, or fail under CI).</summary>
    public virtual bool IsAvailable => true;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        File.Delete(SigningKeyPath);
        File.Delete(PersonalDataKeyPath);
        if (Directory.Exists(ElectionKeysPath))
        {
            Directory.Delete(ElectionKeysPath, recursive: true);
        }
    }

    /// <summary>Skips (or fails under CI) a test whose database is not available.</summary>
    public void RequireAvailable()
    {
        if (!IsAvailable)
        {
            TestPostgres.RequireServer();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Many apps live in one test process: a file watcher each (configuration reload, the asset-version tag helper's
        // web root) took one of the user's 128 inotify instances until none was left. Tests change no such file.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Cocreo.Web.Features.Accounts.SetupToken", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // Expected failures (a missing migrations table on a new database, a retried write conflict) are not news.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        // The in-memory test server has no request body size limit to apply; a real server (Kestrel) does.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Platform:PublicUrl", "http://cocreo.test");
        // Tests run the notifications' fan-out and digests themselves, when they mean to.
        builder.UseSetting("Notifications:Background", "false");
        if (!File.Exists(SigningKeyPath))
        {
            Cocreo.Web.Platform.Log.CheckpointKey.Create(SigningKeyPath);
        }
        builder.UseSetting("Transparency:SigningKeyPath", SigningKeyPath);
        // Made here, as an operator makes it, so that an app started in Production (a test of production rules) finds it.
        Cocreo.Web.Platform.PersonalData.PersonalDataSeal.EnsureKeyFile(PersonalDataKeyPath);
        builder.UseSetting("PersonalData:KeyPath", PersonalDataKeyPath);
        builder.UseSetting("Budgeting:ElectionKeysPath", ElectionKeysPath);
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("RateLimits:RegistrationsPerHour", "1000");
        builder.UseSetting("RateLimits:WritesPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromTestHeader>();
            // Tests create thousands of accounts and sign-ins; the production work factor (PBKDF2, 100,000 rounds)
            // is there against offline guessing of a stolen database, which a throwaway test database does not need.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
        });
    }

    /// <summary>The header with which a test says which address a request comes from (the test server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromTestHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((Microsoft.AspNetCore.Http.HttpContext context, Microsoft.AspNetCore.Http.RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(ClientAddressHeader, out var address)
                    ? System.Net.IPAddress.Parse(address.ToString())
                    : System.Net.IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    /// <summary>A client whose requests come from this address.</summary>
    public FormClient NewClientFrom(string address)
    {
        var client = NewClient();
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>
    /// Creates a confirmed account (and signs nobody in). A platform administrator gets two-step sign-in (required
    /// for administrators) unless <paramref name="twoFactor"/> says otherwise; <see cref="SignedInClientAsync"/>
    /// then enters the authenticator code as the administrator's phone would show it.
    /// </summary>
    public async Task<CocreoUser> CreateUserAsync(string name, bool platformAdmin = false, bool? twoFactor = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.org";
        var user = new CocreoUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, TestPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (platformAdmin)
        {
            await AccountsCapability.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            await users.AddToRoleAsync(user, CocreoUser.PlatformAdminRole);
        }
        if (twoFactor ?? platformAdmin)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return user;
    }

    /// <summary>The code the person's authenticator app shows now (TOTP, RFC 6238: HMAC-SHA1, 30 s, 6 digits).</summary>
    public async Task<string> AuthenticatorCodeAsync(CocreoUser user)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!) ?? throw new InvalidOperationException("No authenticator key");
        return Totp(Base32(key), DateTimeOffset.UtcNow);
    }

    public static string Totp(byte[] key, DateTimeOffset at)
    {
        var step = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(step);
        }
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }

    public const string TestPassword = "correct horse battery staple";

    /// <summary>The password hashing work factor in tests (production keeps Identity's default).</summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>A client with its own cookies that does not follow redirects, so tests see each response.</summary>
    public virtual FormClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<FormClient> SignedInClientAsync(CocreoUser user)
    {
        var client = NewClient();
        var response = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestPassword });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/account/second-step", StringComparison.Ordinal))
        {
            response = await client.SubmitAsync(response.Headers.Location.OriginalString, new() { ["Code"] = await AuthenticatorCodeAsync(user) });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<CocreoDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CocreoDbContext>());
    }

    public async Task WithDbAsync(Func<CocreoDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<CocreoDbContext>());
    }
}

/// <summary>The app on a SQLite file in the temporary folder.</summary>
public class SqliteApp : CocreoApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"cocreo-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";
    public override string ConnectionString => $"Data Source={file}";

    public override async ValueTask InitializeAsync() => await MigratedTemplates.CopySqliteAsync(file);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>The app on a fresh database of the test PostgreSQL server.</summary>
public class PostgresApp : CocreoApp
{
    private TestPostgres? database;

    public override string Provider => "PostgreSql";
    public override string ConnectionString => database?.ConnectionString ?? "Host=unavailable";
    public override bool IsAvailable => database is not null;

    public override async ValueTask InitializeAsync()
    {
        if (TestPostgres.IsConfigured)
        {
            database = await TestPostgres.CreateDatabaseAsync(await MigratedTemplates.PostgresTemplateAsync());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
