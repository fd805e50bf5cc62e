using Cocreo.Web.Features.Proposals;
using Cocreo.Web.Tests.Budgeting;
using static Cocreo.Web.Tests.Proposals.AttachmentScenario;

namespace Cocreo.Web.Tests.Proposals;

/// <summary>
/// The rewriting of an uploaded PDF, without the web: what acts in a viewer is gone, the pages and their text stay,
/// the title is the one typed; encrypted, unreadable and empty PDFs are refused.
/// </summary>
public sealed class PdfRewriterTests
{
    [Fact]
    public void Every_hostile_pdf_comes_out_with_its_page_and_text_and_nothing_that_acts()
    {
        foreach (var (name, bytes) in Hostile)
        {
            // The markers are there before, so their absence after means something.
            Assert.True(bytes.AsSpan().IndexOf("/JavaScript"u8) >= 0 || bytes.AsSpan().IndexOf("/Launch"u8) >= 0 || bytes.AsSpan().IndexOf("/EmbeddedFile"u8) >= 0, name);
            var (content, problem) = PdfFile.Prepare(bytes, "Plan of the square");
            Assert.True(problem is null, $"{name}: {problem}");
            var links = AssertClean(content!, "Plan of the square");
            Assert.Equal(name == "launch" ? new List<string> { SafeLink } : new List<string>(), links);
            Assert.Null(PdfFile.Check(content!));
        }
    }

    [Fact]
    public void A_plain_pdf_keeps_its_page_and_is_rewritten_again_the_same_way()
    {
        var (once, problem) = PdfFile.Prepare(Pdf, "Načrt trga");
        Assert.Null(problem);
        AssertClean(once!, "Načrt trga");
        var (twice, again) = PdfFile.Prepare(once!, "Načrt trga");
        Assert.Null(again);
        AssertClean(twice!, "Načrt trga");
    }

    [Fact]
    public void Encrypted_unreadable_and_empty_pdfs_are_refused_for_their_reason()
    {
        Assert.Equal(DocumentProblem.Encrypted, PdfFile.Prepare(EncryptedPdf(), "Plan").Problem);
        Assert.Equal(DocumentProblem.Damaged, PdfFile.Prepare(DamagedPdf, "Plan").Problem);
        Assert.Equal(DocumentProblem.NoPages, PdfFile.Prepare(EmptyPdf, "Plan").Problem);
        // The byte checks still come first.
        Assert.Equal(DocumentProblem.NotPdf, PdfFile.Prepare(TestImages.Html, "Plan").Problem);
        Assert.Equal(DocumentProblem.Empty, PdfFile.Prepare([], "Plan").Problem);
    }
}
