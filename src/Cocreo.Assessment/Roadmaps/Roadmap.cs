using System.Globalization;

namespace Cocreo.Assessment;

/// <summary>
/// The improvement roadmap of an assessment: for every weak attribute (a node of questions whose level is low
/// or medium), its actions and good-practice example, in the order that helps most.
/// </summary>
/// <param name="InstrumentId">The instrument the result was scored with.</param>
/// <param name="InstrumentVersion">The version the result was scored with.</param>
/// <param name="OverallLevel">The overall level now (null when not evaluable).</param>
/// <param name="Steps">The weak attributes, the most helpful first.</param>
/// <param name="NotAssessed">Attributes without a level (too few answers): answer them before planning.</param>
public sealed record Roadmap(
    string InstrumentId,
    string InstrumentVersion,
    Level? OverallLevel,
    IReadOnlyList<RoadmapStep> Steps,
    IReadOnlyList<string> NotAssessed)
{
    /// <summary>
    /// Builds the roadmap of <paramref name="result"/> with texts in <paramref name="culture"/>. Each weak attribute
    /// is "fixed" alone (raised to high, everything else as answered) through the evaluator's what-if scoring, and
    /// the steps are ordered by how much that raises the overall level, then how much it raises the attribute's
    /// parent (its category), then by category order and the attribute's order within it.
    /// </summary>
    /// <exception cref="InstrumentVersionMismatchException">The result was scored with another instrument or version.</exception>
    public static Roadmap For(AssessmentResult result, Instrument instrument, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(culture);
        instrument.EnsureSame(result.InstrumentId, result.InstrumentVersion, "result");

        var answers = result.Answers;
        var now = new TreeScoring(instrument, answers.Answers, answers.Role);
        var attributes = instrument.Nodes.Where(n => n.HoldsQuestions && n.Id != instrument.Root.Id).ToList();

        var steps = new List<(RoadmapStep Step, int Order)>();
        foreach (var attribute in attributes)
        {
            if (now[attribute.Id].Level is not { } level || level == Level.High)
            {
                continue;
            }
            var parent = instrument.ParentOf(attribute.Id)!;
            var fixedAttribute = new TreeScoring(instrument, answers.Answers, answers.Role, new Dictionary<string, Level> { [attribute.Id] = Level.High });
            var step = new RoadmapStep(
                0,
                attribute.Id,
                attribute.Name.For(culture),
                parent.Id,
                parent.Name.For(culture),
                level,
                fixedAttribute.OverallLevel,
                Levels.Gain(now.OverallLevel, fixedAttribute.OverallLevel),
                fixedAttribute[parent.Id].Level,
                Levels.Gain(now[parent.Id].Level, fixedAttribute[parent.Id].Level),
                attribute.Questions
                    .Where(q => q.AppliesTo(answers.Role) && now.EffectOf(q) is { } effect && effect != Polarity.Positive)
                    .Select(q => q.TextFor(answers.Role).For(culture))
                    .ToList(),
                attribute.Actions.Select(a => a.For(culture)).ToList(),
                attribute.GoodPractice?.For(culture));
            steps.Add((step, instrument.OrderOf(attribute.Id)));
        }

        // File order puts every attribute of the first category before any of the second, so it is category order
        // first and the attribute's place within its category second.
        var ordered = steps
            .OrderByDescending(s => s.Step.OverallGain)
            .ThenByDescending(s => s.Step.ParentGain)
            .ThenBy(s => s.Order)
            .Select((s, i) => s.Step with { Order = i + 1 })
            .ToList();

        return new Roadmap(
            instrument.Id,
            instrument.Version,
            now.OverallLevel,
            ordered,
            attributes.Where(a => now[a.Id].Level is null).Select(a => a.Id).ToList());
    }
}

/// <summary>One weak attribute on the roadmap.</summary>
/// <param name="Order">1 for the step that helps most.</param>
/// <param name="AttributeId">The attribute.</param>
/// <param name="Attribute">Its name.</param>
/// <param name="ParentId">Its parent (the category).</param>
/// <param name="Parent">The parent's name.</param>
/// <param name="Level">The attribute's level now.</param>
/// <param name="OverallLevelIfFixed">The overall level if this attribute alone were high.</param>
/// <param name="OverallGain">How many levels that raises the overall level.</param>
/// <param name="ParentLevelIfFixed">The parent's level if this attribute alone were high.</param>
/// <param name="ParentGain">How many levels that raises the parent.</param>
/// <param name="Gaps">The attribute's questions that were answered unfavourably, as respondents read them.</param>
/// <param name="Actions">Concrete actions.</param>
/// <param name="GoodPractice">A good-practice example, when the instrument has one.</param>
public sealed record RoadmapStep(
    int Order,
    string AttributeId,
    string Attribute,
    string ParentId,
    string Parent,
    Level Level,
    Level? OverallLevelIfFixed,
    int OverallGain,
    Level? ParentLevelIfFixed,
    int ParentGain,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<string> Actions,
    string? GoodPractice);
