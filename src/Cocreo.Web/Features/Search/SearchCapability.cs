using Cocreo.Web.Data;
using Cocreo.Web.Platform.Capabilities;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Search;

/// <summary>
/// Full-text search over what the reader may see: processes, announcements, budget proposals, comments and journey
/// ideas, stemmed in English and Slovenian, on PostgreSQL full-text search or SQLite FTS5 behind
/// <see cref="ISearchIndex"/>; the index is kept current in every save (<see cref="SearchIndexInterceptor"/>) and
/// rebuilt with <c>Cocreo.Web search rebuild</c>.
/// </summary>
public sealed class SearchCapability : Capability
{
    public override string Name => "search";

    public override Type Text => typeof(SearchText);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SearchIndexInterceptor>();
        services.ConfigureDbContext<SqliteCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SearchIndexInterceptor>()));
        services.ConfigureDbContext<PostgreSqlCocreoDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SearchIndexInterceptor>()));
        services.AddScoped<ISearchIndex>(provider => provider.GetRequiredService<CocreoDbContext>() is PostgreSqlCocreoDbContext db
            ? new PostgreSqlSearchIndex(db, provider.GetRequiredService<PostgreSqlStemFrequencies>())
            : new SqliteSearchIndex(provider.GetRequiredService<CocreoDbContext>()));
        services.AddSingleton<PostgreSqlStemFrequencies>();
        services.AddScoped<SearchIndexer>();
        services.AddScoped<SiteSearch>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchApi();
}
