using System.CommandLine;
using Cocreo.Web.Data;

namespace Cocreo.Web.Features.Search;

/// <summary><c>Cocreo.Web search rebuild</c>: writes the search index again from all content (an existing database, a restore).</summary>
public static class SearchCommandLine
{
    public static Command Command(IConfiguration configuration, IHostEnvironment environment)
    {
        var rebuild = new Command("rebuild", "Write the search index again from all processes, announcements, proposals, comments and journey ideas.");
        rebuild.SetAction(async (parse, cancellationToken) =>
        {
            await using var db = DatabaseConnection.From(configuration, environment.ContentRootPath).CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var count = await new SearchIndexer(db).RebuildAsync(cancellationToken, parse.InvocationConfiguration.Output);
            await transaction.CommitAsync(cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"The search index holds {count} entries.");
            return 0;
        });
        return new Command("search", "The search index.") { rebuild };
    }
}
