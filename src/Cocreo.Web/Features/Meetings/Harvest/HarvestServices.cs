namespace Cocreo.Web.Features.Meetings.Harvest;

/// <summary>The harvest's services, added by the meetings' manifest in one line.</summary>
public static class HarvestServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<HarvestAccess>();
        services.AddScoped<HarvestList>();
        services.AddScoped<HarvestBlocks>();
        services.AddScoped<HarvestOrigins>();
        services.AddSingleton<Platform.Live.ILiveTopic, HarvestLiveTopic>();
        services.AddScoped<Moderation.IModeratedContent, HarvestContents>();
        services.AddScoped<Accounts.IPersonalData, HarvestPersonalData>();
    }
}
