using Cocreo.Web.Features.Budgeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A process's proposals, turned on by its team: whether it takes new ones, whether people support them, and how many
/// proposals one participant may support in the process (0: no limit). No row: the process has no proposals of its own
/// (budget projects live in its budgets).
/// </summary>
public sealed class ProposalSettings
{
    public int ProcessId { get; private set; }

    /// <summary>Residents may put forward new proposals.</summary>
    public bool Open { get; private set; }

    /// <summary>Residents may support proposals.</summary>
    public bool SupportsEnabled { get; private set; }

    /// <summary>How many proposals of the process one participant may support at once; 0: as many as they like.</summary>
    public int SupportLimit { get; private set; }

    /// <summary>The categories a proposal may have, one a line (none: proposals have no category).</summary>
    public string Categories { get; private set; } = "";

    public IReadOnlyList<string> CategoryNames => Categories.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private ProposalSettings()
    {
    }

    public static ProposalSettings TurnOn(int processId) => new() { ProcessId = processId, Open = true, SupportsEnabled = true };

    /// <summary>Changes the settings; returns false when nothing changed.</summary>
    public bool Change(bool open, bool supportsEnabled, int supportLimit, string? categories = null)
    {
        var names = (categories ?? Categories).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (names.Count > BudgetLimits.Categories || names.Any(n => n.Length > BudgetLimits.Title))
        {
            throw new ProposalRuleException("CategoriesRange", "Input.Categories", BudgetLimits.Categories, BudgetLimits.Title);
        }
        var list = string.Join('\n', names);
        if (supportLimit is < 0 or > ProposalLimits.MaxSupportLimit)
        {
            throw new ProposalRuleException("SupportLimitRange", "Input.SupportLimit", ProposalLimits.MaxSupportLimit);
        }
        if (open == Open && supportsEnabled == SupportsEnabled && supportLimit == SupportLimit && list == Categories)
        {
            return false;
        }
        (Open, SupportsEnabled, SupportLimit, Categories) = (open, supportsEnabled, supportLimit, list);
        return true;
    }
}

/// <summary>What a resident writes when they put forward a proposal of a process.</summary>
/// <summary><see cref="Latitude"/> and <see cref="Longitude"/>: where it would be on a map, optional, both or neither.</summary>
public sealed record ProcessProposalContent(string Title, string Body, string Category, string Location, string? Language = null, double? Latitude = null, double? Longitude = null);

public static class ProposalLimits
{
    public const int MaxSupportLimit = 1_000;
    public const int PageSize = 20;
}

/// <summary>A rule about a process's proposals was broken.</summary>
public sealed class ProposalRuleException(string code, string? formField = null, params object[] arguments) : Platform.Changes.RuleException(code)
{
    public override string Text => ProposalRules.Message(Code);

    public override string? Field => formField;

    public override object[] Arguments => arguments;
}

/// <summary>The messages of <see cref="ProposalRuleException"/> and the checks of what residents write.</summary>
public static class ProposalRules
{
    public static string Message(string code) => code switch
    {
        "ProposalsClosed" => "This process is not taking new proposals now.",
        "TitleMissing" => "Enter a title.",
        "TitleTooLong" => "The title can have at most {0} characters.",
        "BodyMissing" => "Describe your proposal.",
        "BodyTooLong" => "The description can have at most {0} characters.",
        "TooLong" => "This can have at most {0, plural, one {# character} other {# characters}}.",
        "BudgetProject" => "This is a budget project: its budget's team reviews it.",
        "AnswerStatus" => "Choose evaluating, accepted or rejected.",
        "ProposalMerged" => "This proposal was merged into another one.",
        "ProposalWithdrawn" => "Its author withdrew this proposal.",
        "ProposalAnswered" => "The organisation has answered this proposal: it can no longer be withdrawn.",
        "ReasonMissing" => "Give the public reason of your answer.",
        "ReasonTooLong" => "The reason can have at most {0} characters.",
        "CannotMerge" => "Choose another open proposal of the same process to merge into.",
        "SupportLimitRange" => "The limit is a number from 0 (no limit) to {0}.",
        "CategoriesRange" => "Give at most {0} categories, one a line, each of at most {1} characters.",
        "UnknownCategory" => "Choose one of the process's categories.",
        "ProposalNotEditable" => "A proposal can be edited until it is accepted, rejected, merged or withdrawn.",
        "EmailInvalid" => "Enter an e-mail address, such as name@example.org.",
        "TooManyCoAuthors" => "A proposal can have at most {0} co-authors and invitations.",
        "InvitationUsed" => "Someone else has accepted this invitation already.",
        "InviteYourself" => "You are already an author of this proposal.",
        "SupportLimitReached" => "You support as many proposals as this process allows ({0}): withdraw a support first.",
        "ImageAltMissing" => "Describe what the picture shows, for people who cannot see it.",
        "TooManyImages" => "A proposal can have at most {0, plural, one {# picture} other {# pictures}}: remove one first.",
        "DocumentTitleMissing" => "Give the document a title, such as “Plan of the square”.",
        "DocumentEmpty" => "The file is empty (0 bytes). Choose the PDF again, or another one.",
        "DocumentTooLarge" => "The file is {0} MB; a document can be at most {1, plural, one {# MB} other {# MB}}. Save the PDF smaller and choose it again.",
        "DocumentNotPdf" => "The file is not a PDF document (its content, not its name, is checked). Save or export it as PDF and choose it again.",
        "DocumentEncrypted" => "The PDF is protected with a password, so it cannot be checked and cleaned. Save it without a password and choose it again.",
        "DocumentDamaged" => "The file cannot be read as a PDF: it is damaged or not a PDF. Save or export it as PDF again and choose it again.",
        "DocumentNoPages" => "The PDF has no pages. Choose a PDF with at least one page.",
        "TooManyDocuments" => "A proposal can have at most {0, plural, one {# document} other {# documents}}: remove one first.",
        "ChooseFile" => "Choose the file to add.",
        "UnknownLanguage" => "Choose one of the languages in the list.",
        "TranslationSameLanguage" => "Choose a language other than the one the proposal is written in.",
        "CoordinatesPair" => "Give both the latitude and the longitude, or leave both empty.",
        "LatitudeRange" => "The latitude is a number of degrees from -90 to 90, such as 46.05108.",
        "LongitudeRange" => "The longitude is a number of degrees from -180 to 180, such as 14.50513.",
        "CoordinateNumber" => "Write the coordinate as a number of degrees, such as 46.05108.",
        _ => code,
    };

    /// <summary>The title and body trimmed, or the rule they break.</summary>
    public static (string Title, string Body) Text(string? title, string? body)
    {
        var t = (title ?? "").Trim();
        var b = (body ?? "").Trim();
        if (t.Length == 0)
        {
            throw new ProposalRuleException("TitleMissing", "Input.Title");
        }
        if (t.Length > BudgetLimits.Title)
        {
            throw new ProposalRuleException("TitleTooLong", "Input.Title", BudgetLimits.Title);
        }
        if (b.Length == 0)
        {
            throw new ProposalRuleException("BodyMissing", "Input.Body");
        }
        if (b.Length > BudgetLimits.LongText)
        {
            throw new ProposalRuleException("BodyTooLong", "Input.Body", BudgetLimits.LongText);
        }
        return (t, b);
    }

    /// <summary>
    /// A place on the map, optional: both coordinates or neither, the latitude from -90 to 90 and the longitude from
    /// -180 to 180 (WGS 84 degrees), rounded to 5 decimals (about a metre: more would say nothing more about the place).
    /// </summary>
    public static (double? Latitude, double? Longitude) Coordinates(double? latitude, double? longitude)
    {
        if (latitude is null && longitude is null)
        {
            return (null, null);
        }
        if (latitude is not { } lat || longitude is not { } lon)
        {
            throw new ProposalRuleException("CoordinatesPair", latitude is null ? "Input.Latitude" : "Input.Longitude");
        }
        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            throw new ProposalRuleException("LatitudeRange", "Input.Latitude");
        }
        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            throw new ProposalRuleException("LongitudeRange", "Input.Longitude");
        }
        return (Math.Round(lat, 5), Math.Round(lon, 5));
    }

    /// <summary>
    /// A coordinate as typed on a form: empty is none (null, true); a number of degrees with a decimal point or a
    /// decimal comma (46.05108 or 46,05108, whatever the page's language) is that number; anything else is not
    /// understood (null, false).
    /// </summary>
    public static (double? Value, bool Understood) ParseDegrees(string? typed)
    {
        var text = (typed ?? "").Trim().Replace(',', '.').Replace('\u2212', '-');
        if (text.Length == 0)
        {
            return (null, true);
        }
        return double.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? (value, true)
            : (null, false);
    }

    /// <summary>A short optional field trimmed, or the rule it breaks.</summary>
    public static string Short(string? value, string field)
    {
        var v = (value ?? "").Trim();
        return v.Length > BudgetLimits.Title ? throw new ProposalRuleException("TooLong", field, BudgetLimits.Title) : v;
    }
}

internal sealed class ProposalSettingsConfiguration : IEntityTypeConfiguration<ProposalSettings>
{
    public void Configure(EntityTypeBuilder<ProposalSettings> settings)
    {
        settings.ToTable("ProcessProposalSettings");
        settings.HasKey(s => s.ProcessId);
        settings.Property(s => s.ProcessId).ValueGeneratedNever();
        settings.Property(s => s.Categories).HasMaxLength(BudgetLimits.Categories * (BudgetLimits.Title + 1));
        settings.HasOne<Processes.Process>().WithOne().HasForeignKey<ProposalSettings>(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}
