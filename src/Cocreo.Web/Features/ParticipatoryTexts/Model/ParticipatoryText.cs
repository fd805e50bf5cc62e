using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>Where a participatory text stands.</summary>
public enum TextState
{
    /// <summary>Imported, under review by the team; nobody else sees it until its first version is published.</summary>
    Draft,

    /// <summary>Published: people read it section by section, comment, support and (later) amend.</summary>
    Open,

    /// <summary>Closed by the team: readable with its history, takes no comments or supports.</summary>
    Closed,
}

/// <summary>The limits of what a participatory text holds (checked on import, whatever the format).</summary>
public static class TextLimits
{
    public const int Title = 200;

    /// <summary>The public note of a version (what changed, which amendments were taken and why).</summary>
    public const int Note = 4000;

    /// <summary>A draft typed or pasted as Markdown.</summary>
    public const int MarkdownChars = 200_000;

    /// <summary>An uploaded .docx (its zip, not its text).</summary>
    public const int DocxBytes = 5 * 1024 * 1024;

    /// <summary>What the Open XML SDK may read of one part (a zip that unpacks to gigabytes stops here).</summary>
    public const long DocxPartChars = 20_000_000;

    public const int Sections = 300;

    public const int Heading = 300;

    public const int Article = 20_000;
}

/// <summary>
/// A draft text of a process (a charter, a regulation) that people improve section by section. The working draft is
/// <see cref="Sections"/> (what the team imports again or amendments change); the public reads the last of its
/// <see cref="TextVersion"/>s, each a frozen copy. Sections keep their id across imports (matched by position), so a
/// section's comments and supports stay with it; a section that an import no longer has is marked removed, not deleted.
/// </summary>
public sealed class ParticipatoryText
{
    public int Id { get; private set; }

    public int ProcessId { get; private set; }

    public string Title { get; private set; } = "";

    public TextState State { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The number of the last published version; 0 before the first.</summary>
    public int PublishedVersion { get; private set; }

    /// <summary>Moves with every change of the working draft (an import, an accepted amendment).</summary>
    public int DraftRevision { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>A concurrency token: two parallel publishes or imports never both win on one old draft.</summary>
    public int Version { get; private set; }

    public List<TextSection> Sections { get; private set; } = [];

    private ParticipatoryText()
    {
    }

    public static ParticipatoryText Import(int processId, string title, TextDraft draft, DateTime now)
    {
        var text = new ParticipatoryText { ProcessId = processId, Title = CheckTitle(title), State = TextState.Draft, CreatedAt = now };
        text.ReplaceDraft(draft);
        return text;
    }

    public static string CheckTitle(string? title)
    {
        var trimmed = (title ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new TextRuleException("TitleMissing", "Input.Title");
        }
        return trimmed.Length > TextLimits.Title ? throw new TextRuleException("TitleTooLong", "Input.Title", TextLimits.Title) : trimmed;
    }

    /// <summary>The sections of the working draft in order (without those removed).</summary>
    public IReadOnlyList<TextSection> Draft => Sections.Where(s => !s.Removed).OrderBy(s => s.Position).ToList();

    /// <summary>
    /// The team imports the draft again: section N of the import replaces section N of the working draft (same id,
    /// same comments), new positions become new sections, positions the import no longer has are marked removed.
    /// Returns false when the import is the working draft as it is.
    /// </summary>
    public bool ReplaceDraft(TextDraft draft)
    {
        if (State == TextState.Closed)
        {
            throw new TextRuleException("TextClosed");
        }
        var current = Draft;
        if (current.Count == draft.Sections.Count && current.Zip(draft.Sections).All(p => p.First.Heading == p.Second.Heading && p.First.Articles.SequenceEqual(p.Second.Articles)))
        {
            return false;
        }
        var byPosition = Sections.ToDictionary(s => s.Position);
        for (var i = 0; i < draft.Sections.Count; i++)
        {
            var (heading, articles) = draft.Sections[i];
            if (byPosition.TryGetValue(i + 1, out var section))
            {
                section.Rewrite(heading, articles);
            }
            else
            {
                Sections.Add(TextSection.New(i + 1, heading, articles));
            }
        }
        foreach (var extra in Sections.Where(s => s.Position > draft.Sections.Count))
        {
            extra.Remove();
        }
        DraftRevision++;
        Version++;
        return true;
    }

    /// <summary>
    /// The working draft becomes version <paramref name="number"/> (the next one). Refused when the draft is what the
    /// last version already says: a version must change something.
    /// </summary>
    public TextVersion Publish(int number, string? note, IReadOnlyList<TextVersion.SectionCopy>? previous, DateTime now)
    {
        if (State == TextState.Closed)
        {
            throw new TextRuleException("TextClosed");
        }
        if (number != PublishedVersion + 1)
        {
            throw new TextRuleException("VersionMoved", null, PublishedVersion);
        }
        var text = (note ?? "").Trim();
        if (text.Length > TextLimits.Note)
        {
            throw new TextRuleException("NoteTooLong", "Input.Note", TextLimits.Note);
        }
        if (number > 1 && text.Length == 0)
        {
            throw new TextRuleException("NoteMissing", "Input.Note");
        }
        var copy = Draft.Select(s => new TextVersion.SectionCopy(s.Id, s.Position, s.Heading, s.Articles)).ToList();
        if (previous is not null && TextVersion.Same(previous, copy))
        {
            throw new TextRuleException("NothingChanged", null, PublishedVersion);
        }
        PublishedVersion = number;
        State = TextState.Open;
        Version++;
        return TextVersion.Of(Id, number, text, copy, now);
    }

    /// <summary>
    /// An accepted amendment rewrites one section of the working draft: its heading and its articles (the body's
    /// paragraphs, each made one line). The published versions do not change. False when it says what the section says.
    /// </summary>
    public bool AmendSection(TextSection section, string heading, string body)
    {
        if (State == TextState.Closed)
        {
            throw new TextRuleException("TextClosed");
        }
        var articles = TextDraft.FromMarkdown("# x\n" + body.Replace("\r\n", "\n", StringComparison.Ordinal)).Sections.SelectMany(s => s.Articles).ToList();
        var title = heading.Trim();
        if (title == section.Heading && articles.SequenceEqual(section.Articles))
        {
            return false;
        }
        section.Rewrite(title.Length > TextLimits.Heading ? throw new TextRuleException("HeadingTooLong", null, TextLimits.Heading) : title, articles);
        DraftRevision++;
        Version++;
        return true;
    }

    /// <summary>Closes the published text (no more comments or supports) or opens it again; false when it already is.</summary>
    public bool SetOpen(bool open, DateTime now)
    {
        if (PublishedVersion == 0)
        {
            throw new TextRuleException("NotPublished");
        }
        if (open == (State == TextState.Open))
        {
            return false;
        }
        State = open ? TextState.Open : TextState.Closed;
        ClosedAt = open ? null : now;
        Version++;
        return true;
    }
}

/// <summary>One numbered section of a text's working draft: its heading and its articles (paragraphs, list items).</summary>
public sealed class TextSection
{
    public int Id { get; private set; }

    public int TextId { get; private set; }

    /// <summary>Its number in the working draft (1, 2, ...).</summary>
    public int Position { get; private set; }

    public string Heading { get; private set; } = "";

    /// <summary>The articles, one a paragraph, as stored (<see cref="Articles"/> reads them).</summary>
    public string Body { get; private set; } = "";

    /// <summary>No longer in the working draft (an import had fewer sections); its comments stay readable.</summary>
    public bool Removed { get; private set; }

    private TextSection()
    {
    }

    public IReadOnlyList<string> Articles => TextDraft.Split(Body);

    internal static TextSection New(int position, string heading, IReadOnlyList<string> articles) =>
        new() { Position = position, Heading = heading, Body = TextDraft.Join(articles) };

    internal void Rewrite(string heading, IReadOnlyList<string> articles)
    {
        Heading = heading;
        Body = TextDraft.Join(articles);
        Removed = false;
    }

    internal void Remove() => Removed = true;
}

/// <summary>A published version of a text: its number, when, the team's public note, and a frozen copy of its sections.</summary>
public sealed class TextVersion
{
    /// <summary>A section as a version froze it (the section's id links it to its debate and supports).</summary>
    public sealed record SectionCopy(int SectionId, int Number, string Heading, IReadOnlyList<string> Articles);

    public int Id { get; private set; }

    public int TextId { get; private set; }

    public int Number { get; private set; }

    public DateTime PublishedAt { get; private set; }

    /// <summary>What changed and which amendments were taken and why, in the team's words (Markdown).</summary>
    public string Note { get; private set; } = "";

    /// <summary>The sections as JSON (<see cref="Sections"/> reads them).</summary>
    public string Content { get; private set; } = "[]";

    private TextVersion()
    {
    }

    internal static TextVersion Of(int textId, int number, string note, IReadOnlyList<SectionCopy> sections, DateTime now) =>
        new() { TextId = textId, Number = number, Note = note, PublishedAt = now, Content = JsonSerializer.Serialize(sections) };

    public IReadOnlyList<SectionCopy> Sections => JsonSerializer.Deserialize<List<SectionCopy>>(Content) ?? [];

    /// <summary>Whether two copies say the same (headings and articles, in order).</summary>
    public static bool Same(IReadOnlyList<SectionCopy> a, IReadOnlyList<SectionCopy> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Heading == p.Second.Heading && p.First.Articles.SequenceEqual(p.Second.Articles));

    /// <summary>The text as Markdown: each section a heading, each article a paragraph.</summary>
    public string Markdown => TextDraft.ToMarkdown(Sections.Select(s => (s.Heading, s.Articles)));
}

/// <summary>A person's support of a section, once each.</summary>
public sealed class TextSectionSupport
{
    public int Id { get; set; }

    public int SectionId { get; set; }

    public string UserId { get; set; } = "";

    public DateTime SupportedAt { get; set; }
}

public sealed class TextRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => TextRules.Message(Code);

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

/// <summary>The messages of <see cref="TextRuleException"/> (keys of the capability's localised text).</summary>
public static class TextRules
{
    public static string Message(string code) => code switch
    {
        "TitleMissing" => "Enter a title.",
        "TitleTooLong" => "The title can have at most {0} characters.",
        "DraftMissing" => "Paste the draft as Markdown or choose a .docx or .md file.",
        "DraftEmpty" => "The draft has no text: nothing to split into sections.",
        "DraftTooLong" => "The draft can have at most {0} characters.",
        "TooManySections" => "The draft can have at most {0} sections.",
        "HeadingTooLong" => "A heading can have at most {0} characters.",
        "ArticleTooLong" => "A paragraph can have at most {0} characters.",
        "DocxTooLarge" => "The file is larger than {0} MB.",
        "DocxNotZip" => "This file is not a .docx: a .docx is a zip archive, and this one is not.",
        "DocxEncrypted" => "This file is encrypted or protected by a password (or an old .doc): save it as .docx without a password.",
        "DocxNoDocument" => "This zip has no Word document part: is it really a .docx?",
        "DocxUnreadable" => "This .docx cannot be read: {0}",
        "DocxEmpty" => "The document has no text: nothing to split into sections.",
        "FileType" => "Choose a .docx or .md file.",
        "TextClosed" => "This text is closed: reopen it first.",
        "VersionMoved" => "Someone published version {0} meanwhile: look at it before publishing again.",
        "NoteMissing" => "Say in a public note what changed and which amendments were taken and why.",
        "NoteTooLong" => "The note can have at most {0} characters.",
        "NothingChanged" => "The working draft says what version {0} says: nothing to publish.",
        "NotPublished" => "Publish the first version before opening or closing the text.",
        _ => code,
    };
}

internal sealed class ParticipatoryTextConfiguration : IEntityTypeConfiguration<ParticipatoryText>, IEntityTypeConfiguration<TextSection>,
    IEntityTypeConfiguration<TextVersion>, IEntityTypeConfiguration<TextSectionSupport>
{
    public void Configure(EntityTypeBuilder<ParticipatoryText> builder)
    {
        builder.ToTable("ParticipatoryTexts");
        builder.Ignore(t => t.Draft);
        builder.Property(t => t.Title).HasMaxLength(TextLimits.Title);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.ProcessId);
        builder.HasOne<Processes.Process>().WithMany().HasForeignKey(t => t.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Sections).WithOne().HasForeignKey(s => s.TextId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TextSection> builder)
    {
        builder.ToTable("TextSections");
        builder.Ignore(s => s.Articles);
        builder.Property(s => s.Heading).HasMaxLength(TextLimits.Heading);
        builder.HasIndex(s => new { s.TextId, s.Position }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TextVersion> builder)
    {
        builder.ToTable("ParticipatoryTextVersions");
        builder.Ignore(v => v.Sections);
        builder.Ignore(v => v.Markdown);
        builder.Property(v => v.Note).HasMaxLength(TextLimits.Note);
        builder.HasIndex(v => new { v.TextId, v.Number }).IsUnique();
        builder.HasOne<ParticipatoryText>().WithMany().HasForeignKey(v => v.TextId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TextSectionSupport> builder)
    {
        builder.ToTable("TextSectionSupports");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.SectionId, s.UserId }).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<TextSection>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
