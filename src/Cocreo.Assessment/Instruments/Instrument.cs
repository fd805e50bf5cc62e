using System.Globalization;

namespace Cocreo.Assessment;

/// <summary>
/// A questionnaire with its scoring model: a tree of nodes (e.g. categories → attributes) whose leaves hold
/// questions, an answer scale, the default rule for nodes without a decision table, texts in English and
/// Slovenian, and the published model it follows. Instruments are versioned data files; load them with
/// <see cref="InstrumentCatalog"/> or <see cref="Parse"/>.
/// </summary>
public sealed class Instrument
{
    private readonly Dictionary<string, Node> nodesById;
    private readonly Dictionary<string, Question> questionsById;
    private readonly Dictionary<string, Node> parents = [];
    private readonly Dictionary<string, Node> questionNodes = [];
    private readonly Dictionary<string, int> order = [];

    internal Instrument(
        string id,
        string version,
        LocalizedText title,
        LocalizedText description,
        Provenance provenance,
        AnswerScale scale,
        DefaultRule defaultRule,
        IReadOnlyDictionary<Level, LocalizedText> levelNames,
        IReadOnlyList<RespondentRole> roles,
        Node root)
    {
        Id = id;
        Version = version;
        Title = title;
        Description = description;
        Provenance = provenance;
        Scale = scale;
        DefaultRule = defaultRule;
        LevelNames = levelNames;
        Roles = roles;
        Root = root;

        var nodes = new List<Node>();
        var questions = new List<Question>();
        Walk(root, null);
        Nodes = nodes;
        Questions = questions;
        nodesById = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        questionsById = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);

        void Walk(Node node, Node? parent)
        {
            order[node.Id] = nodes.Count;
            nodes.Add(node);
            if (parent is not null)
            {
                parents[node.Id] = parent;
            }
            foreach (var question in node.Questions)
            {
                questionNodes[question.Id] = node;
                questions.Add(question);
            }
            foreach (var child in node.Children)
            {
                Walk(child, node);
            }
        }
    }

    /// <summary>The instrument's id, e.g. <c>co-ready</c>.</summary>
    public string Id { get; }

    /// <summary>The instrument's version, e.g. <c>1.0</c>. Answers and results always name the version they belong to.</summary>
    public string Version { get; }

    /// <summary>The instrument's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>What the instrument assesses and who answers it.</summary>
    public LocalizedText Description { get; }

    /// <summary>The published model the instrument follows and how it was adapted.</summary>
    public Provenance Provenance { get; }

    /// <summary>The answer options every question of this instrument offers.</summary>
    public AnswerScale Scale { get; }

    /// <summary>How a node without a decision table gets its level, and how many answers a node needs to be evaluated.</summary>
    public DefaultRule DefaultRule { get; }

    /// <summary>What the instrument calls each level (e.g. "low readiness").</summary>
    public IReadOnlyDictionary<Level, LocalizedText> LevelNames { get; }

    /// <summary>The respondent roles (empty when everyone answers the same questions).</summary>
    public IReadOnlyList<RespondentRole> Roles { get; }

    /// <summary>The root node; its level is the overall result.</summary>
    public Node Root { get; }

    /// <summary>Every node, parents before children, in the order of the file.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Every question, in the order of the file.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The instrument as people cite it: <c>co-ready 1.0</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Id} {Version}");

    /// <summary>The node with this id.</summary>
    /// <exception cref="KeyNotFoundException">No node has this id.</exception>
    public Node Node(string nodeId) =>
        nodesById.TryGetValue(nodeId, out var node)
            ? node
            : throw new KeyNotFoundException($"Instrument {Name} has no node '{nodeId}'.");

    /// <summary>The question with this id, or null.</summary>
    public Question? FindQuestion(string questionId) => questionsById.GetValueOrDefault(questionId);

    /// <summary>The question with this id.</summary>
    /// <exception cref="KeyNotFoundException">No question has this id.</exception>
    public Question Question(string questionId) =>
        FindQuestion(questionId) ?? throw new KeyNotFoundException($"Instrument {Name} has no question '{questionId}'.");

    /// <summary>The parent of a node, or null for the root.</summary>
    public Node? ParentOf(string nodeId) => parents.GetValueOrDefault(nodeId);

    /// <summary>The node that holds a question.</summary>
    public Node NodeOf(string questionId) =>
        questionNodes.TryGetValue(questionId, out var node)
            ? node
            : throw new KeyNotFoundException($"Instrument {Name} has no question '{questionId}'.");

    /// <summary>The role with this id, or null.</summary>
    public RespondentRole? FindRole(string roleId) => Roles.FirstOrDefault(r => r.Id == roleId);

    /// <summary>Where a node stands in the file (parents before children); used to break ties in file order.</summary>
    public int OrderOf(string nodeId) => order[nodeId];

    /// <summary>
    /// Refuses answers or results that belong to another instrument or another version of this one, so that
    /// nothing is ever scored by rules it was not answered under.
    /// </summary>
    /// <exception cref="InstrumentVersionMismatchException">The id or version differs.</exception>
    public void EnsureSame(string instrumentId, string instrumentVersion, string what)
    {
        if (instrumentId != Id || instrumentVersion != Version)
        {
            throw new InstrumentVersionMismatchException(Id, Version, instrumentId, instrumentVersion, what);
        }
    }

    /// <summary>Reads and checks an instrument file.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">The file's name, used in error messages.</param>
    /// <exception cref="InstrumentFormatException">The file is not a valid instrument; the message names the place.</exception>
    public static Instrument Parse(string json, string sourceName) => InstrumentFile.Read(json, sourceName);
}

/// <summary>A node of an instrument's tree: a category, attribute, perspective or dimension.</summary>
/// <param name="Id">Unique within the instrument.</param>
/// <param name="Name">What the node is called.</param>
/// <param name="Description">What the node means, when the name needs it.</param>
/// <param name="Children">Child nodes (empty when the node holds questions).</param>
/// <param name="Questions">Questions (empty when the node has children).</param>
/// <param name="Table">The decision table from child levels to this node's level, or null for the default rule.</param>
/// <param name="Actions">Concrete actions that strengthen this node (for the roadmap).</param>
/// <param name="GoodPractice">A good-practice example for this node (for the roadmap).</param>
public sealed record Node(
    string Id,
    LocalizedText Name,
    LocalizedText? Description,
    IReadOnlyList<Node> Children,
    IReadOnlyList<Question> Questions,
    DecisionTable? Table,
    IReadOnlyList<LocalizedText> Actions,
    LocalizedText? GoodPractice)
{
    /// <summary>True when the node holds questions rather than child nodes (an attribute, a criterion group, a dimension).</summary>
    public bool HoldsQuestions => Questions.Count > 0;
}

/// <summary>A question of an instrument.</summary>
/// <param name="Id">Unique within the instrument.</param>
/// <param name="Text">The question as every role reads it unless <paramref name="RoleTexts"/> says otherwise.</param>
/// <param name="Reversed">True when a negative answer is the favourable one (e.g. "Is the service heavily regulated?").</param>
/// <param name="Roles">The roles that answer the question (empty: everyone).</param>
/// <param name="RoleTexts">Wording for a particular role, by role id.</param>
/// <param name="Note">Why the question is asked or reversed, when that helps a reader.</param>
public sealed record Question(
    string Id,
    LocalizedText Text,
    bool Reversed,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, LocalizedText> RoleTexts,
    LocalizedText? Note)
{
    /// <summary>True when a respondent in <paramref name="role"/> answers this question (no role: every question).</summary>
    public bool AppliesTo(string? role) => role is null || Roles.Count == 0 || Roles.Contains(role);

    /// <summary>The wording that respondents in <paramref name="role"/> read.</summary>
    public LocalizedText TextFor(string? role) =>
        role is not null && RoleTexts.TryGetValue(role, out var text) ? text : Text;
}

/// <summary>The answer options of an instrument, listed from the least to the most favourable.</summary>
/// <param name="Id">The scale's id, e.g. <c>yes-no</c> or <c>agreement-5</c>.</param>
/// <param name="Options">The options, least favourable first.</param>
/// <param name="Note">How the options map to positive and negative answers.</param>
public sealed record AnswerScale(string Id, IReadOnlyList<AnswerOption> Options, LocalizedText Note)
{
    /// <summary>The option with this id, or null.</summary>
    public AnswerOption? Find(string optionId) => Options.FirstOrDefault(o => o.Id == optionId);

    /// <summary>Where an option stands on the scale (0 for the least favourable).</summary>
    public int IndexOf(string optionId) => Options.ToList().FindIndex(o => o.Id == optionId);
}

/// <summary>An answer option.</summary>
/// <param name="Id">What answer sheets store, e.g. <c>yes</c>.</param>
/// <param name="Label">What respondents read.</param>
/// <param name="Polarity">Whether the option counts as a positive answer (before a reversed question flips it).</param>
public sealed record AnswerOption(string Id, LocalizedText Label, Polarity Polarity);

/// <summary>Whether an answer counts for or against the node it belongs to.</summary>
public enum Polarity
{
    /// <summary>Counts against (e.g. "no", "disagree").</summary>
    Negative,

    /// <summary>Counts as answered but not positive (e.g. "neither agree nor disagree").</summary>
    Neutral,

    /// <summary>Counts for (e.g. "yes", "agree").</summary>
    Positive,
}

/// <summary>A role in which respondents answer (e.g. organiser, participant).</summary>
/// <param name="Id">What answer sheets store.</param>
/// <param name="Name">What people read.</param>
public sealed record RespondentRole(string Id, LocalizedText Name);

/// <summary>The published model an instrument follows.</summary>
/// <param name="Model">Which model, in words.</param>
/// <param name="References">Full references of the publications.</param>
/// <param name="Adaptation">What this instrument changes or adds, and why.</param>
public sealed record Provenance(LocalizedText Model, IReadOnlyList<string> References, LocalizedText Adaptation);

/// <summary>
/// The rule for nodes without a decision table: the node's score is the mean of its inputs' scores
/// (a question counts 1 when its answer is positive after reversal, else 0; a child node counts by its level:
/// low 0, medium 1/2, high 1); the score is low below <see cref="MediumFrom"/>, medium below <see cref="HighFrom"/>,
/// high from there. A node is evaluated from the inputs that have a value, and only when their share reaches
/// <see cref="MinimumAnsweredShare"/>; below it, the node is not evaluable.
/// </summary>
/// <param name="MediumFrom">The lowest score that is medium.</param>
/// <param name="HighFrom">The lowest score that is high.</param>
/// <param name="MinimumAnsweredShare">The share of a node's inputs that must have a value for the node to be evaluated.</param>
/// <param name="Explanation">The rule in words, for the people reading results.</param>
public sealed record DefaultRule(Ratio MediumFrom, Ratio HighFrom, Ratio MinimumAnsweredShare, LocalizedText Explanation)
{
    /// <summary>The level of a score.</summary>
    public Level LevelOf(Ratio score) =>
        score < MediumFrom ? Level.Low : score < HighFrom ? Level.Medium : Level.High;
}
