using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Demo;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// The demo city's Co-Serve: a comparison of three services, evaluated by two staff members who do not always agree,
/// in which the library was chosen for renewal (where the demo's Co-Renew journey starts). Answers follow fixed
/// patterns, so every start shows the same demo.
/// </summary>
public sealed class ServiceSelectionDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var staff = new[] { city.Sponsor, city.Facilitator, city.Librarian };
        var serve = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
        var started = city.Time.Now.AddDays(-50);
        var shortlist = ServiceShortlist.Start(city.OrganisationId, null, serve, "Which service should we renew first?", staff[0].Id, started, isDemo: true);
        var candidates = new (string Name, string Description, string[] Unmet)[]
        {
            ("City library services", "Lending, reading rooms and events in the central library and two branches.", ["expert-matter"]),
            ("Building permits for small works", "Permits for extensions, fences and façades, applied for at the municipal office.", ["many-users", "personal-needs", "heavily-regulated", "clear-result", "own-authority"]),
            ("Bulky waste collection", "Collection of furniture and large appliances on request, twice a year per household.", ["user-profile", "performance-data", "strategic-importance", "sufficient-resources"]),
        };
        var evaluations = new List<OrganisationAssessment>();
        foreach (var (name, _, unmet) in candidates)
        {
            var assessment = OrganisationAssessment.Start(city.OrganisationId, null, serve, name, staff[0].Id, started, isDemo: true);
            foreach (var (person, index) in staff.Skip(1).Select((p, i) => (p, i)))
            {
                var respondent = assessment.RespondentFor(person.Id, null, started.AddHours(index + 1));
                foreach (var question in serve.Questions)
                {
                    // The second evaluator doubts the library's data on performance: a disagreement to talk about.
                    var favourable = !unmet.Contains(question.Id) && !(index == 1 && question.Id == "performance-data" && name.StartsWith("City library", StringComparison.Ordinal));
                    respondent.Answer(question.Id, favourable != question.Reversed ? "yes" : "no", started.AddHours(index + 1));
                }
                respondent.Finish(started.AddHours(index + 2));
            }
            evaluations.Add(assessment);
        }
        db.AddRange(evaluations);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ((name, description, _), evaluation) in candidates.Zip(evaluations))
        {
            shortlist.Add(name, description, evaluation.Id, started);
        }
        db.Add(shortlist);
        await db.SaveChangesAsync(cancellationToken);

        var chosenAt = started.AddDays(6);
        shortlist.Choose(shortlist.Services[0], evaluated: true, "Most suitable by the criteria, and the library's director is ready to lead the renewal with its users.", staff[0].Id, chosenAt);
        AssessmentLifecycle.Close(evaluations, serve, chosenAt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
