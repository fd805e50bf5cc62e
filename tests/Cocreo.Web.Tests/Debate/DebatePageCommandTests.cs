using System.Data.Common;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Debate;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Debate;

/// <summary>
/// Counts the SQL commands of each request that carries the header <see cref="Header"/> (the middleware below puts the
/// request's list in an async-local value for the rest of its pipeline, so the app's background work is not counted).
/// Registered only in the test app.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public const string Header = "X-Count-Commands";

    private static readonly AsyncLocal<List<string>?> Current = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> Counted = new();

    /// <summary>The commands of the request sent with <see cref="Header"/> = <paramref name="key"/>.</summary>
    public static List<string> Of(string key) => Counted.TryGetValue(key, out var commands) ? commands : [];

    private sealed class Middleware : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var key))
                {
                    Current.Value = Counted[key.ToString()] = [];
                    try
                    {
                        await rest(context);
                    }
                    finally
                    {
                        Current.Value = null;
                    }
                }
                else
                {
                    await rest(context);
                }
            });
            next(app);
        };
    }

    private static void Count(DbCommand command)
    {
        if (Current.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public static void AddTo(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Middleware>();
        var counter = new CommandCounter();
        services.ConfigureDbContext<SqliteCocreoDbContext>(o => o.AddInterceptors(counter));
        services.ConfigureDbContext<PostgreSqlCocreoDbContext>(o => o.AddInterceptors(counter));
    });
}

public sealed class CountingSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CommandCounter.AddTo(builder);
    }
}

public sealed class CountingPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CommandCounter.AddTo(builder);
    }
}

/// <summary>
/// The debate's own page on a large thread asks the database a fixed number of questions, whatever the number of
/// comments and however many of the page's threads are long: no question per comment or per thread. The numbers are
/// pinned so that a change that adds one fails here (docs/debate.md, "Speed").
/// </summary>
public abstract class DebatePageCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    /// <summary>The commands of one page for an anonymous reader, after the first (warm: the totals and the process are cached).</summary>
    private const int Anonymous = 7;

    /// <summary>For a signed-in reader: also their votes and their reports on the page's comments.</summary>
    private const int SignedIn = 11;

    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task One_page_of_a_two_thousand_comment_debate_takes_a_fixed_number_of_commands()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var p = cast.ProcessId;
        var roots = await SeedAsync(p, cast.Owner.Id);
        var url = $"/debate/process/{p}";

        var (anonymous, page) = await CountAsync(cast.AnonymousClient, url);
        // The page shows the first threads and the long thread's first replies, not the whole debate.
        Assert.Equal(DebateLimits.PageSize, page.QuerySelectorAll("ol.debate-threads > li").Length);
        Assert.NotNull(page.GetElementById($"comment-{roots[0]}"));
        Assert.Null(page.GetElementById($"comment-{roots[DebateLimits.PageSize]}"));
        Assert.True(Anonymous == anonymous.Count, $"anonymous: {anonymous.Count} commands:\n{string.Join("\n---\n", anonymous)}");

        var (signedIn, _) = await CountAsync(cast.ParticipantClient, url);
        Assert.True(SignedIn == signedIn.Count, $"signed in: {signedIn.Count} commands:\n{string.Join("\n---\n", signedIn)}");

        // More long threads on the page ask nothing more.
        await RepliesAsync(p, cast.Owner.Id, roots[1], 50);
        await RepliesAsync(p, cast.Owner.Id, roots[2], 45);
        var (longer, _) = await CountAsync(cast.AnonymousClient, url);
        Assert.True(Anonymous == longer.Count, $"with three long threads: {longer.Count} commands:\n{string.Join("\n---\n", longer)}");
    }

    /// <summary>The commands of the second of two requests (the first warms what is kept between requests).</summary>
    private static async Task<(List<string> Commands, AngleSharp.Html.Dom.IHtmlDocument Page)> CountAsync(FormClient client, string url)
    {
        await client.GetOkPageAsync(url);
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounter.Header, key);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        var commands = CommandCounter.Of(key);
        lock (commands)
        {
            Assert.True(commands.Count > 0 && commands.Count < 40, $"{commands.Count} commands:\n{string.Join("\n---\n", commands)}");
            return (commands.ToList(), page);
        }
    }

    /// <summary>1,400 top-level comments and 600 replies: 60 on the first thread, 3 on each of the next 19, the rest further on.</summary>
    private Task<List<int>> SeedAsync(int processId, string authorId) => App.WithDbAsync(async db =>
    {
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var roots = Enumerable.Range(0, 1_400).Select(i => Comment.Post("process", processId, processId, null, authorId, "Seeded", $"Comment {i}: *evening* hours, or not.", (Alignment)(i % 3), start.AddSeconds(i)))
            .ToList();
        db.AddRange(roots);
        await db.SaveChangesAsync();
        var replies = new List<Comment>();
        void Reply(Comment root, int n)
        {
            replies.Add(Comment.Post("process", processId, processId, root, authorId, "Replier", $"Reply {n} to {root.Id}.", Alignment.Neutral, start.AddHours(1).AddSeconds(replies.Count)));
            root.Replied();
        }
        for (var i = 0; i < 60; i++)
        {
            Reply(roots[0], i);
        }
        for (var r = 1; r < 20; r++)
        {
            for (var i = 0; i < 3; i++)
            {
                Reply(roots[r], i);
            }
        }
        for (var i = replies.Count; i < 600; i++)
        {
            Reply(roots[100 + (i % 500)], i);
        }
        db.AddRange(replies);
        await db.SaveChangesAsync();
        return roots.Select(r => r.Id).ToList();
    });

    private Task RepliesAsync(int processId, string authorId, int rootId, int count) => App.WithDbAsync(async db =>
    {
        var root = await db.Set<Comment>().SingleAsync(c => c.Id == rootId);
        for (var i = 0; i < count; i++)
        {
            db.Add(Comment.Post("process", processId, processId, root, authorId, "Replier", $"More {i}.", Alignment.Neutral, DateTime.UtcNow.AddSeconds(i)));
            root.Replied();
        }
        await db.SaveChangesAsync();
    });
}

public sealed class DebatePageCommandsOnSqlite(CountingSqliteApp app) : DebatePageCommandTests<CountingSqliteApp>(app);

public sealed class DebatePageCommandsOnPostgres(CountingPostgresApp app) : DebatePageCommandTests<CountingPostgresApp>(app);
