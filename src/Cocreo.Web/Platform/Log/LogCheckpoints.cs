using Cocreo.Transparency;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;

namespace Cocreo.Web.Platform.Log;

/// <summary>A signed checkpoint of a process's log, as stored and published (see <see cref="LogCheckpoint"/>).</summary>
public sealed class ProcessLogCheckpoint
{
    public long Id { get; private set; }
    public int ProcessId { get; init; }
    public long Length { get; init; }
    public string Head { get; init; } = "";
    public DateTime At { get; init; }
    public string KeyId { get; init; } = "";
    public string Signature { get; init; } = "";

    public LogCheckpoint ToCheckpoint() => new(ProcessId, Length, Head, At, KeyId, Signature);

    public static ProcessLogCheckpoint From(LogCheckpoint checkpoint) => new()
    {
        ProcessId = checkpoint.ProcessId,
        Length = checkpoint.Length,
        Head = checkpoint.Head,
        At = checkpoint.At,
        KeyId = checkpoint.KeyId,
        Signature = checkpoint.Signature,
    };
}

internal sealed class ProcessLogCheckpointConfiguration : IEntityTypeConfiguration<ProcessLogCheckpoint>
{
    public void Configure(EntityTypeBuilder<ProcessLogCheckpoint> checkpoint)
    {
        checkpoint.ToTable("ProcessLogCheckpoints");
        checkpoint.HasIndex(c => new { c.ProcessId, c.Length }).IsUnique();
        checkpoint.Property(c => c.Head).HasMaxLength(64).IsFixedLength();
        checkpoint.Property(c => c.KeyId).HasMaxLength(16);
        checkpoint.Property(c => c.Signature).HasMaxLength(200);
    }
}

/// <summary>Where the checkpoint signing key is kept and how often logs are checkpointed. Bound from <c>Transparency</c>.</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Transparency";

    /// <summary>
    /// The PEM file of the platform's checkpoint signing key (ECDSA P-256), outside the database so that a copy of the
    /// database cannot sign a rolled-back log. Every instance reads the same file. Relative to the content root.
    /// </summary>
    public string SigningKeyPath { get; set; } = "App_Data/keys/log-checkpoint-key.pem";

    /// <summary>A log whose head moved is checkpointed when its last checkpoint is this old (at least daily).</summary>
    public int CheckpointEveryHours { get; set; } = 24;
}

/// <summary>The platform's checkpoint signing key, read once from <see cref="TransparencyOptions.SigningKeyPath"/>.</summary>
public sealed class CheckpointKey : IDisposable
{
    private readonly ECDsa key;

    public CheckpointKey(IOptions<TransparencyOptions> options, IHostEnvironment environment)
    {
        var path = PathOf(options.Value, environment);
        if (!File.Exists(path))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(MissingKey(path));
            }
            // Outside production a key is made on first use, so `dotnet run` works at once.
            Create(path);
        }
        key = CheckpointKeys.FromPem(File.ReadAllText(path));
    }

    public string KeyId => CheckpointKeys.KeyId(key);

    public string PublicPem => CheckpointKeys.PublicPem(key);

    public LogCheckpoint Sign(int processId, long length, string head, DateTime at) => LogCheckpoint.Sign(processId, length, head, at, key);

    public void Dispose() => key.Dispose();

    public static string PathOf(TransparencyOptions options, IHostEnvironment environment) =>
        Path.IsPathRooted(options.SigningKeyPath) ? options.SigningKeyPath : Path.Combine(environment.ContentRootPath, options.SigningKeyPath);

    public static string MissingKey(string path) =>
        $"Transparency:SigningKeyPath names no key file ({path}). Create one with `dotnet Cocreo.Web.dll transparency create-key --path {path}` and give every instance the same file.";

    /// <summary>Writes a new private key as PEM, readable by its owner only.</summary>
    public static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var created = CheckpointKeys.Create();
        File.WriteAllText(path, created.ExportECPrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>Writes checkpoints: in a change (a phase change, an announcement) and, at least daily, for every log that moved.</summary>
public sealed class LogCheckpoints(CocreoDbContext db, CheckpointKey key)
{
    /// <summary>Adds a checkpoint of the log as the head says (in the unit of work of a change that moved it).</summary>
    public LogCheckpoint Add(ProcessLogHead head, DateTime at)
    {
        var checkpoint = key.Sign(head.ProcessId, head.Length, head.Hash, at);
        db.Add(ProcessLogCheckpoint.From(checkpoint));
        return checkpoint;
    }

    /// <summary>The newest checkpoint of a process's log, if any.</summary>
    public async Task<LogCheckpoint?> LatestAsync(int processId, CancellationToken cancellationToken) =>
        (await db.Set<ProcessLogCheckpoint>().AsNoTracking().Where(c => c.ProcessId == processId)
            .OrderByDescending(c => c.Length).ThenByDescending(c => c.At).FirstOrDefaultAsync(cancellationToken))?.ToCheckpoint();

    /// <summary>Every checkpoint of a process's log, newest first.</summary>
    public async Task<List<LogCheckpoint>> AllAsync(int processId, CancellationToken cancellationToken) =>
        (await db.Set<ProcessLogCheckpoint>().AsNoTracking().Where(c => c.ProcessId == processId)
            .OrderByDescending(c => c.Length).ThenByDescending(c => c.At).ToListAsync(cancellationToken))
            .Select(c => c.ToCheckpoint()).ToList();

    /// <summary>
    /// Checkpoints every log whose head moved since its last checkpoint, where that checkpoint is older than
    /// <paramref name="every"/> (or there is none). Returns how many were written.
    /// </summary>
    public async Task<int> CheckpointDueAsync(DateTime now, TimeSpan every, CancellationToken cancellationToken)
    {
        var since = now - every;
        var due = await db.Set<ProcessLogHead>().AsNoTracking()
            .Where(h => h.Length > 0 && !db.Set<ProcessLogCheckpoint>().Any(c => c.ProcessId == h.ProcessId && (c.Length == h.Length || c.At > since)))
            .OrderBy(h => h.ProcessId)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var head in due)
        {
            db.Add(ProcessLogCheckpoint.From(key.Sign(head.ProcessId, head.Length, head.Hash, now)));
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}

/// <summary>Every hour, one instance (the holder of the lease) checkpoints the logs that are due.</summary>
public sealed partial class CheckpointScheduler(IServiceScopeFactory scopes, IOptions<TransparencyOptions> options, TimeProvider clock, ILogger<CheckpointScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Checkpoints what is due, if this instance takes the round's lease; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("transparency.checkpoints", Interval * 0.9, cancellationToken))
        {
            return 0;
        }
        var every = TimeSpan.FromHours(Math.Max(1, options.Value.CheckpointEveryHours));
        var total = 0;
        int written;
        do
        {
            written = await scope.ServiceProvider.GetRequiredService<LogCheckpoints>().CheckpointDueAsync(clock.GetUtcNow().UtcDateTime, every, cancellationToken);
            total += written;
        }
        while (written == 500);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the process logs failed; it is tried again within the hour")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
