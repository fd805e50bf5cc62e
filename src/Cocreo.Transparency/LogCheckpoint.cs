using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cocreo.Transparency;

/// <summary>
/// A signed statement that a process's log had <see cref="Length"/> entries ending in <see cref="Head"/> at
/// <see cref="At"/>. Whoever keeps a copy (an observer, a mailbox, a newspaper) can later prove that the log still
/// contains that prefix: a log rolled back to fewer entries, or edited and re-chained, no longer has that head at that
/// length. The signature (ECDSA P-256, SHA-256) over the canonical encoding
/// <c>["cocreo.log-checkpoint.v1", processId, length, head, at, keyId]</c> shows the platform made it.
/// </summary>
/// <param name="ProcessId">The process whose log this is.</param>
/// <param name="Length">How many entries the log had.</param>
/// <param name="Head">The hash of the entry at <paramref name="Length"/> (the genesis hash for an empty log).</param>
/// <param name="At">When the checkpoint was made, UTC.</param>
/// <param name="KeyId">Which signing key signed it (<see cref="CheckpointKeys.KeyId"/>).</param>
/// <param name="Signature">The signature, base64 (IEEE P1363 form: r and s, 64 bytes).</param>
public sealed record LogCheckpoint(int ProcessId, long Length, string Head, DateTime At, string KeyId, string Signature)
{
    /// <summary>The value of a checkpoint file's <c>format</c> field.</summary>
    public const string Format = "cocreo.log-checkpoint.v1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The bytes that are signed.</summary>
    public static byte[] SignedBytes(int processId, long length, string head, DateTime at, string keyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"[\"{Format}\",{processId},{length},\"{head}\",\"{LogChain.FormatInstant(at)}\",\"{keyId}\"]"));

    /// <summary>Signs a checkpoint with the platform's private key.</summary>
    public static LogCheckpoint Sign(int processId, long length, string head, DateTime at, ECDsa key)
    {
        var keyId = CheckpointKeys.KeyId(key);
        var instant = LogChain.Truncate(at);
        var signature = key.SignData(SignedBytes(processId, length, head, instant, keyId), HashAlgorithmName.SHA256);
        return new LogCheckpoint(processId, length, head, instant, keyId, Convert.ToBase64String(signature));
    }

    /// <summary>Whether the signature was made by the private half of <paramref name="publicKey"/>.</summary>
    public bool IsSignedBy(ECDsa publicKey)
    {
        if (!string.Equals(KeyId, CheckpointKeys.KeyId(publicKey), StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            return publicKey.VerifyData(SignedBytes(ProcessId, Length, Head, At, KeyId), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The checkpoint as the JSON a feed, an e-mail or a file carries.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Document(Format, ProcessId, Length, Head, LogChain.FormatInstant(At), KeyId, Signature), Options);

    /// <summary>Reads a checkpoint file. Throws <see cref="LogExportException"/> naming what is wrong.</summary>
    public static LogCheckpoint Read(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException error)
        {
            throw new LogExportException($"Not a valid JSON checkpoint (line {error.LineNumber + 1}): {error.Message}");
        }
        if (document is null || document.Format != Format)
        {
            throw new LogExportException($"Not a Cocreo log checkpoint: the \"format\" field must be \"{Format}\".");
        }
        if (!DateTime.TryParse(document.At, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new LogExportException($"The checkpoint's \"at\" is not a date and time ({document.At}).");
        }
        return new LogCheckpoint(document.ProcessId, document.Length, document.Head ?? "", DateTime.SpecifyKind(at, DateTimeKind.Utc), document.KeyId ?? "", document.Signature ?? "");
    }

    /// <summary>
    /// Checks that <paramref name="entries"/> (a whole log, in order) still contain this checkpoint's prefix: at least
    /// <see cref="Length"/> entries, the one at that place with the checkpointed hash, and an intact chain up to it.
    /// </summary>
    public CheckpointCheck CheckAgainst(int processId, IReadOnlyList<LogRecord> entries)
    {
        if (processId != ProcessId)
        {
            return new CheckpointCheck(false, $"The checkpoint is of process {ProcessId}, the log of process {processId}.");
        }
        if (entries.Count < Length)
        {
            return new CheckpointCheck(false, $"Rolled back: the checkpoint of {LogChain.FormatInstant(At)} has {Length} entries, the log now only {entries.Count}.");
        }
        var prefix = LogChain.Verify(entries.Take((int)Length).ToList());
        if (!prefix.IsIntact)
        {
            return new CheckpointCheck(false, $"The log's first {Length} entries are broken: {prefix.Describe()}");
        }
        var head = Length == 0 ? LogChain.GenesisHash : entries[(int)Length - 1].Hash;
        return string.Equals(head, Head, StringComparison.Ordinal)
            ? new CheckpointCheck(true, $"The log contains the checkpoint of {LogChain.FormatInstant(At)}: entry {Length} has its hash.")
            : new CheckpointCheck(false, $"Rewritten: entry {Length} no longer has the hash the checkpoint of {LogChain.FormatInstant(At)} recorded (the log was edited and re-chained at or before it).");
    }

    private sealed record Document(
        string Format,
        int ProcessId,
        long Length,
        string? Head,
        string At,
        string? KeyId,
        [property: JsonPropertyName("signature")] string? Signature);
}

/// <summary>Whether a log still contains a checkpoint's prefix, in one English sentence.</summary>
/// <param name="Holds">True when the log contains the checkpointed prefix.</param>
/// <param name="Message">What was found.</param>
public sealed record CheckpointCheck(bool Holds, string Message);

/// <summary>The platform's checkpoint signing key: ECDSA P-256, kept as PEM, named by a short id.</summary>
public static class CheckpointKeys
{
    /// <summary>A new signing key.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The key's id: the first 16 hexadecimal digits of the SHA-256 of its public key (SubjectPublicKeyInfo).</summary>
    public static string KeyId(ECDsa key) =>
        Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16].ToLowerInvariant();

    /// <summary>The public key as PEM, as the platform publishes it.</summary>
    public static string PublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads a public or private key from PEM. Throws <see cref="LogExportException"/> when it is not one.</summary>
    public static ECDsa FromPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (ArgumentException error)
        {
            key.Dispose();
            throw new LogExportException($"Not an ECDSA key in PEM form: {error.Message}");
        }
        catch (CryptographicException error)
        {
            key.Dispose();
            throw new LogExportException($"Not an ECDSA key in PEM form: {error.Message}");
        }
    }
}
