using System.Net;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Work;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Two app instances on one database, as behind a load balancer: a sign-in cookie issued by one is accepted by the
/// other, because the data-protection keys live in the shared database; background work is claimed, so the two
/// never do it twice.
/// </summary>
public abstract class MultiInstanceTests<TApp>(TApp first) : IClassFixture<TApp> where TApp : CocreoApp
{
    private sealed class SecondInstance(CocreoApp first, string? mailFolder = null) : CocreoApp
    {
        public override string Provider => first.Provider;
        public override string ConnectionString => first.ConnectionString;

        protected override IReadOnlyDictionary<string, string?> Settings =>
            mailFolder is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Email:PickupDirectory"] = mailFolder };
    }

    [Fact]
    public async Task Two_instances_sending_the_queue_at_once_send_each_email_once()
    {
        first.RequireAvailable();
        await using var second = new SecondInstance(first, first.MailFolder);
        _ = second.Services;
        var subject = "Queued " + Guid.NewGuid().ToString("N")[..8];
        const int count = 120;
        await first.WithDbAsync(async db =>
        {
            var outbox = new EmailOutbox(db, TimeProvider.System);
            for (var i = 0; i < count; i++)
            {
                outbox.Queue(new EmailMessage($"person{i}@example.org", $"{subject} {i}", "Hello"));
            }
            await db.SaveChangesAsync();
        });

        // Both dispatchers read the queue at the same moment, as two instances' timers would; each then sends what it claimed.
        var dispatchers = new[] { first, (CocreoApp)second }.Select(app => app.Services.GetServices<IHostedService>().OfType<EmailDispatcher>().Single()).ToList();
        while (await first.WithDbAsync(db => db.Set<OutgoingEmail>().CountAsync(e => e.Subject.StartsWith(subject) && e.SentAt == null)) > 0)
        {
            await Task.WhenAll(dispatchers.Select(d => d.SendBatchAsync(CancellationToken.None)));
        }

        var sent = Directory.GetFiles(first.MailFolder, "*.eml")
            .Select(file => File.ReadAllText(file))
            .Where(text => text.Contains(subject, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(count, sent.Count);
        Assert.Equal(count, await first.WithDbAsync(db => db.Set<OutgoingEmail>().CountAsync(e => e.Subject.StartsWith(subject) && e.SentAt != null && e.ClaimToken == null)));
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_emails_at_once_get_disjoint_shares()
    {
        first.RequireAvailable();
        await using var second = new SecondInstance(first);
        var subject = "Claimed " + Guid.NewGuid().ToString("N")[..8];
        var ids = await first.WithDbAsync(async db =>
        {
            var outbox = new EmailOutbox(db, TimeProvider.System);
            for (var i = 0; i < 60; i++)
            {
                outbox.Queue(new EmailMessage($"person{i}@example.org", $"{subject} {i}", "Hello"));
            }
            await db.SaveChangesAsync();
            // Due only in an hour: the instances' own dispatchers, polling on the real clock, leave them to the claims
            // below (under load they took some first, and the shares no longer covered every e-mail).
            await db.Set<OutgoingEmail>().Where(e => e.Subject.StartsWith(subject)).ExecuteUpdateAsync(e => e.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddHours(1)));
            return await db.Set<OutgoingEmail>().Where(e => e.Subject.StartsWith(subject)).Select(e => e.Id).ToListAsync();
        });
        var now = DateTime.UtcNow.AddHours(2);

        // Both read the same candidates (as two timers firing together would) and claim them in parallel, many times.
        var claimed = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var scope = (i % 2 == 0 ? first : (CocreoApp)second).Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Cocreo.Web.Data.CocreoDbContext>();
            return (await EmailDispatcher.ClaimAsync(db, ids, now, CancellationToken.None)).Select(e => e.Id).ToList();
        }));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids.Order(), all.Order());
    }

    [Fact]
    public async Task A_lease_on_background_work_is_held_by_one_instance_at_a_time()
    {
        first.RequireAvailable();
        await using var second = new SecondInstance(first);
        var name = "test." + Guid.NewGuid().ToString("N");
        async Task<bool> TakeAsync(CocreoApp app)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => TakeAsync(i % 2 == 0 ? first : second)));
        var holders = attempts.Select((taken, i) => (taken, app: i % 2)).Where(a => a.taken).Select(a => a.app).Distinct().ToList();
        Assert.Single(holders);

        using (var scope = (holders[0] == 0 ? first : (CocreoApp)second).Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkLeases>().ReleaseAsync(name, CancellationToken.None);
        }
        Assert.True(await TakeAsync(holders[0] == 0 ? second : first));
    }

    [Fact]
    public async Task A_cookie_from_one_instance_signs_in_on_the_other()
    {
        first.RequireAvailable();
        var user = await first.CreateUserAsync("Load Balanced");
        var client = first.NewClient();
        var signIn = await client.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = CocreoApp.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cocreo.auth=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = new SecondInstance(first);
        var other = second.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        var response = await other.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.Email!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class MultiInstanceOnSqlite(SqliteApp app) : MultiInstanceTests<SqliteApp>(app);

public sealed class MultiInstanceOnPostgres(PostgresApp app) : MultiInstanceTests<PostgresApp>(app);
