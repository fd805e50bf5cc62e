namespace Cocreo.Web.Features.Transparency;

public static class TransparencyFeature
{
    public static WebApplicationBuilder AddTransparency(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProcessLog>();
        builder.Services.AddSingleton<LogActionCatalog>();
        builder.Services.AddLogActions(typeof(TransparencyText),
            ("reflection.added", "Added a reflection"));
        return builder;
    }

    public static WebApplication MapTransparency(this WebApplication app)
    {
        app.MapTransparencyApi();
        return app;
    }
}
