using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Processes;

/// <summary>What a person fills in to start or describe a process.</summary>
public sealed class ProcessForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(ProcessLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Describe the problem the process addresses.")]
    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string ProblemStatement { get; set; } = "";

    [Required(ErrorMessage = "Say what the process is for and what it will produce.")]
    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string Purpose { get; set; } = "";

    [Required(ErrorMessage = "Choose the language the content is written in.")]
    public string Language { get; set; } = "en";

    [Required(ErrorMessage = "List at least one thing participants can influence.")]
    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string CanInfluence { get; set; } = "";

    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? CannotInfluence { get; set; }

    [Required(ErrorMessage = "Name the sponsor who answers for the process.")]
    [StringLength(ProcessLimits.Name, ErrorMessage = "The name can have at most {1} characters.")]
    public string SponsorName { get; set; } = "";

    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? SponsorMandate { get; set; }

    [StringLength(ProcessLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? PoliticalBacking { get; set; }

    public ProcessVisibility Visibility { get; set; } = ProcessVisibility.Public;

    public Guid SubmissionId { get; set; }

    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0).ToList();

    public ProcessContent Content() =>
        new(Title, ProblemStatement, Purpose, Language, SponsorName, SponsorMandate ?? "", PoliticalBacking ?? "");

    /// <summary>What the process will read: the content, and the scope as lists of items.</summary>
    public ProcessDescription Description() =>
        new(Content(), Lines(CanInfluence), Lines(CannotInfluence), Visibility);

    /// <summary>Adds what attributes cannot check to the page's model state: the language and the sizes of the scope lists.</summary>
    public void Validate(ModelStateDictionary modelState, IStringLocalizer t, string prefix = "Input")
    {
        if (!ContentLanguages.IsKnown(Language))
        {
            modelState.AddModelError($"{prefix}.{nameof(Language)}", t["Choose the language the content is written in."]);
        }
        foreach (var (field, problem) in ScopeProblems())
        {
            modelState.AddModelError($"{prefix}.{field}", problem == ScopeProblem.TooManyItems
                ? t["List at most {0} items.", ProcessLimits.ScopeItems]
                : t["Each item can have at most {0} characters.", ProcessLimits.ScopeItem]);
        }
    }

    /// <summary>Checks what attributes cannot: the sizes of the scope lists.</summary>
    public IEnumerable<(string Field, ScopeProblem Problem)> ScopeProblems()
    {
        foreach (var (field, items) in new[] { (nameof(CanInfluence), Lines(CanInfluence)), (nameof(CannotInfluence), Lines(CannotInfluence)) })
        {
            if (items.Count > ProcessLimits.ScopeItems)
            {
                yield return (field, ScopeProblem.TooManyItems);
            }
            if (items.Any(i => i.Length > ProcessLimits.ScopeItem))
            {
                yield return (field, ScopeProblem.ItemTooLong);
            }
        }
    }

    public static ProcessForm From(Process process) => new()
    {
        Title = process.Title,
        ProblemStatement = process.ProblemStatement,
        Purpose = process.Purpose,
        Language = process.Language,
        CanInfluence = string.Join('\n', process.CanInfluence),
        CannotInfluence = string.Join('\n', process.CannotInfluence),
        SponsorName = process.SponsorName,
        SponsorMandate = process.SponsorMandate,
        PoliticalBacking = process.PoliticalBacking,
        Visibility = process.Visibility,
    };
}

/// <summary>A process's description as a change receives it: its content, its scope, who can see it.</summary>
public sealed record ProcessDescription(ProcessContent Content, IReadOnlyList<string> CanInfluence, IReadOnlyList<string> CannotInfluence, ProcessVisibility Visibility);

public enum ScopeProblem
{
    TooManyItems,
    ItemTooLong,
}

/// <summary>Languages process content can be written in, by their own names.</summary>
public static class ContentLanguages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("en", "English"), ("sl", "Slovenščina"), ("hr", "Hrvatski"), ("de", "Deutsch"), ("it", "Italiano"),
        ("hu", "Magyar"), ("fr", "Français"), ("es", "Español"), ("nl", "Nederlands"), ("pl", "Polski"),
        ("cs", "Čeština"), ("sk", "Slovenčina"), ("sr", "Srpski"), ("bs", "Bosanski"), ("pt", "Português"),
    ];

    public static bool IsKnown(string code) => All.Any(l => l.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(l => l.Code == code).Name ?? code;
}
