using System.Text.Json.Serialization;

namespace Cocreo.Assessment;

/// <summary>
/// What an answer sheet scores under one instrument version: a level for every node, the questions left
/// unanswered, and the single changes that would raise a node's level. It records the instrument version and
/// the answers it was computed from, so it can be shown, exported and explained without re-scoring.
/// </summary>
/// <param name="InstrumentId">The instrument scored with.</param>
/// <param name="InstrumentVersion">The version scored with.</param>
/// <param name="Answers">The answers scored.</param>
/// <param name="Nodes">Every node's result, parents before children, in the instrument's order.</param>
/// <param name="Questions">Every question's outcome, in the instrument's order.</param>
/// <param name="Unanswered">The ids of the questions the respondent is asked but did not answer.</param>
/// <param name="Raises">Single changes that raise a node's level, those that raise the overall level most first.</param>
public sealed record AssessmentResult(
    string InstrumentId,
    string InstrumentVersion,
    AnswerSheet Answers,
    IReadOnlyList<NodeResult> Nodes,
    IReadOnlyList<QuestionOutcome> Questions,
    IReadOnlyList<string> Unanswered,
    IReadOnlyList<RaiseSuggestion> Raises)
{
    /// <summary>The root node's result: the overall level.</summary>
    [JsonIgnore]
    public NodeResult Overall => Nodes[0];

    /// <summary>The result of the node with this id.</summary>
    /// <exception cref="KeyNotFoundException">No node has this id.</exception>
    public NodeResult Node(string nodeId) =>
        Nodes.FirstOrDefault(n => n.NodeId == nodeId)
            ?? throw new KeyNotFoundException($"The result of {InstrumentId} {InstrumentVersion} has no node '{nodeId}'.");

    /// <summary>The single changes that would raise the level of the node with this id.</summary>
    public IEnumerable<RaiseSuggestion> RaisesOf(string nodeId) => Raises.Where(r => r.NodeId == nodeId);
}

/// <summary>How completely a node could be evaluated.</summary>
public enum Evaluation
{
    /// <summary>Every input had a value.</summary>
    Complete,

    /// <summary>Evaluated from the inputs that had a value; some were missing (see the instrument's default rule).</summary>
    Partial,

    /// <summary>Too few inputs had a value (or a decision table missed a child's level); the node has no level.</summary>
    NotEvaluable,
}

/// <summary>A node's result.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="ParentId">Its parent (null for the root).</param>
/// <param name="Depth">0 for the root, 1 for its children, and so on.</param>
/// <param name="Level">The level, or null when <paramref name="Evaluation"/> is <see cref="Evaluation.NotEvaluable"/>.</param>
/// <param name="Score">
/// For a node of questions, the share of positive answers among those answered; for a node of child nodes
/// without a table, the mean of the children's level positions (low 0, medium 1/2, high 1); for a node with a
/// decision table, its level's position. Null when not evaluable.
/// </param>
/// <param name="Evaluation">How completely the node was evaluated.</param>
/// <param name="Inputs">How many inputs (questions asked, or child nodes) the node has.</param>
/// <param name="EvaluatedInputs">How many of them had a value.</param>
public sealed record NodeResult(
    string NodeId,
    string? ParentId,
    int Depth,
    Level? Level,
    Ratio? Score,
    Evaluation Evaluation,
    int Inputs,
    int EvaluatedInputs);

/// <summary>A question's outcome.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="NodeId">The node that holds it.</param>
/// <param name="Asked">False when the respondent's role is not asked this question.</param>
/// <param name="Answer">The option chosen, or null when unanswered.</param>
/// <param name="Effect">How the answer counts after reversal, or null when unanswered.</param>
public sealed record QuestionOutcome(string QuestionId, string NodeId, bool Asked, string? Answer, Polarity? Effect);

/// <summary>
/// A single change of one input that would raise a node's level: one question answered the other way, or one
/// child node one level higher.
/// </summary>
/// <param name="NodeId">The node whose level would rise.</param>
/// <param name="Change">What would change.</param>
/// <param name="LevelBefore">The node's level now.</param>
/// <param name="LevelAfter">The node's level after the change.</param>
/// <param name="OverallBefore">The overall level now (null when not evaluable).</param>
/// <param name="OverallAfter">The overall level after the change (null when not evaluable).</param>
public sealed record RaiseSuggestion(
    string NodeId,
    SingleChange Change,
    Level LevelBefore,
    Level LevelAfter,
    Level? OverallBefore,
    Level? OverallAfter)
{
    /// <summary>How many steps the overall level would rise (0 when it would not, or cannot be evaluated).</summary>
    [JsonIgnore]
    public int OverallGain => Levels.Gain(OverallBefore, OverallAfter);
}

/// <summary>One change of one input of a node.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AnswerChange), "answer")]
[JsonDerivedType(typeof(LevelChange), "level")]
public abstract record SingleChange
{
    /// <summary>The question or child node that would change.</summary>
    public abstract string InputId { get; }
}

/// <summary>A question answered with another option (the nearest option that counts as positive).</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="From">The option given now.</param>
/// <param name="To">The option that would count as positive.</param>
public sealed record AnswerChange(string QuestionId, string From, string To) : SingleChange
{
    /// <inheritdoc />
    public override string InputId => QuestionId;
}

/// <summary>A child node one level higher.</summary>
/// <param name="ChildId">The child node.</param>
/// <param name="From">Its level now.</param>
/// <param name="To">One level higher.</param>
public sealed record LevelChange(string ChildId, Level From, Level To) : SingleChange
{
    /// <inheritdoc />
    public override string InputId => ChildId;
}
