namespace Cocreo.Assessment;

/// <summary>
/// Scores an answer sheet DEX-style: each node of questions gets a level from the instrument's default rule;
/// each node of child nodes gets its level from its decision table, or from the default rule over its
/// children's levels when it has none. Then it looks, for every node, at each of its inputs changed alone
/// (a question answered positively, a child one level higher) and keeps the changes that raise the node.
/// </summary>
public static class AssessmentEvaluator
{
    /// <summary>Scores <paramref name="answers"/> with <paramref name="instrument"/>.</summary>
    /// <exception cref="InstrumentVersionMismatchException">The answers belong to another instrument or version.</exception>
    /// <exception cref="AnswerSheetException">The answers do not fit the instrument.</exception>
    public static AssessmentResult Evaluate(Instrument instrument, AnswerSheet answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        answers.EnsureFits(instrument);

        var scoring = new TreeScoring(instrument, answers.Answers, answers.Role);
        var nodes = instrument.Nodes.Select(node =>
        {
            var outcome = scoring[node.Id];
            return new NodeResult(
                node.Id,
                instrument.ParentOf(node.Id)?.Id,
                Depth(instrument, node.Id),
                outcome.Level,
                outcome.Score,
                outcome.Evaluation,
                outcome.Inputs,
                outcome.EvaluatedInputs);
        }).ToList();

        var questions = instrument.Questions.Select(q =>
        {
            var asked = q.AppliesTo(answers.Role);
            var answer = asked ? answers.Answers.GetValueOrDefault(q.Id) : null;
            return new QuestionOutcome(q.Id, instrument.NodeOf(q.Id).Id, asked, answer, asked ? scoring.EffectOf(q) : null);
        }).ToList();

        return new AssessmentResult(
            instrument.Id,
            instrument.Version,
            answers,
            nodes,
            questions,
            questions.Where(q => q.Asked && q.Answer is null).Select(q => q.QuestionId).ToList(),
            Raises(instrument, answers, scoring));
    }

    private static List<RaiseSuggestion> Raises(Instrument instrument, AnswerSheet answers, TreeScoring now)
    {
        var raises = new List<(RaiseSuggestion Raise, int Node, int Input)>();
        foreach (var node in instrument.Nodes)
        {
            if (now[node.Id].Level is not { } before)
            {
                continue;
            }
            var changes = node.HoldsQuestions ? AnswerChanges(instrument, node, answers, now) : LevelChanges(node, now);
            foreach (var (change, input) in changes)
            {
                var after = change switch
                {
                    AnswerChange a => new TreeScoring(instrument, answers.With(a.QuestionId, a.To).Answers, answers.Role),
                    LevelChange l => new TreeScoring(instrument, answers.Answers, answers.Role, new Dictionary<string, Level> { [l.ChildId] = l.To }),
                    _ => throw new InvalidOperationException($"Unknown change {change}."),
                };
                if (after[node.Id].Level is { } raised && raised > before)
                {
                    raises.Add((new RaiseSuggestion(node.Id, change, before, raised, now.OverallLevel, after.OverallLevel), instrument.OrderOf(node.Id), input));
                }
            }
        }
        return raises
            .OrderByDescending(r => r.Raise.OverallGain)
            .ThenByDescending(r => Levels.Gain(r.Raise.LevelBefore, r.Raise.LevelAfter))
            .ThenBy(r => r.Node)
            .ThenBy(r => r.Input)
            .Select(r => r.Raise)
            .ToList();
    }

    private static IEnumerable<(SingleChange, int)> AnswerChanges(Instrument instrument, Node node, AnswerSheet answers, TreeScoring now)
    {
        for (var i = 0; i < node.Questions.Count; i++)
        {
            var question = node.Questions[i];
            // Unanswered questions are reported as unanswered, not guessed at: only given answers are changed.
            if (!question.AppliesTo(answers.Role) || !answers.Answers.TryGetValue(question.Id, out var given) || now.EffectOf(question) == Polarity.Positive)
            {
                continue;
            }
            yield return (new AnswerChange(question.Id, given, NearestPositive(instrument, question, given)), i);
        }
    }

    private static IEnumerable<(SingleChange, int)> LevelChanges(Node node, TreeScoring now)
    {
        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (now[child.Id].Level is { } level && level.Next() is { } next)
            {
                yield return (new LevelChange(child.Id, level, next), i);
            }
        }
    }

    /// <summary>
    /// The option that counts as positive and is closest on the scale to the one given: the smallest change of
    /// mind ("agree" rather than "strongly agree"). The scale is ordered by polarity, so positives lie on one side
    /// and there is never a tie.
    /// </summary>
    private static string NearestPositive(Instrument instrument, Question question, string given)
    {
        var options = instrument.Scale.Options;
        var from = instrument.Scale.IndexOf(given);
        return options
            .Select((option, index) => (option, index))
            .Where(o => TreeScoring.Effect(instrument, question, o.option.Id) == Polarity.Positive)
            .OrderBy(o => Math.Abs(o.index - from))
            .First().option.Id;
    }

    private static int Depth(Instrument instrument, string nodeId)
    {
        var depth = 0;
        for (var parent = instrument.ParentOf(nodeId); parent is not null; parent = instrument.ParentOf(parent.Id))
        {
            depth++;
        }
        return depth;
    }
}
