using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A document attached to a proposal of a process: a PDF with a title. Kept in the database, as pictures are (every
/// app instance serves it, backups hold it); the name of the file that was sent is never kept or used, the download's
/// name is made from the title.
/// </summary>
public sealed class AttachedDocument
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>What the document is, in the author's words; shown in the list and the download's file name.</summary>
    public string Title { get; private set; } = "";

    /// <summary>
    /// The bytes as stored: checked to be a PDF (<see cref="PdfFile"/>) and rewritten by <see cref="PdfRewriter"/> (pages
    /// only, nothing that acts). Documents stored before the rewriting existed are kept as they were sent.
    /// </summary>
    public byte[] Content { get; private set; } = [];

    public int Size { get; private set; }

    public DateTime AddedAt { get; private set; }

    /// <summary>The account that uploaded it (the author or a co-author), shown to moderators; null once that account was deleted (the document stays).</summary>
    public string? AddedByUserId { get; private set; }

    private AttachedDocument()
    {
    }

    /// <summary>A document for a saved proposal; the caller checked and rewrote the bytes with <see cref="PdfFile.Prepare"/> and checked the title.</summary>
    public static AttachedDocument For(int proposalId, string title, byte[] content, DateTime now, string? addedByUserId = null) => new()
    {
        ProposalId = proposalId,
        AddedByUserId = addedByUserId,
        Title = title,
        Content = content,
        Size = content.Length,
        AddedAt = now,
    };

    /// <summary>The uploader's account was deleted: the document stays, naming nobody.</summary>
    public void ForgetUploader() => AddedByUserId = null;
}

/// <summary>What pages show of a document, without its bytes.</summary>
public sealed record AttachedDocumentView(int Id, string Title, int Size);

/// <summary>Why an uploaded file is not accepted as a proposal's document.</summary>
public enum DocumentProblem
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>More than <see cref="PdfFile.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>It does not start with <c>%PDF-</c> or has no <c>%%EOF</c> near its end (a web page named x.pdf, a Word file, a cut-off PDF).</summary>
    NotPdf,

    /// <summary>It is encrypted: a password is needed to open it or to change it.</summary>
    Encrypted,

    /// <summary>PDFsharp cannot read it (a damaged file, or one that only looks like a PDF).</summary>
    Damaged,

    /// <summary>It has no pages.</summary>
    NoPages,
}

/// <summary>
/// The checks of a document: its bytes, never its name or the type the browser claimed. A PDF starts with
/// <c>%PDF-</c> and ends with <c>%%EOF</c> (followed at most by a few bytes of line ends or padding).
/// </summary>
public static class PdfFile
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxPerProposal = 5;

    public const int TitleLength = 200;

    /// <summary>How far from the end <c>%%EOF</c> may be (some writers pad the file after it).</summary>
    public const int EndWindow = 1024;

    /// <summary>For the file input's accept attribute (a hint to the browser only: the bytes are checked).</summary>
    public const string Accepted = "application/pdf,.pdf";

    private static readonly byte[] Start = "%PDF-"u8.ToArray();
    private static readonly byte[] End = "%%EOF"u8.ToArray();

    /// <summary>The problem with the bytes, or null when they are a PDF within the limit.</summary>
    public static DocumentProblem? Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return DocumentProblem.Empty;
        }
        if (content.Length > MaxBytes)
        {
            return DocumentProblem.TooLarge;
        }
        if (!content.StartsWith(Start))
        {
            return DocumentProblem.NotPdf;
        }
        var tail = content[Math.Max(Start.Length, content.Length - EndWindow)..];
        return tail.IndexOf(End) < 0 ? DocumentProblem.NotPdf : null;
    }

    /// <summary>
    /// The bytes to store: <see cref="Check"/>ed, then rewritten by <see cref="PdfRewriter"/> with the title as the
    /// PDF's title; or the problem.
    /// </summary>
    public static (byte[]? Content, DocumentProblem? Problem) Prepare(byte[] content, string title) =>
        Check(content) is { } problem ? (null, problem) : PdfRewriter.Rewrite(content, title);

    /// <summary>The rule broken by a document's problem, for its form field.</summary>
    public static ProposalRuleException Refusal(DocumentProblem problem, int size, string field) => problem switch
    {
        DocumentProblem.Empty => new ProposalRuleException("DocumentEmpty", field),
        DocumentProblem.TooLarge => new ProposalRuleException("DocumentTooLarge", field,
            (size / 1048576m).ToString("N1", CultureInfo.CurrentCulture), MaxBytes / 1048576),
        DocumentProblem.Encrypted => new ProposalRuleException("DocumentEncrypted", field),
        DocumentProblem.Damaged => new ProposalRuleException("DocumentDamaged", field),
        DocumentProblem.NoPages => new ProposalRuleException("DocumentNoPages", field),
        _ => new ProposalRuleException("DocumentNotPdf", field),
    };

    /// <summary>
    /// The download's file name made from the title: letters, digits and single dashes, at most 80 characters, with
    /// .pdf; the ASCII form (diacritics taken off) for old clients' <c>filename</c>. Nothing the uploader named survives.
    /// </summary>
    public static (string Utf8, string Ascii) FileName(string title)
    {
        var name = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }
        var utf8 = name.ToString().Trim('-');
        utf8 = utf8.Length > 80 ? utf8[..80].TrimEnd('-') : utf8;
        if (utf8.Length == 0)
        {
            utf8 = "document";
        }
        var ascii = new StringBuilder();
        foreach (var c in utf8.Normalize(NormalizationForm.FormD))
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
            {
                ascii.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && ascii.Length > 0 && ascii[^1] != '-')
            {
                ascii.Append('-');
            }
        }
        var plain = ascii.ToString().Trim('-');
        return (utf8 + ".pdf", (plain.Length == 0 ? "document" : plain) + ".pdf");
    }

    /// <summary>The Content-Disposition of a download: attachment, with the name in UTF-8 (RFC 6266 / 5987) and in ASCII.</summary>
    public static string Disposition(string title)
    {
        var (utf8, ascii) = FileName(title);
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(utf8)}";
    }
}

internal sealed class AttachedDocumentConfiguration : IEntityTypeConfiguration<AttachedDocument>
{
    public void Configure(EntityTypeBuilder<AttachedDocument> document)
    {
        document.ToTable("ProposalDocuments");
        document.Property(d => d.Title).HasMaxLength(PdfFile.TitleLength).IsRequired();
        document.Property(d => d.Content).IsRequired();
        document.Property(d => d.AddedByUserId).HasMaxLength(450);
        document.HasIndex(d => d.ProposalId);
        document.HasIndex(d => d.AddedByUserId);
        document.HasOne<Budgeting.Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
