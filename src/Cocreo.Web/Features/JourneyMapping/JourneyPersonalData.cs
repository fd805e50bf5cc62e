using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The journey contributions a person kept in their account (with what they told about each stage and themselves),
/// and the assisted ones they entered as staff. Deleting the account keeps the contributions, anonymous: no longer in
/// the account, without the name shown with them. Who entered an assisted contribution stays for the team.
/// </summary>
public sealed class JourneyPersonalData(CocreoDbContext db) : PersonalDataPart
{
    public override string Part => "journeyMapping";

    public override IReadOnlyCollection<string> Columns { get; } = ["JourneyContribution.UserId", "JourneyContribution.EnteredByUserId"];

    public override async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken) => new
    {
        contributions = await db.Set<JourneyContribution>().AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                map = c.JourneyMapId,
                c.PublicName,
                gathering = c.Gathering.ToString(),
                c.StartedAt,
                c.SubmittedAt,
                c.HiddenReason,
                stages = c.Experiences.OrderBy(e => e.StageId).Select(e => new { stage = e.StageId, e.Rating, e.WhatHappened, e.PainPoint, e.Idea }).ToList(),
                aboutYou = c.ProfileAnswers.Select(a => new { question = a.ProfileQuestionId, option = a.ProfileOptionId }).ToList(),
            })
            .ToListAsync(cancellationToken),
        enteredForOthers = await db.Set<JourneyContribution>().AsNoTracking()
            .Where(c => c.EnteredByUserId == userId)
            .Select(c => new { c.Id, map = c.JourneyMapId, gathering = c.Gathering.ToString(), c.StartedAt })
            .ToListAsync(cancellationToken),
    };

    public override async Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var contribution in await db.Set<JourneyContribution>().Where(c => c.UserId == userId).ToListAsync(cancellationToken))
        {
            contribution.ForgetContributor();
        }
    }
}
