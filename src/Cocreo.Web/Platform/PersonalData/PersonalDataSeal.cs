using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Platform.PersonalData;

public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>
    /// The key file that seals personal data at rest (needs, answers about a person, contacts), outside the database so
    /// that a copy of the database holds only ciphertext. Every instance reads the same file. Relative to the content root.
    /// </summary>
    public string KeyPath { get; set; } = "App_Data/keys/personal-data.keys";
}

/// <summary>
/// Seals a piece of personal data for storage and opens it again: AES-256-GCM (System.Security.Cryptography) with a
/// key from the key file, never from the database. A sealed value reads <c>pd1.{key id}.{base64url(nonce, ciphertext,
/// tag)}</c>; the purpose (e.g. <c>meeting-needs</c>) is bound in as associated data, so a value moved into another
/// column does not open. The key file holds one key per line (<c>{id} {base64}</c>); the last one seals, every one
/// opens, so a new key can be added (<c>personal-data add-key</c>) and what the older ones sealed re-sealed
/// (<c>personal-data reseal</c>) before they are removed.
/// </summary>
/// <remarks>
/// Written here rather than with ASP.NET Core data protection: its key ring lives in the database (so that instances
/// share it), which is exactly what a copy of the database must not hold, and its keys expire on a schedule made for
/// cookies rather than for records kept for months.
/// </remarks>
public sealed class PersonalDataSeal
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string Version = "pd1";

    /// <summary>What the migration that moved plain columns into a sealed one wrote, before any key was at hand; read, and re-sealed on the next save.</summary>
    public const string Unsealed = "pd0:";

    private readonly IReadOnlyDictionary<string, byte[]> keys;
    private readonly string current;

    public PersonalDataSeal(IOptions<PersonalDataOptions> options, IHostEnvironment environment)
        : this(Load(PathOf(options.Value, environment), create: !environment.IsProduction()))
    {
    }

    public PersonalDataSeal(IReadOnlyList<(string Id, byte[] Key)> ring)
    {
        if (ring.Count == 0)
        {
            throw new InvalidOperationException("The personal-data key file holds no key.");
        }
        keys = ring.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);
        current = ring[^1].Id;
    }

    /// <summary>The id of the key that seals now.</summary>
    public string CurrentKeyId => current;

    public string Seal(string plaintext, string purpose)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[current], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(purpose));
        return $"{Version}.{current}.{Base64Url.EncodeToString(output)}";
    }

    /// <summary>Opens a sealed value; throws <see cref="PersonalDataSealException"/> for a value that was changed, sealed for another purpose or with a key this file lacks.</summary>
    public string Open(string value, string purpose)
    {
        if (value.StartsWith(Unsealed, StringComparison.Ordinal))
        {
            return value[Unsealed.Length..];
        }
        var parts = value.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new PersonalDataSealException("A sealed value of personal data is malformed.");
        }
        if (!keys.TryGetValue(parts[1], out var key))
        {
            throw new PersonalDataSealException($"Personal data was sealed with key {parts[1]}, which the key file (PersonalData:KeyPath) does not hold. Restore that key in the file (every instance reads the same file).");
        }
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            throw new PersonalDataSealException("A sealed value of personal data is malformed.");
        }
        if (bytes.Length < NonceSize + TagSize)
        {
            throw new PersonalDataSealException("A sealed value of personal data is malformed.");
        }
        var length = bytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, length), bytes.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PersonalDataSealException("A sealed value of personal data does not open: it was changed, or sealed for something else.");
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the value was sealed with the current key (false for an unsealed or older one, which the next save re-seals).</summary>
    public bool IsCurrent(string value) => value.StartsWith($"{Version}.{current}.", StringComparison.Ordinal);

    public static string PathOf(PersonalDataOptions options, IHostEnvironment environment) =>
        Path.IsPathRooted(options.KeyPath) ? options.KeyPath : Path.Combine(environment.ContentRootPath, options.KeyPath);

    public static string MissingKey(string path) =>
        $"PersonalData:KeyPath names no key file ({path}). Create one with `dotnet Cocreo.Web.dll personal-data create-key --path {path}`, give every instance the same file and keep it out of database backups.";

    /// <summary>Reads the key file; outside production a missing one is made on first use, so `dotnet run` works at once.</summary>
    public static IReadOnlyList<(string Id, byte[] Key)> Load(string path, bool create)
    {
        if (!File.Exists(path))
        {
            if (!create)
            {
                throw new InvalidOperationException(MissingKey(path));
            }
            CreateFile(path);
        }
        var ring = new List<(string, byte[])>();
        foreach (var line in File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[] key;
            try
            {
                key = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : [];
            }
            catch (FormatException)
            {
                key = [];
            }
            if (key.Length != KeySize || parts[0] != IdOf(key))
            {
                throw new InvalidDataException($"The personal-data key file {path} is damaged: every line must be a key id and a {KeySize}-byte key in base64, as `personal-data add-key` writes them.");
            }
            ring.Add((parts[0], key));
        }
        return ring;
    }

    /// <summary>Makes the key file with one key if there is none (what `personal-data create-key` does, without refusing an existing one).</summary>
    public static void EnsureKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            CreateFile(path);
        }
    }

    /// <summary>
    /// Makes a key file with one new key, unless one appears meanwhile: written aside, then moved into place, so that
    /// of two instances starting at once both end up with the one file that was first.
    /// </summary>
    private static void CreateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var aside = path + "." + Guid.NewGuid().ToString("N") + ".new";
        AddKey(aside);
        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(aside);
        }
    }

    /// <summary>Appends a new key (the one that seals from now on) to the file, made readable by its owner only; returns its id.</summary>
    public static string AddKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var id = IdOf(key);
        var creation = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            creation.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new StreamWriter(new FileStream(path, creation)))
        {
            file.WriteLine($"{id} {Convert.ToBase64String(key)}");
            file.Flush();
        }
        return id;
    }

    /// <summary>A key's id: the first 8 hex digits of its SHA-256 (names the key in sealed values without revealing it).</summary>
    private static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];
}

public sealed class PersonalDataSealException(string message) : Exception(message);
