namespace Cocreo.Assessment.Tests;

public class QualityGapsTests
{
    private static readonly Instrument Master = InstrumentCatalog.Load("co-master", "1.0");

    [Fact]
    public void A_role_with_fewer_than_five_responses_is_suppressed_and_gives_no_numbers()
    {
        var responses = Respondents("organiser", 5, "agree").Concat(Respondents("participant", 4, "agree")).ToList();

        var report = QualityGaps.Between(Master, responses);

        var participants = report.Roles.Single(r => r.RoleId == "participant");
        Assert.True(participants.Suppressed);
        Assert.Null(participants.OverallLevel);
        Assert.All(report.Dimensions, d =>
        {
            var view = d.ByRole.Single(v => v.RoleId == "participant");
            Assert.True(view.Suppressed);
            Assert.Null(view.Level);
            Assert.Null(view.Score);
            Assert.Empty(view.Statements);
            Assert.Null(d.Gap);
        });
        Assert.False(report.Roles.Single(r => r.RoleId == "organiser").Suppressed);
        Assert.Equal(Level.High, report.Roles.Single(r => r.RoleId == "organiser").OverallLevel);
    }

    [Fact]
    public void The_minimum_number_of_responses_is_a_parameter()
    {
        var responses = Respondents("organiser", 3, "agree").Concat(Respondents("participant", 3, "agree")).ToList();

        var report = QualityGaps.Between(Master, responses, QualityGapOptions.Default with { MinimumResponses = 3 });

        Assert.All(report.Roles, r => Assert.False(r.Suppressed));
    }

    [Fact]
    public void A_dimension_too_few_respondents_answered_is_suppressed_even_when_the_role_has_enough()
    {
        var responses = Respondents("organiser", 5, "agree", skip: ["told-how-input-used", "next-steps-known"], skipFor: 2).ToList();

        var report = QualityGaps.Between(Master, responses);

        var feedback = report.Dimensions.Single(d => d.DimensionId == "feedback-follow-up").ByRole[0];
        Assert.True(feedback.Suppressed);
        Assert.False(report.Dimensions.Single(d => d.DimensionId == "inclusiveness").ByRole[0].Suppressed);
    }

    [Fact]
    public void A_wide_gap_between_organisers_and_participants_is_flagged_and_listed_for_improvement()
    {
        // Organisers all agree that participants heard how their input was used; only two of five participants agree.
        var organisers = Respondents("organiser", 5, "agree");
        var participants = Respondents("participant", 5, "agree", disagreeOn: ["told-how-input-used", "next-steps-known"], disagreeFor: 3);

        var report = QualityGaps.Between(Master, [.. organisers, .. participants]);

        var feedback = report.Dimensions.Single(d => d.DimensionId == "feedback-follow-up");
        Assert.Equal(Ratio.One, feedback.ByRole[0].Score);
        Assert.Equal(new Ratio(2, 5), feedback.ByRole[1].Score);
        Assert.Equal(new Ratio(3, 5), feedback.Gap);
        Assert.True(feedback.GapFlagged);
        var area = Assert.Single(report.ImprovementAreas);
        Assert.Equal(("feedback-follow-up", Level.Medium, "participant", true),
            (area.DimensionId, area.LowestLevel!.Value, area.LowestLevelRole, area.GapFlagged));
        Assert.All(report.Dimensions.Where(d => d.DimensionId != "feedback-follow-up"), d => Assert.False(d.GapFlagged));
    }

    [Fact]
    public void A_gap_just_below_the_threshold_is_not_flagged()
    {
        // 4 of 5 participants agree on both feedback statements (4/5); organisers all agree: a gap of 1/5 < 1/4.
        var organisers = Respondents("organiser", 5, "agree");
        var participants = Respondents("participant", 5, "agree", disagreeOn: ["told-how-input-used", "next-steps-known"], disagreeFor: 1);

        var feedback = QualityGaps.Between(Master, [.. organisers, .. participants]).Dimensions.Single(d => d.DimensionId == "feedback-follow-up");

        Assert.Equal(new Ratio(1, 5), feedback.Gap);
        Assert.False(feedback.GapFlagged);
    }

    [Fact]
    public void Agreeing_with_a_reversed_statement_counts_against_the_dimension()
    {
        // Everyone agrees with every statement, including "important groups were missing".
        var report = QualityGaps.Between(Master, [.. Respondents("participant", 5, "agree", reversedToo: true)]);

        var inclusiveness = report.Dimensions.Single(d => d.DimensionId == "inclusiveness").ByRole[1];
        Assert.Equal(new Ratio(2, 3), inclusiveness.Score);
        Assert.Equal(Ratio.Zero, inclusiveness.Statements.Single(s => s.QuestionId == "groups-missing").PositiveShare);
    }

    [Fact]
    public void Improvement_areas_put_the_lowest_rated_dimension_first()
    {
        var participants = Respondents("participant", 5, "agree",
            disagreeOn: ["good-facilitation", "clear-goals-roles-timeline", "enough-time-resources", "trust-grew"], disagreeFor: 5);

        var report = QualityGaps.Between(Master, [.. participants]);

        Assert.Equal(["transparency-organisation", "relationships-learning"], report.ImprovementAreas.Select(a => a.DimensionId));
        Assert.Equal([Level.Low, Level.Medium], report.ImprovementAreas.Select(a => a.LowestLevel!.Value));
    }

    [Fact]
    public void Responses_to_another_version_are_refused()
    {
        var stray = new AnswerSheet("co-master", "0.9", new Dictionary<string, string>(), "x", "participant");

        Assert.Throws<InstrumentVersionMismatchException>(() => QualityGaps.Between(Master, [stray]));
    }

    /// <summary>
    /// <paramref name="count"/> respondents of <paramref name="role"/> who give <paramref name="answer"/> to every statement
    /// (the favourable side of reversed ones unless <paramref name="reversedToo"/>); the first <paramref name="disagreeFor"/>
    /// of them disagree with <paramref name="disagreeOn"/>; the first <paramref name="skipFor"/> leave <paramref name="skip"/> unanswered.
    /// </summary>
    private static IEnumerable<AnswerSheet> Respondents(
        string role, int count, string answer,
        string[]? disagreeOn = null, int disagreeFor = 0,
        string[]? skip = null, int skipFor = 0,
        bool reversedToo = false)
    {
        for (var i = 0; i < count; i++)
        {
            var sheet = AnswerSheet.For(Master, $"{role}-{i}", role);
            foreach (var question in Master.Questions.Where(q => q.AppliesTo(role)))
            {
                if (i < skipFor && skip?.Contains(question.Id) == true)
                {
                    continue;
                }
                var given = i < disagreeFor && disagreeOn?.Contains(question.Id) == true ? "disagree"
                    : question.Reversed && !reversedToo ? "disagree"
                    : answer;
                sheet = sheet.With(question.Id, given);
            }
            yield return sheet;
        }
    }
}
