using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>
/// A draft as the team gives it: Markdown typed or pasted, or a file (.docx or .md). Read inside the change, after
/// permission is decided, so a person who may not import never has their file read; a file that cannot be read is
/// refused with the reason (422) and nothing is written.
/// </summary>
public sealed record DraftInput(string? Markdown, byte[]? File = null, string? FileName = null)
{
    public TextDraft Read()
    {
        if (File is { Length: > 0 } bytes)
        {
            var name = (FileName ?? "").ToLowerInvariant();
            if (name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".markdown", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal))
            {
                if (bytes.Length > TextLimits.MarkdownChars * 4)
                {
                    throw new TextRuleException("DraftTooLong", "Input.File", TextLimits.MarkdownChars);
                }
                return TextDraft.FromMarkdown(System.Text.Encoding.UTF8.GetString(bytes));
            }
            if (name.Length > 0 && !name.EndsWith(".docx", StringComparison.Ordinal))
            {
                throw new TextRuleException("FileType", "Input.File");
            }
            using var stream = new MemoryStream(bytes);
            return TextDraft.FromDocx(stream);
        }
        if (string.IsNullOrWhiteSpace(Markdown))
        {
            throw new TextRuleException("DraftMissing", "Input.Markdown");
        }
        return TextDraft.FromMarkdown(Markdown);
    }
}

/// <summary>
/// The team creates a participatory text from a draft: split into numbered sections, kept as a draft that only the
/// team sees until it publishes the first version (the review). Once per submission id. Logged with numbers only.
/// </summary>
public static class CreateText
{
    public sealed record Command(int ProcessId, string Title, DraftInput Draft, Guid SubmissionId) : IProcessTextsCommand, ISubmittedOnce;

    public sealed class Handler(TextAccess access, CocreoDbContext db) : TextsChange<Command, int>(access, TextAction.Manage)
    {
        public override async Task<int> RunAsync(Change<TextsTarget> change, Command command, CancellationToken cancellationToken)
        {
            var title = ParticipatoryText.CheckTitle(command.Title);
            var text = ParticipatoryText.Import(change.Target.Process.Process.Id, title, command.Draft.Read(), change.Now);
            db.Add(text);
            await change.SaveAsync(cancellationToken);
            change.Log("text.created", new { text = text.Id, sections = text.Draft.Count });
            return text.Id;
        }
    }
}

/// <summary>
/// The team imports the draft again (a new Markdown or .docx): the working draft changes, section by section in
/// order, keeping each section's comments and supports; the public still reads the last published version.
/// </summary>
public static class ImportDraft
{
    public sealed record Command(int TextId, DraftInput Draft) : ITextCommand;

    public sealed class Handler(TextAccess access) : TextChange<Command, bool>(access, TextAction.Manage)
    {
        public override Task<bool> RunAsync(Change<TextTarget> change, Command command, CancellationToken cancellationToken)
        {
            var text = change.Target.Text;
            if (!text.ReplaceDraft(command.Draft.Read()))
            {
                return Task.FromResult(false);
            }
            change.Log("text.draft-imported", new { text = text.Id, revision = text.DraftRevision, sections = text.Draft.Count });
            return Task.FromResult(true);
        }
    }
}

/// <summary>
/// The team publishes the working draft as the next version, with a public note on what changed and which
/// amendments were taken and why. The command names the number it publishes: a resubmitted form (the same
/// submission id) gets the first answer, and a second form for the same number changes nothing. Logged with ids and
/// numbers only; the process's followers are told (notifications, from the log entry).
/// </summary>
public static class PublishVersion
{
    public sealed record Command(int TextId, int Number, string? Note, Guid SubmissionId) : ITextCommand, ISubmittedOnce;

    public sealed record Outcome(bool Published, int Number);

    public sealed class Handler(TextAccess access, CocreoDbContext db) : TextChange<Command, Outcome>(access, TextAction.Manage)
    {
        public override async Task<Outcome> RunAsync(Change<TextTarget> change, Command command, CancellationToken cancellationToken)
        {
            var text = change.Target.Text;
            if (command.Number <= text.PublishedVersion)
            {
                return new Outcome(false, text.PublishedVersion);
            }
            var previous = text.PublishedVersion == 0 ? null
                : (await db.Set<TextVersion>().AsNoTracking().SingleAsync(v => v.TextId == text.Id && v.Number == text.PublishedVersion, cancellationToken)).Sections;
            var version = text.Publish(command.Number, command.Note, previous, change.Now);
            db.Add(version);
            var changed = previous is null ? version.Sections.Count : TextComparison.Of(previous, version.Sections).Count(s => s.Kind != SectionChangeKind.Same);
            change.Log("text.published", new { text = text.Id, version = version.Number, sections = version.Sections.Count, sectionsChanged = changed });
            return new Outcome(true, version.Number);
        }
    }
}

/// <summary>The team closes a published text (it takes no more comments or supports) or opens it again; again changes nothing.</summary>
public static class SetTextOpen
{
    public sealed record Command(int TextId, bool Open) : ITextCommand;

    public sealed class Handler(TextAccess access) : TextChange<Command, bool>(access, TextAction.Manage)
    {
        public override Task<bool> RunAsync(Change<TextTarget> change, Command command, CancellationToken cancellationToken)
        {
            var text = change.Target.Text;
            if (!text.SetOpen(command.Open, change.Now))
            {
                return Task.FromResult(false);
            }
            change.Log(command.Open ? "text.reopened" : "text.closed", new { text = text.Id });
            return Task.FromResult(true);
        }
    }
}

/// <summary>A resident supports a section of an open text, once; again changes nothing. Logged by role only.</summary>
public static class SupportSection
{
    public sealed record Command(int SectionId) : ISectionCommand;

    public sealed class Handler(TextAccess access, CocreoDbContext db) : SectionChange<Command, bool>(access, TextAction.Support)
    {
        public override async Task<bool> RunAsync(Change<SectionTarget> change, Command command, CancellationToken cancellationToken)
        {
            var userId = change.Target.Text.Access.UserId!;
            if (await db.Set<TextSectionSupport>().AnyAsync(s => s.SectionId == command.SectionId && s.UserId == userId, cancellationToken))
            {
                return false;
            }
            db.Add(new TextSectionSupport { SectionId = command.SectionId, UserId = userId, SupportedAt = change.Now });
            change.LogAs(TextsTarget.Participant, "text-section.supported", new { text = change.Target.Text.Text.Id, section = command.SectionId });
            return true;
        }
    }
}

/// <summary>A resident withdraws their support of a section; again changes nothing.</summary>
public static class WithdrawSectionSupport
{
    public sealed record Command(int SectionId) : ISectionCommand;

    public sealed class Handler(TextAccess access, CocreoDbContext db) : SectionChange<Command, bool>(access, TextAction.Support)
    {
        // Withdrawing is allowed also from a section an import removed.
        public override Decision Decide(SectionTarget target, Command command) => target.Text.Decide(TextAction.Support);

        public override async Task<bool> RunAsync(Change<SectionTarget> change, Command command, CancellationToken cancellationToken)
        {
            var userId = change.Target.Text.Access.UserId!;
            var support = await db.Set<TextSectionSupport>().SingleOrDefaultAsync(s => s.SectionId == command.SectionId && s.UserId == userId, cancellationToken);
            if (support is null)
            {
                return false;
            }
            db.Remove(support);
            change.LogAs(TextsTarget.Participant, "text-section.support-withdrawn", new { text = change.Target.Text.Text.Id, section = command.SectionId });
            return true;
        }
    }
}
