using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// Rewrites an uploaded PDF before it is stored, so that nothing in it can act when a reader opens it in a PDF viewer.
/// The upload is opened with PDFsharp (import mode) and only its pages go into a new document: the catalog is not
/// copied, so document-level /OpenAction, /AA, /Names (JavaScript, embedded files), /AcroForm (and XFA),
/// /OCProperties, /Outlines, /StructTreeRoot and the upload's XMP /Metadata are gone (PDFsharp writes XMP of its own,
/// made from the new document's information: title, producer, dates). Each page keeps only the keys that draw it
/// (a list of what is allowed, not of what is not: page /AA, /PieceInfo, /Metadata and anything unknown go) and only
/// link annotations to an http(s) address, rebuilt with nothing but their rectangle, border and address (a chained
/// /Next action cannot ride along). Every other annotation goes: JavaScript, Launch, SubmitForm, ImportData,
/// GoToR/GoToE, internal links, form fields, file attachments, media, notes. The document information holds only the
/// title the uploader typed (no author, creator, subject or keywords). Encrypted (password-protected), unreadable and
/// empty (no pages) files are refused.
/// </summary>
public static class PdfRewriter
{
    /// <summary>The page keys that are kept: what places and draws the page's content.</summary>
    private static readonly HashSet<string> PageKeys =
    [
        "/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate", "/Contents",
        "/Group", "/UserUnit", "/Annots",
    ];

    /// <summary>The keys of a kept link annotation (its action is rebuilt apart).</summary>
    private static readonly string[] LinkKeys = ["/Rect", "/Border", "/BS", "/C", "/H", "/QuadPoints"];

    /// <summary>The rewritten bytes, or why the file is refused (<see cref="DocumentProblem.Encrypted"/>, <see cref="DocumentProblem.Damaged"/>, <see cref="DocumentProblem.NoPages"/>).</summary>
    public static (byte[]? Content, DocumentProblem? Problem) Rewrite(byte[] content, string title)
    {
        if (content.AsSpan().IndexOf("/Encrypt"u8) >= 0)
        {
            // The trailer's encryption dictionary is never itself encrypted or compressed: a password (to open or to change) is set.
            return (null, DocumentProblem.Encrypted);
        }
        var askedForPassword = false;
        PdfDocument? input;
        try
        {
            input = PdfReader.Open(new MemoryStream(content, writable: false), PdfDocumentOpenMode.Import, args =>
            {
                askedForPassword = true;
                args.Abort = true;
            });
        }
        catch (Exception) when (askedForPassword)
        {
            return (null, DocumentProblem.Encrypted);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, DocumentProblem.Damaged);
        }
        if (askedForPassword || input is null)
        {
            input?.Dispose();
            return (null, askedForPassword ? DocumentProblem.Encrypted : DocumentProblem.Damaged);
        }
        using (input)
        {
            try
            {
                if (input.PageCount == 0)
                {
                    return (null, DocumentProblem.NoPages);
                }
                using var output = new PdfDocument();
                output.Options.CompressContentStreams = true;
                foreach (var page in input.Pages)
                {
                    Clean(page, indirect: false);
                    output.AddPage(page);
                }
                foreach (var page in output.Pages)
                {
                    // Again on the copy: whatever the import added or kept is held to the same list.
                    Clean(page, indirect: true);
                }
                foreach (var key in output.Info.Elements.Keys.ToList())
                {
                    output.Info.Elements.Remove(key);
                }
                output.Info.Title = title;
                using var stream = new MemoryStream();
                output.Save(stream, closeStream: false);
                return (stream.ToArray(), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (null, DocumentProblem.Damaged);
            }
        }
    }

    /// <summary>Keeps the page's drawing keys and its http(s) links only.</summary>
    /// <remarks>On the upload (before the import) the links stay direct objects; on the new document each is its own object, as the /Annots array asks.</remarks>
    private static void Clean(PdfPage page, bool indirect)
    {
        foreach (var key in page.Elements.Keys.Where(k => !PageKeys.Contains(k)).ToList())
        {
            page.Elements.Remove(key);
        }
        if (page.Elements.GetObject("/Annots") is not PdfArray annotations)
        {
            page.Elements.Remove("/Annots");
            return;
        }
        var kept = new List<PdfDictionary>();
        foreach (var item in annotations.Elements)
        {
            if ((item is PdfReference reference ? reference.Value : item) is PdfDictionary annotation && SafeLink(annotation) is { } link)
            {
                kept.Add(link);
            }
        }
        if (kept.Count == 0)
        {
            page.Elements.Remove("/Annots");
            return;
        }
        var array = new PdfArray(page.Owner);
        foreach (var link in kept)
        {
            if (indirect)
            {
                page.Owner.Internals.AddObject(link);
                array.Elements.Add(link.Reference!);
            }
            else
            {
                array.Elements.Add(link);
            }
        }
        page.Elements["/Annots"] = array;
    }

    /// <summary>A new link annotation with the same place and its http(s) address, or null for anything else.</summary>
    private static PdfDictionary? SafeLink(PdfDictionary annotation)
    {
        if (annotation.Elements.GetName("/Subtype") != "/Link"
            || annotation.Elements.GetObject("/A") is not PdfDictionary action
            || action.Elements.GetName("/S") != "/URI"
            || Resolve(action.Elements["/URI"]) is not PdfString { Value: var uri }
            || !Uri.TryCreate(uri, UriKind.Absolute, out var address)
            || address.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var link = new PdfDictionary(annotation.Owner);
        link.Elements.SetName("/Type", "/Annot");
        link.Elements.SetName("/Subtype", "/Link");
        foreach (var key in LinkKeys)
        {
            var value = Resolve(annotation.Elements[key]);
            if (value is PdfArray or PdfName or PdfDictionary { Stream: null })
            {
                link.Elements[key] = value;
            }
        }
        var clean = new PdfDictionary(annotation.Owner);
        clean.Elements.SetName("/S", "/URI");
        clean.Elements["/URI"] = new PdfString(address.AbsoluteUri);
        link.Elements["/A"] = clean;
        return link;
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
