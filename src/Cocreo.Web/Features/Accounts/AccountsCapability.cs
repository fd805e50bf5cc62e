using Cocreo.Web.Platform.Email;
using Cocreo.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.AspNetCore.Identity;

namespace Cocreo.Web.Features.Accounts;

/// <summary>Accounts: registration, sign-in (also with an OpenID Connect provider), two-step sign-in, confirmation, password and e-mail changes, the first administrator, the download of one's data, deleting one's account, the privacy page.</summary>
public sealed class AccountsCapability : Capability
{
    public override string Name => "accounts";

    public override Type Text => typeof(AccountText);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<CocreoUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<CocreoDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cocreo.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // The API answers with status codes, not redirects to the sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        // The periodic re-check of the cookie rebuilds the principal: keep the mark that this session showed a second factor.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(TwoFactorModel.MfaClaim) is { } mfa && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(mfa.Type, mfa.Value))
            {
                identity.AddClaim(new System.Security.Claims.Claim(mfa.Type, mfa.Value));
            }
            return Task.CompletedTask;
        });

        var external = configuration.GetSection(ExternalSignInOptions.Section).Get<ExternalSignInOptions>() ?? new ExternalSignInOptions();
        services.AddSingleton(new ExternalSignIn(external));
        if (external.IsConfigured)
        {
            services.AddAuthentication().AddOpenIdConnect(ExternalSignInOptions.Scheme, external.DisplayName, o =>
            {
                o.Authority = external.Authority;
                o.ClientId = external.ClientId;
                o.ClientSecret = external.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = false;
                o.RequireHttpsMetadata = external.RequireHttpsMetadata;
                o.MapInboundClaims = true;
                // Behind TLS (production) the cookies are Secure; a plain-HTTP development provider still works.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Scope.Clear();
                foreach (var scope in external.Scopes)
                {
                    o.Scope.Add(scope);
                }
            });
        }

        services.AddSingleton<SetupToken>();
        services.AddScoped<DummyPassword>();
        services.AddScoped<SignInThrottle>();
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<People>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<IPersonalData, AccountPersonalData>();
        services.AddScoped<Platform.Changes.IChangeGuard, DeletedAccountGuard>();
    }

    /// <summary>The account rules, shared by the web app and the <c>cocreo</c> command.</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedEmail = true;
        // Length beats character classes (NIST SP 800-63B): at least 10 characters, no composition rules.
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => _ = IssueSetupTokenAsync(services));
    }

    private static async Task IssueSetupTokenAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        await services.GetRequiredService<SetupToken>().IssueIfNoAdministratorAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<CocreoUser>>(), address);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        if (!await roles.RoleExistsAsync(CocreoUser.PlatformAdminRole))
        {
            await roles.CreateAsync(new IdentityRole(CocreoUser.PlatformAdminRole));
        }
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
