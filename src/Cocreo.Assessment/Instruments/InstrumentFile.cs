using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Cocreo.Assessment;

/// <summary>
/// The JSON shape of an instrument file and the checks that turn it into an <see cref="Instrument"/>.
/// Unknown properties are refused so that a misspelt "reversed" cannot silently score a question the wrong way.
/// </summary>
internal static partial class InstrumentFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,2}$")]
    private static partial Regex VersionPattern();

    public static Instrument Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        InstrumentDocument document;
        try
        {
            document = JsonSerializer.Deserialize<InstrumentDocument>(json, Options)
                ?? throw new InstrumentFormatException($"{sourceName}: the file is empty (null).");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(e.Path) ? "" : $" ({e.Path})")}"
                : "the file";
            throw new InstrumentFormatException($"{sourceName}: {where}: {e.Message}", e);
        }
        return new Checker(sourceName).Build(document);
    }

    private sealed class Checker(string source)
    {
        private readonly HashSet<string> nodeIds = [];
        private readonly HashSet<string> questionIds = [];
        private HashSet<string> roleIds = [];

        public Instrument Build(InstrumentDocument file)
        {
            Id(file.Id, "id");
            if (!VersionPattern().IsMatch(file.Version))
            {
                Fail("version", $"'{file.Version}' is not a version; write major.minor, e.g. \"1.0\".");
            }
            Text(file.Title, "title");
            Text(file.Description, "description");
            Text(file.Provenance.Model, "provenance.model");
            Text(file.Provenance.Adaptation, "provenance.adaptation");
            if (file.Provenance.References.Count == 0 || file.Provenance.References.Any(string.IsNullOrWhiteSpace))
            {
                Fail("provenance.references", "list the publications the instrument follows, one non-empty reference each.");
            }

            var scale = Scale(file.Scale);
            var rule = Rule(file.DefaultRule);
            var levelNames = LevelNames(file.Levels);
            var roles = file.Roles ?? [];
            for (var i = 0; i < roles.Count; i++)
            {
                Id(roles[i].Id, $"roles[{i}].id");
                Text(roles[i].Name, $"roles[{i}].name");
            }
            if (roles.Select(r => r.Id).Distinct().Count() != roles.Count)
            {
                Fail("roles", "role ids must be unique.");
            }
            roleIds = [.. roles.Select(r => r.Id)];

            var root = Node(file.Root, "root");
            return new Instrument(
                file.Id, file.Version, file.Title, file.Description,
                new Provenance(file.Provenance.Model, file.Provenance.References, file.Provenance.Adaptation),
                scale, rule, levelNames, roles.Select(r => new RespondentRole(r.Id, r.Name)).ToList(), root);
        }

        private AnswerScale Scale(ScaleDocument scale)
        {
            Id(scale.Id, "scale.id");
            Text(scale.Note, "scale.note");
            if (scale.Options.Count < 2)
            {
                Fail("scale.options", "a scale needs at least two options.");
            }
            for (var i = 0; i < scale.Options.Count; i++)
            {
                Id(scale.Options[i].Id, $"scale.options[{i}].id");
                Text(scale.Options[i].Label, $"scale.options[{i}].label");
            }
            if (scale.Options.Select(o => o.Id).Distinct().Count() != scale.Options.Count)
            {
                Fail("scale.options", "option ids must be unique.");
            }
            if (!scale.Options.Any(o => o.Polarity == Polarity.Positive) || !scale.Options.Any(o => o.Polarity == Polarity.Negative))
            {
                Fail("scale.options", "a scale needs at least one positive and one negative option.");
            }
            // The evaluator picks "the nearest positive option" by position, so the order must mean something.
            var polarities = scale.Options.Select(o => (int)o.Polarity).ToList();
            if (polarities.Zip(polarities.Skip(1)).Any(p => p.Second < p.First))
            {
                Fail("scale.options", "list the options from the least to the most favourable (negative, then neutral, then positive).");
            }
            return new AnswerScale(scale.Id, scale.Options, scale.Note);
        }

        private DefaultRule Rule(DefaultRuleDocument rule)
        {
            Text(rule.Explanation, "defaultRule.explanation");
            if (!(Ratio.Zero < rule.MediumFrom && rule.MediumFrom < rule.HighFrom && rule.HighFrom <= Ratio.One))
            {
                Fail("defaultRule", $"thresholds must satisfy 0 < mediumFrom < highFrom <= 1 (they are {rule.MediumFrom} and {rule.HighFrom}).");
            }
            if (!(Ratio.Zero < rule.MinimumAnsweredShare && rule.MinimumAnsweredShare <= Ratio.One))
            {
                Fail("defaultRule.minimumAnsweredShare", $"must be above 0 and at most 1 (it is {rule.MinimumAnsweredShare}).");
            }
            return new DefaultRule(rule.MediumFrom, rule.HighFrom, rule.MinimumAnsweredShare, rule.Explanation);
        }

        private Dictionary<Level, LocalizedText> LevelNames(Dictionary<string, LocalizedText> names)
        {
            var result = new Dictionary<Level, LocalizedText>();
            foreach (var (key, text) in names)
            {
                if (!Levels.TryParse(key, out var level))
                {
                    Fail($"levels.{key}", "is not a level; name low, medium and high.");
                }
                Text(text, $"levels.{key}");
                result[level] = text;
            }
            if (result.Count != Levels.All.Count)
            {
                Fail("levels", "name every level: low, medium and high.");
            }
            return result;
        }

        private Node Node(NodeDocument node, string path)
        {
            Id(node.Id, $"{path}.id");
            path = $"{path} '{node.Id}'";
            if (!nodeIds.Add(node.Id))
            {
                Fail(path, "another node has the same id.");
            }
            Text(node.Name, $"{path}.name");
            if (node.Description is not null)
            {
                Text(node.Description, $"{path}.description");
            }
            var actions = node.Actions ?? [];
            for (var i = 0; i < actions.Count; i++)
            {
                Text(actions[i], $"{path}.actions[{i}]");
            }
            if (node.GoodPractice is not null)
            {
                Text(node.GoodPractice, $"{path}.goodPractice");
            }

            var childDocuments = node.Children ?? [];
            var questionDocuments = node.Questions ?? [];
            if (childDocuments.Count > 0 == questionDocuments.Count > 0)
            {
                Fail(path, "a node holds either child nodes or questions (exactly one of the two).");
            }
            var children = childDocuments.Select((c, i) => Node(c, $"{path}.children[{i}]")).ToList();
            var questions = questionDocuments.Select((q, i) => Question(q, $"{path}.questions[{i}]")).ToList();

            DecisionTable? table = null;
            if (node.Table is { } t)
            {
                if (children.Count == 0)
                {
                    Fail($"{path}.table", "only a node with child nodes can have a decision table.");
                }
                Text(t.Rationale, $"{path}.table.rationale");
                table = DecisionTable.Build(t.Rules, t.Rationale, children.Count, $"{source}: {path}.table");
            }
            return new Node(node.Id, node.Name, node.Description, children, questions, table, actions, node.GoodPractice);
        }

        private Question Question(QuestionDocument question, string path)
        {
            Id(question.Id, $"{path}.id");
            path = $"{path} '{question.Id}'";
            if (!questionIds.Add(question.Id))
            {
                Fail(path, "another question has the same id.");
            }
            Text(question.Text, $"{path}.text");
            if (question.Note is not null)
            {
                Text(question.Note, $"{path}.note");
            }
            var roles = question.Roles ?? [];
            foreach (var role in roles.Where(r => !roleIds.Contains(r)))
            {
                Fail($"{path}.roles", $"'{role}' is not one of the instrument's roles ({string.Join(", ", roleIds)}).");
            }
            var roleTexts = question.RoleTexts ?? [];
            foreach (var (role, text) in roleTexts)
            {
                if (!roleIds.Contains(role))
                {
                    Fail($"{path}.roleTexts.{role}", $"'{role}' is not one of the instrument's roles ({string.Join(", ", roleIds)}).");
                }
                Text(text, $"{path}.roleTexts.{role}");
            }
            return new Question(question.Id, question.Text, question.Reversed, roles, roleTexts, question.Note);
        }

        private void Id(string id, string path)
        {
            if (!IdPattern().IsMatch(id))
            {
                Fail(path, $"'{id}' is not an id; use lower-case letters, digits and single hyphens, e.g. \"top-management-support\".");
            }
        }

        private void Text(LocalizedText text, string path)
        {
            if (string.IsNullOrWhiteSpace(text.En))
            {
                Fail($"{path}.en", "the English text is empty.");
            }
            if (string.IsNullOrWhiteSpace(text.Sl))
            {
                Fail($"{path}.sl", "the Slovenian text is empty.");
            }
        }

        [DoesNotReturn]
        private void Fail(string path, string message) => throw new InstrumentFormatException($"{source}: {path}: {message}");
    }

    private sealed record InstrumentDocument(
        string Id,
        string Version,
        LocalizedText Title,
        LocalizedText Description,
        ProvenanceDocument Provenance,
        ScaleDocument Scale,
        Dictionary<string, LocalizedText> Levels,
        DefaultRuleDocument DefaultRule,
        NodeDocument Root,
        List<RoleDocument>? Roles = null);

    private sealed record ProvenanceDocument(LocalizedText Model, List<string> References, LocalizedText Adaptation);

    private sealed record ScaleDocument(string Id, List<AnswerOption> Options, LocalizedText Note);

    private sealed record DefaultRuleDocument(Ratio MediumFrom, Ratio HighFrom, Ratio MinimumAnsweredShare, LocalizedText Explanation);

    private sealed record RoleDocument(string Id, LocalizedText Name);

    private sealed record NodeDocument(
        string Id,
        LocalizedText Name,
        LocalizedText? Description = null,
        List<NodeDocument>? Children = null,
        List<QuestionDocument>? Questions = null,
        TableDocument? Table = null,
        List<LocalizedText>? Actions = null,
        LocalizedText? GoodPractice = null);

    private sealed record TableDocument(LocalizedText Rationale, List<DecisionRule> Rules);

    private sealed record QuestionDocument(
        string Id,
        LocalizedText Text,
        bool Reversed = false,
        List<string>? Roles = null,
        Dictionary<string, LocalizedText>? RoleTexts = null,
        LocalizedText? Note = null);
}
