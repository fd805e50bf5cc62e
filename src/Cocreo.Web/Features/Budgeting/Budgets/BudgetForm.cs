using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The settings form of a budget, for creating it and for changing it until voting opens.</summary>
public sealed class BudgetForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(BudgetLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(BudgetLimits.Title, ErrorMessage = "The district can have at most {1} characters.")]
    public string? District { get; set; }

    [StringLength(BudgetLimits.LongText, ErrorMessage = "This text can have at most {1} characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter the amount to spend.")]
    [RegularExpression(MoneyInput.Pattern, ErrorMessage = "Enter an amount such as 250000 or 250000.50.")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Enter the currency as its three-letter code, such as EUR.")]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Enter the currency as its three-letter code, such as EUR.")]
    public string Currency { get; set; } = "EUR";

    [StringLength(4000, ErrorMessage = "This text can have at most {1} characters.")]
    public string? Categories { get; set; }

    public CountingRule Rule { get; set; } = CountingRule.EqualShares;
    public EqualSharesCompletionChoice Completion { get; set; } = EqualSharesCompletionChoice.Add1;
    public bool CompareWithGreedy { get; set; }
    public TieBreak TieBreak { get; set; } = TieBreak.CostThenVotes;
    public BallotForm Form { get; set; } = BallotForm.Approval;

    [Range(0, 1000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int MinProjects { get; set; } = 1;

    [Range(1, 1000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int MaxProjects { get; set; } = 5;

    [Range(1, 1000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int PointsToSpend { get; set; } = 10;

    [Range(1, 1000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int MaxPointsPerProject { get; set; } = 5;

    [Range(1, 1000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int RankDepth { get; set; } = 3;

    public Eligibility Eligibility { get; set; } = Eligibility.VerifiedAccount;
    public bool AllowBallotChanges { get; set; } = true;

    [Range(1, 100_000_000, ErrorMessage = "Enter a number from {1} to {2}.")]
    public int? Population { get; set; }

    [StringLength(4000, ErrorMessage = "This text can have at most {1} characters.")]
    public string? Questions { get; set; }

    public Guid SubmissionId { get; set; }

    public static BudgetForm From(Budget budget) => new()
    {
        Title = budget.Title,
        District = budget.District,
        Description = budget.Description,
        Amount = MoneyInput.Format(budget.Amount),
        Currency = budget.Currency,
        Categories = string.Join('\n', budget.Categories),
        Rule = budget.Rule,
        Completion = budget.Completion,
        CompareWithGreedy = budget.CompareWithGreedy,
        TieBreak = budget.TieBreak,
        Form = budget.Form,
        MinProjects = budget.MinProjects,
        MaxProjects = budget.MaxProjects,
        PointsToSpend = budget.PointsToSpend,
        MaxPointsPerProject = budget.MaxPointsPerProject,
        RankDepth = budget.RankDepth,
        Eligibility = budget.Eligibility,
        AllowBallotChanges = budget.AllowBallotChanges,
        Population = budget.Population,
        Questions = QuestionsText(budget.Questions),
    };

    public BudgetSettings Settings() => new(
        Title, District ?? "", Description ?? "", MoneyInput.Parse(Amount) ?? 0, Currency,
        (Categories ?? "").Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).Take(BudgetLimits.Categories).ToList(),
        Rule, Completion, CompareWithGreedy, TieBreak, Form, MinProjects, MaxProjects, PointsToSpend, MaxPointsPerProject, RankDepth,
        Eligibility, AllowBallotChanges, Population);

    /// <summary>Checks what attributes cannot (settings that contradict each other, the questions' text), adding errors to the fields.</summary>
    public List<DemographicQuestion>? Validate(ModelStateDictionary modelState, IStringLocalizer<BudgetingText> t)
    {
        if (modelState.IsValid && Settings().Problem() is { } problem)
        {
            var field = problem switch
            {
                "ProjectCountRange" => nameof(MaxProjects),
                "PointsRange" => nameof(MaxPointsPerProject),
                "RankDepthRange" => nameof(RankDepth),
                "PopulationNotPositive" => nameof(Population),
                "CurrencyCode" => nameof(Currency),
                "AmountNotPositive" => nameof(Amount),
                _ => nameof(Title),
            };
            modelState.AddModelError("Input." + field, t[BudgetRules.Message(problem)]);
        }
        var (questions, error) = ParseQuestions(Questions ?? "");
        if (error is { } e)
        {
            modelState.AddModelError("Input." + nameof(Questions), t[BudgetRules.Message(e.Code), e.Line]);
        }
        return modelState.IsValid ? questions : null;
    }

    /// <summary>
    /// Questions as typed: blocks separated by an empty line; the first line of a block is the question, each
    /// other line an answer, optionally followed by "|" and its share of the population in per cent.
    /// </summary>
    public static (List<DemographicQuestion> Questions, (string Code, int Line)? Error) ParseQuestions(string text)
    {
        var questions = new List<DemographicQuestion>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        string? question = null;
        var options = new List<(string, decimal?)>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length == 0)
            {
                if (question is not null)
                {
                    if (options.Count < 2)
                    {
                        return (questions, ("QuestionNeedsAnswers", i));
                    }
                    questions.Add(new DemographicQuestion(question, options));
                    if (questions.Count > BudgetLimits.Questions)
                    {
                        return (questions, ("TooManyQuestions", i));
                    }
                }
                question = null;
                options = [];
                continue;
            }
            if (question is null)
            {
                question = line;
                continue;
            }
            var parts = line.Split('|');
            decimal? share = null;
            if (parts.Length > 2 || (parts.Length == 2 && (!decimal.TryParse(parts[1].Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100)))
            {
                return (questions, ("AnswerLine", i + 1));
            }
            if (parts.Length == 2)
            {
                share = decimal.Parse(parts[1].Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture);
            }
            options.Add((parts[0].Trim(), share));
        }
        return (questions, null);
    }

    public static string QuestionsText(IEnumerable<DemographicQuestion> questions) => string.Join("\n\n", questions.OrderBy(q => q.Position).Select(q =>
        q.Text + "\n" + string.Join('\n', q.Options.Select((o, i) => q.PopulationShares[i] is { } share ? $"{o} | {share.ToString(CultureInfo.InvariantCulture)}" : o))));

    public static IEnumerable<SelectListItem> Choices<T>(Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(name(v), v.ToString()));
}

/// <summary>
/// Amounts typed into forms. Number fields send a dot whatever the reader's language, and people typing by hand may
/// use a comma; both are read the same way, never by the culture's rules (where "1.000" can mean a thousand).
/// </summary>
public static partial class MoneyInput
{
    // [0-9], not \d: \d also matches other scripts' digits (١٢٣), which decimal.Parse does not read.
    public const string Pattern = @"^\s*[0-9]{1,13}([.,][0-9]{1,2})?\s*$";

    public static decimal? Parse(string? text) =>
        text is not null && Amount().IsMatch(text)
            ? decimal.Parse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : null;

    public static string Format(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", CultureInfo.InvariantCulture);

    [System.Text.RegularExpressions.GeneratedRegex(Pattern)]
    private static partial System.Text.RegularExpressions.Regex Amount();
}
