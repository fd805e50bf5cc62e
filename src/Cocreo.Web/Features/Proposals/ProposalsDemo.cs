using Cocreo.Web.Data;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// The demo city's library renewal takes proposals of its own (no budget): open, with supports limited to three per
/// participant; one is accepted with the library's answer, one is being evaluated, and one duplicate is merged. The
/// quiet room's proposal has a picture (a sketch of the room, drawn here) and a one-page PDF (its plan, written here).
/// </summary>
public sealed class ProposalsDemo(CocreoDbContext db) : IDemoSeed
{
    /// <summary>The proposals at the central library also have its place on the map (a link to OpenStreetMap on their pages).</summary>
    public const string DemoLibrary = "Central library";

    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var processId = city.Process("library");
        var staff = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        var participant = LogActor.Private("participant");
        var settings = ProposalSettings.TurnOn(processId);
        settings.Change(open: true, supportsEnabled: true, supportLimit: 3, "Opening hours\nServices\nRooms");
        db.Add(settings);
        await city.Log.AppendAsync(processId, staff, "proposals.configured", new { open = true, supports = true, supportLimit = 3, categories = settings.CategoryNames, turnedOn = true });
        (string Title, string Body, string Category, string Location)[] ideas =
        [
            ("Open until 21:00 on weekdays", "Working parents can only come in the evening. Keep the reading room open until 21:00 from Monday to Friday.", "Opening hours", "Central library"),
            ("A quiet room for exam study", "Students need a silent room with desks and sockets during the exam weeks.", "Rooms", "First floor"),
            ("Digital help desk for older people", "Volunteers help with e-mail, e-health and online forms twice a week.", "Services", ""),
            ("Evening opening on weekdays", "Please stay open in the evenings: most of us work until five.", "Opening hours", "Central library"),
        ];
        var proposals = new List<Proposal>();
        for (var i = 0; i < ideas.Length; i++)
        {
            city.Time.Advance(TimeSpan.FromHours(7));
            var (title, body, category, location) = ideas[i];
            var proposal = Proposal.PutForward(processId, settings, new ProcessProposalContent(title, body, category, location, "en", location == DemoLibrary ? 46.05132 : null, location == DemoLibrary ? 14.50368 : null), city.Citizens[i % city.Citizens.Count].Id, city.Time.Now);
            db.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            await city.Log.AppendAsync(processId, participant, "proposal.put-forward", new { proposal = proposal.Id, title, category });
            proposals.Add(proposal);
        }
        // The quiet room's proposal in Slovenian too, translated by its author: the Slovenian interface shows it with the note.
        proposals[1].Translate("sl", new ProposalTranslationContent("Tiha soba za učenje med izpiti",
            "Študenti med izpitnimi tedni potrebujejo tiho sobo z mizami in vtičnicami.", "Prvo nadstropje"), ProposalTranslator.Author, city.Time.Now);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "proposal.translated", new { proposal = proposals[1].Id, language = "sl", by = "author" });
        // The quiet room's proposal: a sketch and the room's plan as a PDF, through the same checks as an upload.
        var sketch = ImageFile.Reencode(DemoAttachments.Sketch()).File!;
        var image = ProposalImage.For(proposals[1].Id, sketch, "A sketch of the quiet room: six desks in two rows by the windows, each with a lamp.", city.Time.Now, proposals[1].AuthorUserId);
        var (plan, problem) = PdfFile.Prepare(DemoAttachments.Pdf("Quiet room for exam study: six desks, sockets at every desk, open 8:00-21:00 in exam weeks."), "Plan of the quiet room");
        if (problem is not null)
        {
            throw new InvalidOperationException($"The demo's PDF does not pass the document check: {problem}.");
        }
        var document = AttachedDocument.For(proposals[1].Id, "Plan of the quiet room", plan!, city.Time.Now, proposals[1].AuthorUserId);
        db.AddRange(image, document);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, participant, "proposal.attachment-added", new { proposal = proposals[1].Id, image = image.Id });
        await city.Log.AppendAsync(processId, participant, "proposal.attachment-added", new { proposal = proposals[1].Id, document = document.Id });
        // Supports: a few residents each, at most three each.
        for (var c = 0; c < city.Citizens.Count; c++)
        {
            foreach (var index in new[] { 0, 2, 3 }.Where((_, k) => (c + k) % 2 == 0))
            {
                db.Add(new ProposalSupport { ProposalId = proposals[index].Id, UserId = city.Citizens[c].Id });
                proposals[index].CountSupports(+1);
                await city.Log.AppendAsync(processId, participant, "proposal.supported", new { proposal = proposals[index].Id });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        city.Time.Advance(TimeSpan.FromDays(2));
        var supportsOfDuplicate = db.ChangeTracker.Entries<ProposalSupport>().Select(e => e.Entity).Where(s => s.ProposalId == proposals[3].Id).ToList();
        var alreadyOriginal = db.ChangeTracker.Entries<ProposalSupport>().Select(e => e.Entity).Where(s => s.ProposalId == proposals[0].Id).Select(s => s.UserId).ToHashSet();
        proposals[3].MergeIntoProposal(proposals[0]);
        var carried = 0;
        foreach (var support in supportsOfDuplicate)
        {
            if (alreadyOriginal.Add(support.UserId))
            {
                db.Add(new ProposalSupport { ProposalId = proposals[0].Id, UserId = support.UserId });
                carried++;
            }
            db.Remove(support);
        }
        proposals[0].CountSupports(carried);
        proposals[3].CountSupports(-proposals[3].SupportCount);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(processId, staff, "proposal.merged-into", new { duplicate = proposals[3].Id, into = proposals[0].Id, supportsCarriedOver = carried });
        city.Time.Advance(TimeSpan.FromDays(1));
        proposals[0].Answer(ProposalStatus.Accepted, "Accepted: from next month the central library stays open until 21:00 on Tuesdays and Thursdays as a pilot, and on every weekday if the pilot is used.", city.Time.Now);
        proposals[2].Answer(ProposalStatus.Evaluating, "We are asking the volunteer centre whether it can staff the desk twice a week.", city.Time.Now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var p in new[] { proposals[0], proposals[2] })
        {
            await city.Log.AppendAsync(processId, staff, "proposal.answered", new { proposal = p.Id, title = p.Title, status = p.Status.ToString(), reason = p.ReviewReason });
        }
    }
}

/// <summary>The demo's attachments, made in code: a sketch drawn with Skia and a one-page PDF written by hand.</summary>
internal static class DemoAttachments
{
    /// <summary>A sketch of a room with two rows of desks, as a PNG.</summary>
    public static byte[] Sketch()
    {
        using var bitmap = new SkiaSharp.SKBitmap(480, 320);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0xF4, 0xF1, 0xE8));
            using var wall = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0x55, 0x55, 0x55), Style = SkiaSharp.SKPaintStyle.Stroke, StrokeWidth = 6 };
            using var window = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0x9C, 0xC8, 0xE8) };
            using var desk = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0xA6, 0x7C, 0x52) };
            using var lamp = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0xF2, 0xC1, 0x4E) };
            canvas.DrawRect(20, 20, 440, 280, wall);
            for (var w = 0; w < 3; w++)
            {
                canvas.DrawRect(60 + w * 140, 14, 90, 12, window);
            }
            for (var row = 0; row < 2; row++)
            {
                for (var col = 0; col < 3; col++)
                {
                    var (x, y) = (60 + col * 140, 70 + row * 110);
                    canvas.DrawRect(x, y, 90, 50, desk);
                    canvas.DrawCircle(x + 75, y + 12, 8, lamp);
                }
            }
        }
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A valid one-page PDF with one line of text (Helvetica), with its cross-reference table.</summary>
    public static byte[] Pdf(string line)
    {
        var text = line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 12 Tf 40 780 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
