using Cocreo.Assessment;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The instrument version an assessment was answered under, and the pieces of it a page shows.</summary>
public static class AssessmentInstruments
{
    /// <summary>
    /// The instrument version the assessment names, or null when this installation does not have it (the page then
    /// says so: the answers are kept, and never re-scored with another version).
    /// </summary>
    public static Instrument? Of(OrganisationAssessment assessment) =>
        InstrumentCatalog.All.FirstOrDefault(i => i.Id == assessment.InstrumentId && i.Version == assessment.InstrumentVersion);

    /// <summary>The role staff answer in: the instrument's first role (Co-Master's organisers), or none.</summary>
    /// <remarks>Instrument files list the organisers' role first; the quality gaps are computed as first role minus second.</remarks>
    public static string? StaffRole(Instrument instrument) => instrument.Roles.Count == 0 ? null : instrument.Roles[0].Id;

    /// <summary>The pages an instrument is answered in.</summary>
    /// <remarks>
    /// An instrument whose top-level nodes hold the questions (Co-Serve's two perspectives, Co-Master's six dimensions)
    /// is one page; one whose top-level nodes group attributes (Co-Ready's three categories) is one page per group,
    /// so that a long questionnaire is saved as it goes.
    /// </remarks>
    public static IReadOnlyList<AnswerSection> Sections(Instrument instrument)
    {
        var top = instrument.Root.HoldsQuestions ? [instrument.Root] : instrument.Root.Children;
        if (top.All(n => n.HoldsQuestions))
        {
            return [new AnswerSection("all", instrument.Title, top)];
        }
        return top.Select(n => new AnswerSection(n.Id, n.Name, QuestionGroups(n).ToList())).ToList();
    }

    private static IEnumerable<Node> QuestionGroups(Node node) =>
        node.HoldsQuestions ? [node] : node.Children.SelectMany(QuestionGroups);
}

/// <summary>One page of questions: the groups (attributes, perspectives, dimensions) it shows.</summary>
public sealed record AnswerSection(string Id, LocalizedText Title, IReadOnlyList<Node> Groups)
{
    public IEnumerable<Question> QuestionsFor(string? role) => Groups.SelectMany(g => g.Questions).Where(q => q.AppliesTo(role));
}
