using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The election keys of budgets whose voting is open: one random 256-bit key per budget, in a file of its own under
/// <see cref="BudgetingOptions.ElectionKeysPath"/>, never in the database. Every instance of the platform reads the same
/// directory (it must be shared, like the checkpoint key, and kept out of database backups). A key is made when voting
/// opens, used to seal each ballot (<see cref="BallotSeal"/>) and to open them all when voting closes, and then
/// destroyed: from then on a copy of the database taken during voting holds only ciphertext nobody can read.
/// </summary>
public sealed partial class ElectionKeys(IOptions<BudgetingOptions> options, IHostEnvironment environment, ILogger<ElectionKeys> logger)
{
    public const int KeySize = 32;

    /// <summary>How long an instance trusts the key it read before looking at the file again (a key destroyed by another instance).</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, (byte[] Key, DateTime ReadAt)> cache = new();

    /// <summary>Budgets whose key this instance has compared with the budget's check value, and when.</summary>
    private readonly ConcurrentDictionary<int, DateTime> verified = new();

    public string Folder => Path.IsPathRooted(options.Value.ElectionKeysPath)
        ? options.Value.ElectionKeysPath
        : Path.Combine(environment.ContentRootPath, options.Value.ElectionKeysPath);

    /// <summary>The budget's key, or null when it has none (voting not opened, or its ballots already opened).</summary>
    public byte[]? Find(int budgetId)
    {
        if (cache.TryGetValue(budgetId, out var cached) && DateTime.UtcNow - cached.ReadAt < Recheck)
        {
            return cached.Key;
        }
        var path = PathOf(budgetId);
        if (!File.Exists(path))
        {
            cache.TryRemove(budgetId, out _);
            return null;
        }
        var key = File.ReadAllBytes(path);
        if (key.Length != KeySize)
        {
            throw new InvalidDataException($"The election key {path} is damaged ({key.Length} bytes instead of {KeySize}).");
        }
        cache[budgetId] = (key, DateTime.UtcNow);
        return key;
    }

    /// <summary>
    /// The budget's key, made now if it has none: written to a new file, flushed to the disk, then moved into place
    /// (so another instance making it at the same moment finds one whole key, the first).
    /// </summary>
    public byte[] GetOrCreate(int budgetId)
    {
        if (Find(budgetId) is { } existing)
        {
            return existing;
        }
        var folder = Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }
        var path = PathOf(budgetId);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".new";
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var creation = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            creation.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(temporary, creation))
        {
            file.Write(key);
            file.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            LogKeyMade(logger, budgetId);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
        return Find(budgetId) ?? throw new InvalidOperationException($"The election key {path} could not be kept.");
    }

    /// <summary>
    /// The key for sealing a new ballot, once it is known to be the key voting opened with (its check value matches
    /// the budget's; compared again every 30 s). A budget in voting without a check value and without a sealed
    /// ballot (put in voting before keys existed, the demo city) gets its key now. Otherwise no key, with a critical
    /// log line: a key file missing or different on this instance (a folder not shared) would seal ballots that
    /// cannot be opened with the others.
    /// </summary>
    public async Task<byte[]?> ForSealingAsync(CocreoDbContext db, int budgetId, CancellationToken cancellationToken)
    {
        var key = Find(budgetId);
        if (key is not null && verified.TryGetValue(budgetId, out var at) && DateTime.UtcNow - at < Recheck)
        {
            return key;
        }
        var check = await CheckOfBudgetAsync(db, budgetId, cancellationToken);
        if (check is null)
        {
            if (await db.Set<SealedBallot>().AnyAsync(b => b.BudgetId == budgetId, cancellationToken))
            {
                LogKeyMissing(logger, budgetId, Folder);
                return null;
            }
            key ??= GetOrCreate(budgetId);
            var mine = CheckOf(key, budgetId);
            // The first instance to set it wins; another one that made a different key at the same moment sees the mismatch below.
            await db.Set<Budget>().Where(b => b.Id == budgetId && b.ElectionKeyCheck == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ElectionKeyCheck, mine), cancellationToken);
            check = await CheckOfBudgetAsync(db, budgetId, cancellationToken);
        }
        if (key is null || CheckOf(key, budgetId) != check)
        {
            LogKeyMissing(logger, budgetId, Folder);
            return null;
        }
        verified[budgetId] = DateTime.UtcNow;
        return key;
    }

    /// <summary>The budget's key for opening its ballots, or null when this instance does not hold the key voting opened with.</summary>
    public async Task<byte[]?> ForOpeningAsync(CocreoDbContext db, int budgetId, CancellationToken cancellationToken)
    {
        var key = Find(budgetId);
        var check = await CheckOfBudgetAsync(db, budgetId, cancellationToken);
        return key is not null && (check is null || CheckOf(key, budgetId) == check) ? key : null;
    }

    /// <summary>A value that tells whether two instances hold the same key, and nothing of the key: HMAC-SHA-256 of a fixed text.</summary>
    public static string CheckOf(byte[] key, int budgetId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes("cocreo-election-key-check|" + budgetId.ToString(CultureInfo.InvariantCulture))));

    private static Task<string?> CheckOfBudgetAsync(CocreoDbContext db, int budgetId, CancellationToken cancellationToken) =>
        db.Set<Budget>().AsNoTracking().Where(b => b.Id == budgetId).Select(b => b.ElectionKeyCheck).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Overwrites the key file, then deletes it. Called once the ballots it sealed are opened and committed.</summary>
    public void Destroy(int budgetId)
    {
        cache.TryRemove(budgetId, out _);
        verified.TryRemove(budgetId, out _);
        var path = PathOf(budgetId);
        if (!File.Exists(path))
        {
            return;
        }
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write(new byte[KeySize]);
            file.Flush(flushToDisk: true);
        }
        File.Delete(path);
        LogKeyDestroyed(logger, budgetId);
    }

    /// <summary>The budgets that have a key file now.</summary>
    public IReadOnlyList<int> Held() => !Directory.Exists(Folder) ? [] : Directory.EnumerateFiles(Folder, "budget-*.key")
        .Select(path => Path.GetFileNameWithoutExtension(path)["budget-".Length..])
        .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var budgetId) ? budgetId : 0)
        .Where(id => id > 0)
        .ToList();

    /// <summary>
    /// Destroys the keys of budgets that are not voting and have no sealed ballot left (a close that committed but
    /// stopped before destroying its key, or a budget deleted); returns how many. Run at start and after each close.
    /// </summary>
    public async Task<int> DestroyUnneededAsync(CocreoDbContext db, CancellationToken cancellationToken)
    {
        var held = Held();
        if (held.Count == 0)
        {
            return 0;
        }
        var voting = await db.Set<Budget>().Where(b => held.Contains(b.Id) && b.Phase == BudgetPhase.Voting).Select(b => b.Id).ToListAsync(cancellationToken);
        var sealedLeft = await db.Set<SealedBallot>().Where(b => held.Contains(b.BudgetId)).Select(b => b.BudgetId).Distinct().ToListAsync(cancellationToken);
        var unneeded = held.Except(voting).Except(sealedLeft).ToList();
        unneeded.ForEach(Destroy);
        return unneeded.Count;
    }

    private string PathOf(int budgetId) => Path.Combine(Folder, "budget-" + budgetId.ToString(CultureInfo.InvariantCulture) + ".key");

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the election key of budget {BudgetId}")]
    private static partial void LogKeyMade(ILogger logger, int budgetId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroyed the election key of budget {BudgetId}: its ballots are opened")]
    private static partial void LogKeyDestroyed(ILogger logger, int budgetId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Budget {BudgetId}'s election key is missing from {Folder}, or is not the key its voting opened with (is the folder shared by every instance?); this instance takes no ballot for it until the key is restored")]
    private static partial void LogKeyMissing(ILogger logger, int budgetId, string folder);
}

/// <summary>At start: destroys election keys that outlived their vote.</summary>
public sealed class ElectionKeySweep(IServiceScopeFactory scopes, ElectionKeys keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CocreoDbContext>();
        try
        {
            await keys.DestroyUnneededAsync(db, cancellationToken);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
        {
            // A database not yet migrated has no budgets: nothing to sweep; the next close sweeps again.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Seals and opens ballots with AES-256-GCM (from .NET: nothing hand-written but the padding and the line format).
/// The sealed text is the ballot's line <c>projects|points|answers</c> (points <c>~</c> when the form has none),
/// padded with zero bytes to the same length for every ballot of the budget (<see cref="SizeFor"/>), so the length of
/// a sealed ballot tells nothing of how many projects it holds. The budget and the receipt are authenticated with it:
/// a sealed ballot moved to another row or budget does not open.
/// </summary>
public static class BallotSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Block = 256;

    public static byte[] Seal(byte[] key, int budgetId, string receipt, BallotChoice choice, int size)
    {
        var line = System.Text.Encoding.UTF8.GetBytes($"{choice.ProjectsText}|{choice.PointsText ?? "~"}|{choice.AnswersText}");
        var plain = new byte[Math.Max(size, (line.Length + Block - 1) / Block * Block)];
        line.CopyTo(plain, 0);
        var result = new byte[NonceSize + plain.Length + TagSize];
        var nonce = result.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, result.AsSpan(NonceSize, plain.Length), result.AsSpan(NonceSize + plain.Length), Associated(budgetId, receipt));
        return result;
    }

    /// <summary>The ballot a sealed ballot holds; throws <see cref="CryptographicException"/> when it was sealed with another key or altered.</summary>
    public static BudgetBallot Open(byte[] key, SealedBallot ballot)
    {
        var data = ballot.Sealed;
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed ballot is too short.");
        }
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Associated(ballot.BudgetId, ballot.Receipt));
        var end = Array.IndexOf(plain, (byte)0);
        var parts = System.Text.Encoding.UTF8.GetString(plain, 0, end < 0 ? plain.Length : end).Split('|');
        if (parts.Length != 3)
        {
            throw new CryptographicException("A sealed ballot does not hold a ballot line.");
        }
        return new BudgetBallot
        {
            Id = RandomIds.Next(),
            BudgetId = ballot.BudgetId,
            Projects = parts[0],
            Points = parts[1] == "~" ? null : parts[1],
            Answers = parts[2],
        };
    }

    /// <summary>
    /// The padded length of every ballot of this paper: room for every project (with its points) and every answer,
    /// rounded up to 256 bytes. A valid ballot (<see cref="BallotPaper.Check"/>) never needs more.
    /// </summary>
    public static int SizeFor(BallotPaper paper)
    {
        var digits = paper.Projects.Count == 0 ? 1 : paper.Projects.Max(p => p.Number).ToString(CultureInfo.InvariantCulture).Length;
        var projects = paper.Projects.Count * (digits + 1);
        var points = paper.HasPoints ? paper.Projects.Count * 12 : 1;
        var answers = paper.Questions.Sum(q => q.Options.Count.ToString(CultureInfo.InvariantCulture).Length + 1);
        var size = projects + points + answers + 2;
        return Math.Max(Block, (size + Block - 1) / Block * Block);
    }

    private static byte[] Associated(int budgetId, string receipt) =>
        System.Text.Encoding.UTF8.GetBytes("cocreo-ballot|" + budgetId.ToString(CultureInfo.InvariantCulture) + "|" + receipt);
}
