using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cocreo.Budgeting;
using Cocreo.Budgeting.Election;
using Cocreo.Budgeting.Explanations;
using Cocreo.Budgeting.Rules;

namespace Cocreo.Cli.Pb;

/// <summary>What <c>pb run --format json</c> prints.</summary>
internal sealed record RunDocument(
    string Rule,
    RunOptions Options,
    decimal Budget,
    decimal TotalCost,
    IReadOnlyList<ProjectEntry> Selected,
    IReadOnlyList<ProjectEntry> FundedFromReserve,
    OutcomeExplanation Explanation);

/// <summary>The choices the outcome was computed with; those of the Method of Equal Shares only for it.</summary>
internal sealed record RunOptions(
    SatisfactionMeasure Satisfaction,
    string TieBreaking,
    EqualSharesCompletion? Completion,
    Add1Start? Add1Start,
    bool? Comparison,
    long? ScoreThreshold);

/// <summary>A project as the JSON output lists it.</summary>
internal sealed record ProjectEntry(string Id, decimal Cost, string? Name)
{
    public static ProjectEntry Of(Project project) => new(project.Id, project.Cost, project["name"]);
}

/// <summary>Enum values as kebab-case strings (<c>does-not-fit</c>), without reflection.</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;

// Source-generated serialisation: no reflection, so the commands also run compiled ahead of time (cocreo-pb).
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(KebabCaseEnumConverter<SatisfactionMeasure>),
        typeof(KebabCaseEnumConverter<EqualSharesCompletion>),
        typeof(KebabCaseEnumConverter<Add1Start>),
        typeof(KebabCaseEnumConverter<GreedyDecision>),
        typeof(KebabCaseEnumConverter<RunnerUpReason>),
    ])]
[JsonSerializable(typeof(RunDocument))]
internal sealed partial class PbJson : JsonSerializerContext
{
    /// <summary>
    /// As <see cref="Default"/>, but names such as "Łąki kwietne" are written as they are rather than as \u escapes:
    /// this JSON goes to a terminal or a file, not into an HTML page.
    /// </summary>
    public static PbJson Readable => field ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
