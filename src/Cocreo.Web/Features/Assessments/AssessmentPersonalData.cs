using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The assessments a person started and the answers they gave as staff (anonymous participants have no account).
/// With the account deleted the answers stay in the results, their respondent shown as a former participant.
/// </summary>
public sealed class AssessmentPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "assessments";

    public override IReadOnlyCollection<string> Columns { get; } = ["Assessments.StartedByUserId", "AssessmentRespondents.UserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        started = await db.Set<OrganisationAssessment>().AsNoTracking()
            .Where(a => a.StartedByUserId == userId)
            .Select(a => new { a.Id, a.Title, instrument = a.InstrumentId, a.StartedAt, a.CompletedAt })
            .ToListAsync(cancellationToken),
        answered = await db.Set<OrganisationAssessment>().AsNoTracking()
            .SelectMany(a => a.Respondents.Where(r => r.UserId == userId), (a, r) => new
            {
                assessment = a.Id,
                a.Title,
                instrument = a.InstrumentId,
                r.Role,
                r.StartedAt,
                r.FinishedAt,
                answers = r.Answers.Select(x => new { question = x.QuestionId, option = x.OptionId }).ToList(),
            })
            .ToListAsync(cancellationToken),
    };
}
