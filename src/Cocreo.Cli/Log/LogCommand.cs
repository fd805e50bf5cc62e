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

        var verify = new Command("verify", "Check that no entry of a process log was edited, removed or reordered. Exit 0 when intact, 2 when broken, 1 on error.")
        {
            file, process, provider, connection,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var path = parse.GetValue(file);
                return path is not null
                    ? await VerifyFileAsync(path, output, error, cancellationToken)
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

    private static async Task<int> VerifyFileAsync(FileInfo path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            await error.WriteLineAsync($"{path.FullName}: no such file.");
            return Failed;
        }
        var parsed = LogExport.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken));
        var verification = parsed.Verify();
        await output.WriteLineAsync($"Process {parsed.ProcessId} ({parsed.Title}): {verification.Describe()}");
        return verification.IsIntact ? Intact : Broken;
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
