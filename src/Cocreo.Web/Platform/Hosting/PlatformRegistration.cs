using System.Globalization;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Live;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Platform.Markdown;
using Cocreo.Web.Platform.Security;
using Cocreo.Web.Platform.Work;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using OpenTelemetry.Metrics;

namespace Cocreo.Web.Platform.Hosting;

/// <summary>Everything the platform needs, in one place: cross-cutting services, then each capability.</summary>
public static class PlatformRegistration
{
    public const long MaxRequestBodyBytes = 1_000_000;

    public static WebApplicationBuilder AddCocreoPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        if (builder.Environment.IsEnvironment("Testing"))
        {
            // Tests run the app from its build output, where the static files are described, not copied.
            builder.WebHost.UseStaticWebAssets();
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        services.AddSingleton(TimeProvider.System);
        services.AddCocreoDatabase(configuration, builder.Environment);
        services.AddDataProtection().SetApplicationName("Cocreo").PersistKeysToDbContext<CocreoDbContext>();
        services.Configure<PersonalData.PersonalDataOptions>(configuration.GetSection(PersonalData.PersonalDataOptions.Section));
        services.AddSingleton<PersonalData.PersonalDataSeal>();
        services.ConfigureDbContext<SqliteCocreoDbContext>(options => options.AddInterceptors(PersonalData.PersonalDataSealing.FromServices));
        services.ConfigureDbContext<PostgreSqlCocreoDbContext>(options => options.AddInterceptors(PersonalData.PersonalDataSealing.FromServices));

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Codes.Select(Cultures.Formatting).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                // Outside the refusal filter, so it sees the page's final answer (a redirect, or the form shown again).
                o.Filters.Add<SubmittedOncePageFilter>();
                o.Filters.Add<RefusalPageFilter>();
            })
            .AddRazorOptions(o => o.PageViewLocationFormats.Add("/Platform/Layout/{0}" + RazorViewEngine.ViewExtension))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = FeatureTextLocalizer.For);
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) => ValidationMessages.Localize(mvc, factory));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cocreo.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            o.ValueLengthLimit = (int)MaxRequestBodyBytes;
        });

        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Cocreo API";
            document.Info.Description = "Public data of co-creation processes: processes, phases, scope and their hash-chained logs.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<CocreoDbContext>("database");
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Cocreo");
            if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                metrics.AddOtlpExporter();
            }
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Client addresses and the scheme are taken from X-Forwarded-* only when the request comes from a proxy the
            // operator listed: not from loopback by default (a local process could rotate its address past the rate
            // limits). The host is never taken from a header: links use Platform:PublicUrl.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddCocreoRateLimits(configuration);
        services.AddSingleton<MarkdownRenderer>();
        services.AddMemoryCache();
        // Only for endpoints that name a policy (e.g. the run sheet's projector part): nothing else is cached.
        services.AddOutputCache();
        services.AddSingleton<Data.StampedTotals>();
        services.AddSingleton<DateDisplay>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHttpContextAccessor();
        services.AddScoped<ChangeRunner>();
        services.AddScoped<ProcessLog>();
        services.Configure<TransparencyOptions>(configuration.GetSection(TransparencyOptions.Section));
        services.AddSingleton<CheckpointKey>();
        services.AddScoped<LogCheckpoints>();
        services.AddHostedService<CheckpointScheduler>();
        services.AddSingleton<FormSubmissionSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<FormSubmissionSweep>());
        services.AddSingleton<LogActionCatalog>();
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>, PublicHostFiltering>();
        services.AddSingleton<AppInstance>();
        services.AddScoped<WorkLeases>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailSender>();
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountMailQueue>());
        services.AddScoped<EmailOutbox>();
        services.AddCocreoLiveUpdates(configuration);
        services.AddHostedService<EmailDispatcher>();

        foreach (var capability in Capabilities.Capabilities.All)
        {
            services.AddCapability(capability, configuration);
        }
        return builder;
    }

    public static WebApplication UseCocreoPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }
        var extraFormActions = app.Services.GetRequiredService<ExternalSignIn>().FormActionOrigins;
        app.UseMiddleware<SecurityHeaders>(SecurityHeaders.Policy(extraFormActions));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // Input that is too large is the sender's mistake, not a server error.
            StatusCodeSelector = error => (error.InnerException ?? error) switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status413PayloadTooLarge,
                _ => error is BadHttpRequestException outer ? outer.StatusCode : StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so limits can tell signed-in people from anonymous clients.
        app.UseRateLimiter();
        app.UseMiddleware<AdministratorsUseTwoFactor>();
        app.UseAuthorization();
        // After authentication and localisation: the cache's rules look at who asks and in which language.
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapCocreoLiveUpdates();
        app.MapCapabilities();
        return app;
    }
}
