using System.IO.Compression;
using Cocreo.OpinionMap.Polis;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>Limits of importing a Polis export. Bound from <c>Conversations:Import</c>.</summary>
public sealed class ConversationImportOptions
{
    public const string Section = "Conversations:Import";

    /// <summary>The largest upload (the whole request, files and form) the import page and API accept: 50 MB.</summary>
    public long MaxUploadBytes { get; set; } = 50_000_000;

    /// <summary>The most bytes the files of an uploaded zip may unpack to (a guard against zip bombs): 250 MB.</summary>
    public long MaxUnpackedBytes { get; set; } = 250_000_000;
}

/// <summary>What is wrong with an uploaded export, and where (file, line and column when known).</summary>
public sealed record ImportProblem(string? File, long? Line, int? Column, string Message);

/// <summary>An uploaded export that cannot be imported; nothing was imported.</summary>
public sealed class PolisImportException(ImportProblem problem) : Exception(problem.Message)
{
    public ImportProblem Problem => problem;
}

/// <summary>An uploaded file: its name as the browser sent it and its content.</summary>
public sealed record UploadedFile(string Name, Stream Content);

/// <summary>
/// Reads an uploaded Polis export — a .zip holding comments.csv and votes.csv (participants-votes.csv optional), or
/// those CSV files themselves — with the opinion-map engine's reader (<see cref="PolisExport.Read"/>), whose errors
/// name the file, line and column. The files are unpacked to a temporary folder that is deleted afterwards.
/// </summary>
public static class PolisUpload
{
    /// <summary>The files of an export that are read; others in a zip (summary.csv, ...) are ignored.</summary>
    public static readonly string[] Files = ["comments.csv", "votes.csv", "participants-votes.csv"];

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <exception cref="PolisImportException">The upload is not an export, or a file is malformed.</exception>
    public static async Task<PolisExport> ReadAsync(IReadOnlyList<UploadedFile> uploads, ConversationImportOptions options, IStringLocalizer<ImportText> t, CancellationToken cancellationToken)
    {
        if (uploads.Count == 0)
        {
            throw Fail(null, t["Choose the Polis export to import: a .zip file, or its comments.csv and votes.csv files."]);
        }
        var folder = Path.Combine(Path.GetTempPath(), "cocreo-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var budget = new Budget(options.MaxUnpackedBytes);
            if (uploads.Count == 1 && await StartsWithZipSignatureAsync(uploads[0].Content, cancellationToken))
            {
                await UnzipAsync(uploads[0], folder, budget, t, cancellationToken);
            }
            else
            {
                foreach (var upload in uploads)
                {
                    var name = Path.GetFileName(upload.Name.Replace('\\', '/')).ToLowerInvariant();
                    if (name == "summary.csv")
                    {
                        continue;
                    }
                    if (!Files.Contains(name))
                    {
                        throw Fail(Path.GetFileName(upload.Name), t["This is neither a .zip file nor one of the export's files (comments.csv, votes.csv, participants-votes.csv)."]);
                    }
                    var path = Path.Combine(folder, name);
                    if (File.Exists(path))
                    {
                        throw Fail(name, t["The file was uploaded twice."]);
                    }
                    await CopyAsync(upload.Content, path, name, budget, t, cancellationToken);
                }
            }
            if (!File.Exists(Path.Combine(folder, "comments.csv")))
            {
                throw Fail("comments.csv", t["The export has no comments.csv: it holds the statements and is needed."]);
            }
            if (!File.Exists(Path.Combine(folder, "votes.csv")) && !File.Exists(Path.Combine(folder, "participants-votes.csv")))
            {
                throw Fail("votes.csv", t["The export has no votes.csv (nor participants-votes.csv): it holds the votes and is needed."]);
            }
            PolisExport export;
            try
            {
                export = PolisExport.Read(folder);
            }
            catch (PolisFormatException e)
            {
                throw new PolisImportException(new ImportProblem(e.File, e.Line, e.Column, e.Problem));
            }
            Check(export, t);
            return export;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; the import's answer matters more.
            }
        }
    }

    /// <summary>The problem as one sentence, with its file, line and column.</summary>
    public static string Describe(ImportProblem problem, IStringLocalizer<ImportText> t) => problem switch
    {
        { File: { } file, Line: { } line, Column: { } column } => t["{0}, line {1}, column {2}: {3}", file, line, column, problem.Message],
        { File: { } file, Line: { } line } => t["{0}, line {1}: {2}", file, line, problem.Message],
        { File: { } file } => t["{0}: {1}", file, problem.Message],
        _ => problem.Message,
    };

    /// <summary>What the platform needs beyond what the engine reads: every statement has a text it can store.</summary>
    private static void Check(PolisExport export, IStringLocalizer<ImportText> t)
    {
        foreach (var statement in export.Conversation.Statements)
        {
            var length = StatementText.Tidy(statement.Text).Length;
            if (length == 0)
            {
                throw Fail("comments.csv", t["Statement {0} (comment-id) has no text.", statement.Id]);
            }
            if (length > ConversationLimits.LongestStatementLimit)
            {
                throw Fail("comments.csv", t["Statement {0} (comment-id) is too long ({1} characters); a statement can have at most {2} characters.", statement.Id, length, ConversationLimits.LongestStatementLimit]);
            }
        }
    }

    private static async Task UnzipAsync(UploadedFile upload, string folder, Budget budget, IStringLocalizer<ImportText> t, CancellationToken cancellationToken)
    {
        var zipName = Path.GetFileName(upload.Name);
        try
        {
            upload.Content.Position = 0;
            using var archive = new ZipArchive(upload.Content, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                var name = entry.Name.ToLowerInvariant();
                if (!Files.Contains(name))
                {
                    continue;
                }
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    throw Fail(zipName, t["The zip file holds {0} twice.", name]);
                }
                await using var content = entry.Open();
                await CopyAsync(content, path, name, budget, t, cancellationToken);
            }
        }
        catch (InvalidDataException)
        {
            throw Fail(zipName, t["The zip file is damaged and cannot be read."]);
        }
    }

    private static async Task<bool> StartsWithZipSignatureAsync(Stream content, CancellationToken cancellationToken)
    {
        var start = new byte[ZipSignature.Length];
        var read = await content.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        return read == start.Length && start.AsSpan().SequenceEqual(ZipSignature);
    }

    /// <summary>Copies a file, refusing it once the files together pass the unpacked limit (the sizes a zip states are not trusted).</summary>
    private static async Task CopyAsync(Stream content, string path, string name, Budget budget, IStringLocalizer<ImportText> t, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            budget.Left -= read;
            if (budget.Left < 0)
            {
                throw Fail(name, t["The files unpack to more than {0} MB, more than can be imported.", budget.Limit / 1_000_000]);
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static PolisImportException Fail(string? file, string message) => new(new ImportProblem(file, null, null, message));

    private sealed class Budget(long limit)
    {
        public long Limit { get; } = limit;

        public long Left { get; set; } = limit;
    }
}
