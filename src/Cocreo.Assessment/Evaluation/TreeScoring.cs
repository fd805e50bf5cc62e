namespace Cocreo.Assessment;

/// <summary>
/// One bottom-up pass over an instrument's tree for one set of answers, optionally with some nodes' levels
/// fixed ("what if this attribute were high?"). The evaluator and the roadmap both ask their what-if questions
/// through it, so they cannot disagree about what a change would do.
/// </summary>
internal sealed class TreeScoring
{
    private readonly Instrument instrument;
    private readonly IReadOnlyDictionary<string, string> answers;
    private readonly string? role;
    private readonly IReadOnlyDictionary<string, Level> fixedLevels;
    private readonly Dictionary<string, NodeOutcome> outcomes = [];

    public TreeScoring(
        Instrument instrument,
        IReadOnlyDictionary<string, string> answers,
        string? role,
        IReadOnlyDictionary<string, Level>? fixedLevels = null)
    {
        this.instrument = instrument;
        this.answers = answers;
        this.role = role;
        this.fixedLevels = fixedLevels ?? new Dictionary<string, Level>();
        Score(instrument.Root);
    }

    public NodeOutcome this[string nodeId] => outcomes[nodeId];

    public Level? OverallLevel => outcomes[instrument.Root.Id].Level;

    /// <summary>How a question's answer counts after reversal, or null when it is unanswered.</summary>
    public Polarity? EffectOf(Question question) =>
        answers.TryGetValue(question.Id, out var optionId) ? Effect(instrument, question, optionId) : null;

    public static Polarity Effect(Instrument instrument, Question question, string optionId)
    {
        var polarity = instrument.Scale.Find(optionId)!.Polarity;
        return !question.Reversed ? polarity : polarity switch
        {
            Polarity.Positive => Polarity.Negative,
            Polarity.Negative => Polarity.Positive,
            _ => Polarity.Neutral,
        };
    }

    private NodeOutcome Score(Node node)
    {
        var outcome = node.HoldsQuestions ? ScoreQuestions(node) : ScoreChildren(node);
        if (fixedLevels.TryGetValue(node.Id, out var level))
        {
            outcome = outcome with { Level = level, Score = level.Position() };
        }
        outcomes[node.Id] = outcome;
        return outcome;
    }

    private NodeOutcome ScoreQuestions(Node node)
    {
        var asked = node.Questions.Where(q => q.AppliesTo(role)).ToList();
        var effects = asked.Select(EffectOf).OfType<Polarity>().ToList();
        if (!Enough(effects.Count, asked.Count))
        {
            return NodeOutcome.NotEvaluable(asked.Count, effects.Count);
        }
        var score = new Ratio(effects.Count(e => e == Polarity.Positive), effects.Count);
        return new NodeOutcome(
            instrument.DefaultRule.LevelOf(score), score,
            effects.Count == asked.Count ? Evaluation.Complete : Evaluation.Partial,
            asked.Count, effects.Count);
    }

    private NodeOutcome ScoreChildren(Node node)
    {
        var children = node.Children.Select(Score).ToList();
        var evaluated = children.Where(c => c.Level is not null).ToList();
        var evaluation = evaluated.Count == children.Count && evaluated.All(c => c.Evaluation == Evaluation.Complete)
            ? Evaluation.Complete
            : Evaluation.Partial;

        if (node.Table is { } table)
        {
            // A decision table has no row for "unknown": without every child's level there is no honest answer.
            if (evaluated.Count < children.Count)
            {
                return NodeOutcome.NotEvaluable(children.Count, evaluated.Count);
            }
            var level = table.Lookup(children.Select(c => c.Level!.Value).ToList());
            return new NodeOutcome(level, level.Position(), evaluation, children.Count, evaluated.Count);
        }

        if (!Enough(evaluated.Count, children.Count))
        {
            return NodeOutcome.NotEvaluable(children.Count, evaluated.Count);
        }
        var sum = evaluated.Aggregate(Ratio.Zero, (total, c) => total + c.Level!.Value.Position());
        var score = sum / evaluated.Count;
        return new NodeOutcome(instrument.DefaultRule.LevelOf(score), score, evaluation, children.Count, evaluated.Count);
    }

    private bool Enough(int evaluated, int inputs) =>
        inputs > 0 && evaluated > 0 && new Ratio(evaluated, inputs) >= instrument.DefaultRule.MinimumAnsweredShare;
}

internal readonly record struct NodeOutcome(Level? Level, Ratio? Score, Evaluation Evaluation, int Inputs, int EvaluatedInputs)
{
    public static NodeOutcome NotEvaluable(int inputs, int evaluated) =>
        new(null, null, Evaluation.NotEvaluable, inputs, evaluated);
}
