using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Demo;

namespace Cocreo.Web.Features.Readiness;

/// <summary>
/// The demo city's Co-Ready: two completed assessments half a year apart (so the history chart has a line), answered
/// by three staff members who do not always agree. Answers follow fixed patterns, so every start shows the same demo.
/// </summary>
public sealed class ReadinessDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        CocreoUser[] staff = [city.Sponsor, city.Facilitator, city.Librarian];
        var ready = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);
        // Spring: capacity middling, people weak, context fair. Autumn: after training and a named facilitation team.
        var spring = Assessment(city.OrganisationId, ready, "Co-Ready, spring", staff, city.Time.Now.AddDays(-230), new Dictionary<string, int>
        {
            ["organisational-capacity"] = 5, ["internal-co-creators"] = 3, ["context"] = 6,
        });
        var autumn = Assessment(city.OrganisationId, ready, "Co-Ready, autumn", staff, city.Time.Now.AddDays(-12), new Dictionary<string, int>
        {
            ["organisational-capacity"] = 7, ["internal-co-creators"] = 6, ["context"] = 6,
        });
        db.AddRange(spring, autumn);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A completed Co-Ready assessment answered by <paramref name="staff"/>: in each category, about <c>yesInTen</c>
    /// questions in ten are answered yes, and each respondent sees a few questions differently from the others.
    /// </summary>
    private static OrganisationAssessment Assessment(int cityId, Instrument instrument, string title, IReadOnlyList<CocreoUser> staff, DateTime start, IReadOnlyDictionary<string, int> yesInTen)
    {
        var assessment = OrganisationAssessment.Start(cityId, null, instrument, title, staff[0].Id, start, isDemo: true);
        foreach (var (person, r) in staff.Select((p, i) => (p, i)))
        {
            var respondent = assessment.RespondentFor(person.Id, null, start.AddHours(r + 1));
            foreach (var category in instrument.Root.Children)
            {
                var questions = category.Children.SelectMany(a => a.Questions).ToList();
                for (var q = 0; q < questions.Count; q++)
                {
                    var yes = (q * 7 % 10 < yesInTen[category.Id]) != ((q + 2 * r) % 9 == 0);
                    respondent.Answer(questions[q].Id, yes != questions[q].Reversed ? "yes" : "no", start.AddHours(r + 1));
                }
            }
            respondent.Finish(start.AddHours(r + 2));
        }
        assessment.Complete(start.AddDays(9), AssessmentJson.Write(AssessmentScoring.Consolidated(assessment, instrument)!.Result));
        return assessment;
    }
}
