using Cocreo.Assessment;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// The demo city's Co-Master: a survey of the library's renewal that is still open, answered by its two organisers
/// and seven participants through a link. Organisers are more positive than participants about how the participants'
/// ideas were used and about feedback, the gap the report is there to show. Answers follow fixed patterns, so every
/// start shows the same demo.
/// </summary>
public sealed class ProcessQualityDemo(CocreoDbContext db, ProcessDirectory processes) : IDemoSeed
{
    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var library = (await processes.FindAsync(city.Process("library"), cancellationToken))!;
        var (owner, facilitator, time) = (city.Librarian, city.Facilitator, city.Time);
        var master = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);
        time.Advance(TimeSpan.FromDays(2));
        var survey = OrganisationAssessment.Start(library.OrganisationId, library.Id, master, "How well did we co-create the library's renewal?", owner.Id, time.Now, isDemo: true);
        db.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(library.Id, LogActor.Named(owner.DisplayName, "owner"), "assessment.started", new { instrument = master.Id, version = master.Version, title = survey.Title });
        var link = ResponseLink.Open(survey.Id, "participant", owner.Id, time.Now);
        db.Add(link);
        await city.Log.AppendAsync(library.Id, LogActor.Named(owner.DisplayName, "owner"), "quality-link.opened", new { survey = survey.Title });
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
}
