using Cocreo.Assessment;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.ProcessQuality;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Features.ServiceSelection;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The demo city's use of the co-creation toolkit: two completed Co-Ready assessments half a year apart (so the
/// history chart has a line) answered by three staff members who do not always agree, and a Co-Serve comparison of
/// three services in which the library was chosen for renewal, and a Co-Master survey of the library's renewal that
/// is still open, answered by its two organisers and seven participants through a link. Answers follow fixed
/// patterns, so every start shows the same demo.
/// </summary>
public sealed class ToolkitDemo(CocreoDbContext db) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        await ToolkitAsync(city.OrganisationId, [city.Sponsor, city.Facilitator, city.Librarian], city.Time, cancellationToken);
        var library = await db.Set<Process>().SingleAsync(p => p.Id == city.Process("library"), cancellationToken);
        await ProcessQualityAsync(library, city.Librarian, city.Facilitator, city.Log, city.Time, cancellationToken);
    }

    private async Task ToolkitAsync(int cityId, IReadOnlyList<CocreoUser> staff, DemoClock time, CancellationToken cancellationToken)
    {
        var ready = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);
        // Spring: capacity middling, people weak, context fair. Autumn: after training and a named facilitation team.
        var spring = ReadinessAssessment(cityId, ready, "Co-Ready, spring", staff, time.Now.AddDays(-230), new Dictionary<string, int>
        {
            ["organisational-capacity"] = 5, ["internal-co-creators"] = 3, ["context"] = 6,
        });
        var autumn = ReadinessAssessment(cityId, ready, "Co-Ready, autumn", staff, time.Now.AddDays(-12), new Dictionary<string, int>
        {
            ["organisational-capacity"] = 7, ["internal-co-creators"] = 6, ["context"] = 6,
        });
        db.AddRange(spring, autumn);

        var serve = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
        var started = time.Now.AddDays(-50);
        var shortlist = ServiceShortlist.Start(cityId, null, serve, "Which service should we renew first?", staff[0].Id, started, isDemo: true);
        var candidates = new (string Name, string Description, string[] Unmet)[]
        {
            ("City library services", "Lending, reading rooms and events in the central library and two branches.", ["expert-matter"]),
            ("Building permits for small works", "Permits for extensions, fences and façades, applied for at the municipal office.", ["many-users", "personal-needs", "heavily-regulated", "clear-result", "own-authority"]),
            ("Bulky waste collection", "Collection of furniture and large appliances on request, twice a year per household.", ["user-profile", "performance-data", "strategic-importance", "sufficient-resources"]),
        };
        foreach (var (name, description, unmet) in candidates)
        {
            var assessment = OrganisationAssessment.Start(cityId, null, serve, name, staff[0].Id, started, isDemo: true);
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
            shortlist.Add(name, description, assessment, started);
        }
        db.Add(shortlist);
        await db.SaveChangesAsync(cancellationToken);

        var chosenAt = started.AddDays(6);
        shortlist.Choose(shortlist.Services[0], "Most suitable by the criteria, and the library's director is ready to lead the renewal with its users.", staff[0].Id, chosenAt);
        foreach (var service in shortlist.Services)
        {
            service.Assessment.Complete(chosenAt, AssessmentJson.Write(AssessmentScoring.Consolidated(service.Assessment, serve)!.Result));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An open Co-Master survey of the library's renewal: organisers are more positive than participants about how
    /// the participants' ideas were used and about feedback, the gap the report is there to show.
    /// </summary>
    private async Task ProcessQualityAsync(Process library, CocreoUser owner, CocreoUser facilitator, ProcessLog log, DemoClock time, CancellationToken cancellationToken)
    {
        var master = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);
        time.Advance(TimeSpan.FromDays(2));
        var survey = OrganisationAssessment.Start(library.OrganisationId, library.Id, master, "How well did we co-create the library's renewal?", owner.Id, time.Now, isDemo: true);
        db.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(library.Id, LogActor.Named(owner.DisplayName, "owner"), "assessment.started", new { instrument = master.Id, version = master.Version, title = survey.Title });
        var link = ResponseLink.Open(survey.Id, "participant", owner.Id, time.Now);
        db.Add(link);
        await log.AppendAsync(library.Id, LogActor.Named(owner.DisplayName, "owner"), "quality-link.opened", new { survey = survey.Title });
        await db.SaveChangesAsync(cancellationToken);

        string[] scale = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];
        // Where organisers and participants usually see things differently: how ideas were used, and feedback.
        string[] doubted = ["participation-quality", "feedback-follow-up"];
        void Answer(Respondent respondent, string role, DateTime at, Func<string, int, int> level)
        {
            foreach (var dimension in master.Root.Children)
            {
                foreach (var (question, q) in dimension.Questions.Where(q => q.AppliesTo(role)).Select((q, i) => (q, i)))
                {
                    var agreement = level(dimension.Id, q);
                    respondent.Answer(question.Id, scale[question.Reversed ? 4 - agreement : agreement], at);
                }
            }
        }
        foreach (var (person, index) in new[] { owner, facilitator }.Select((p, i) => (p, i)))
        {
            var at = time.Now.AddHours(index + 1);
            var respondent = survey.RespondentFor(person.Id, "organiser", at);
            Answer(respondent, "organiser", at, (_, q) => 3 + (q + index) % 2);
            respondent.Finish(at.AddMinutes(20));
        }
        for (var person = 0; person < 7; person++)
        {
            var at = time.Now.AddDays(1).AddHours(person * 3);
            var respondent = survey.AnonymousRespondent(link.Id, "participant", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), at);
            Answer(respondent, "participant", at, (dimension, q) => doubted.Contains(dimension) ? 1 + (q + person) % 3 : 2 + (q * 3 + person) % 3);
            // One participant has not finished yet: an open survey has people still answering.
            if (person < 6)
            {
                respondent.Finish(at.AddMinutes(12));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A completed Co-Ready assessment answered by <paramref name="staff"/>: in each category, about <c>yesInTen</c>
    /// questions in ten are answered yes, and each respondent sees a few questions differently from the others.
    /// </summary>
    private static OrganisationAssessment ReadinessAssessment(int cityId, Instrument instrument, string title, IReadOnlyList<CocreoUser> staff, DateTime start, IReadOnlyDictionary<string, int> yesInTen)
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
