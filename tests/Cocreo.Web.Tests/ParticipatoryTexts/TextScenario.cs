using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Cocreo.Web.Features.ParticipatoryTexts;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Tests.ParticipatoryTexts;

/// <summary>Drafts in both formats, and texts put straight into the database for tests that need many.</summary>
public static class TextScenario
{
    public const string Charter = """
        Preamble: the city and its residents agree on this charter.

        # Walking first
        Pavements are at least two metres wide.

        Crossings are level with the pavement.

        ## School streets
        - Closed to cars when school starts.
        - Closed to cars when school ends.

        # Review
        The city reports every year.
        """;

    /// <summary>The same charter as a .docx, built with the Open XML SDK: headings styled Heading 1 and 2, a numbered list.</summary>
    public static byte[] CharterDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Para("Preamble: the city and its residents agree on this charter."),
                Para("Walking first", "Heading1"),
                Para("Pavements are at least two metres wide."),
                Para(""),
                Para("Crossings are level with the pavement."),
                Para("School streets", "Heading2"),
                ListItem("Closed to cars when school starts."),
                ListItem("Closed to cars when school ends."),
                Para("Review", "Heading1"),
                Para("The city reports", "Normal", " every year.")));
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null, string? more = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        }
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (more is not null)
        {
            paragraph.Append(new Run(new Text(more) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static Paragraph ListItem(string text) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
        new Run(new Text(text)));

    /// <summary>A text of the process straight into the database: drafted, or published as version 1, or closed after it.</summary>
    public static Task<(int TextId, int SectionId)> NewTextAsync(CocreoApp app, int processId, bool published = true, bool closed = false, string? supportedBy = null) => app.WithDbAsync(async db =>
    {
        var text = ParticipatoryText.Import(processId, "Charter " + Guid.NewGuid().ToString("N")[..6], TextDraft.FromMarkdown(Charter), DateTime.UtcNow);
        db.Add(text);
        await db.SaveChangesAsync();
        if (published)
        {
            db.Add(text.Publish(1, "", null, DateTime.UtcNow));
        }
        if (closed)
        {
            text.SetOpen(false, DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        var section = text.Draft[1].Id;
        if (supportedBy is not null)
        {
            db.Add(new TextSectionSupport { SectionId = section, UserId = supportedBy, SupportedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return (text.Id, section);
    });

    public static Task<int> TextsAsync(CocreoApp app, int processId) =>
        app.WithDbAsync(db => db.Set<ParticipatoryText>().CountAsync(t => t.ProcessId == processId));
}
