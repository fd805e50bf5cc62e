using System.CommandLine;
using Cocreo.Transparency;

namespace Cocreo.Cli.Log;

/// <summary><c>cocreo log verify</c>: checks a process log's hash chain, from an export file or in the database.</summary>
public static class LogCommand
{
    public const int Intact = 0;
    public const int Broken = 2;
    public const int Failed = 1;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A log exported from a process page (JSON). Omit to check the database.", Arity = ArgumentArity.ZeroOrOne };
        var process = new Option<int?>("--process") { Description = "Check this process in the database (default: every process)." };
        var provider = new Option<string?>("--provider") { Description = "Sqlite or PostgreSql (default: Database__Provider, else Sqlite)." };
        var connection = new Option<string?>("--connection") { Description = "The database connection string (default: Database__ConnectionString)." };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A signed checkpoint kept earlier (JSON): the log must still contain the entries it covers (with FILE)." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "The platform's public key (PEM, from /api/v1/transparency/signing-key) to check the checkpoint's signature with." };

        var verify = new Command("verify", "Check that no entry of a process log was edited, removed or reordered. Exit 0 when intact, 2 when broken, 1 on error.")
        {
            file, process, provider, connection, checkpoint, publicKey,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var path = parse.GetValue(file);
                if (path is null && parse.GetValue(checkpoint) is not null)
                {
                    await error.WriteLineAsync("--checkpoint checks a downloaded log: give the log's FILE too.");
                    return Failed;
                }
                return path is not null
                    ? await VerifyFileAsync(path, parse.GetValue(checkpoint), parse.GetValue(publicKey), output, error, cancellationToken)
                    : await VerifyDatabaseAsync(parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(process), output, error, cancellationToken);
            }
            catch (Exception failure) when (failure is LogStoreException or LogExportException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync(failure.Message);
                return Failed;
            }
        });
        return new Command("log", "The public process log.") { verify };
    }

    private static async Task<int> VerifyFileAsync(FileInfo path, FileInfo? checkpointFile, FileInfo? publicKeyFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var file in new[] { path, checkpointFile, publicKeyFile }.OfType<FileInfo>().Where(f => !f.Exists))
        {
            await error.WriteLineAsync($"{file.FullName}: no such file.");
            return Failed;
        }
        var parsed = LogExport.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken));
        var verification = parsed.Verify();
        await output.WriteLineAsync($"Process {parsed.ProcessId} ({parsed.Title}): {verification.Describe()}");
        if (checkpointFile is null)
        {
            return verification.IsIntact ? Intact : Broken;
        }
        var checkpoint = LogCheckpoint.Read(await File.ReadAllTextAsync(checkpointFile.FullName, cancellationToken));
        var holds = true;
        if (publicKeyFile is null)
        {
            await output.WriteLineAsync("Checkpoint signature: not checked (give --public-key with the platform's published key).");
        }
        else
        {
            using var key = CheckpointKeys.FromPem(await File.ReadAllTextAsync(publicKeyFile.FullName, cancellationToken));
            holds = checkpoint.IsSignedBy(key);
            await output.WriteLineAsync(holds
                ? $"Checkpoint signature: valid (key {checkpoint.KeyId})."
                : $"Checkpoint signature: NOT made with this key (the checkpoint names key {checkpoint.KeyId}, the key given is {CheckpointKeys.KeyId(key)}).");
        }
        var check = checkpoint.CheckAgainst(parsed.ProcessId, parsed.Entries);
        await output.WriteLineAsync($"Checkpoint: {check.Message}");
        return verification.IsIntact && holds && check.Holds ? Intact : Broken;
    }

    private static async Task<int> VerifyDatabaseAsync(string? provider, string? connection, int? processId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var store = await LogStore.OpenAsync(provider, connection, cancellationToken);
        var ids = processId is { } one ? [one] : await store.ProcessIdsAsync(cancellationToken);
        var broken = 0;
        foreach (var id in ids)
        {
            if (!await store.ExistsAsync(id, cancellationToken))
            {
                await error.WriteLineAsync($"There is no process {id}.");
                return Failed;
            }
            var verification = await store.VerifyAsync(id, cancellationToken);
            await output.WriteLineAsync($"Process {id}: {verification.Describe()}");
            broken += verification.IsIntact ? 0 : 1;
        }
        return broken == 0 ? Intact : Broken;
    }
}
