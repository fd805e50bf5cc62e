using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Cocreo.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// What service users do with their own contribution: start it, save each stage as they go (so nothing is lost when
/// they are interrupted), answer the profile questions, send it and support others' ideas. Sending and supporting
/// are recorded in the process's public log, naming only the role; the texts stay out of the log so that a hidden
/// contribution is hidden for good.
/// </summary>
public sealed class ContributionWrites(
    CocreoDbContext db,
    JourneyDirectory directory,
    JourneyChanges changes,
    ProcessDirectory processes,
    ProcessAccessReader accessReader,
    ProcessLog log,
    TimeProvider clock)
{
    public const string ContributorRole = "service-user";

    /// <summary>Starts an online contribution; returns its resume token, or null when the person may not contribute.</summary>
    public async Task<string?> StartAsync(JourneyView journey, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!journey.Can(JourneyAction.Contribute))
        {
            return null;
        }
        var (token, hash) = ContributionTokens.New();
        db.Add(JourneyContribution.StartOnline(journey.Map.Id, hash, user.UserId(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public Task<ChangeOutcome> RecordAsync(string token, ClaimsPrincipal user, int stageId, StageAccount account, CancellationToken cancellationToken) =>
        RunAsync(token, user, logged: false, (contribution, map, _, now, _) =>
        {
            contribution.Record(map, stageId, account, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<ChangeOutcome> DescribeAsync(string token, ClaimsPrincipal user, IReadOnlyDictionary<int, int?> answers, CancellationToken cancellationToken) =>
        RunAsync(token, user, logged: false, (contribution, map, _, now, _) =>
        {
            contribution.Describe(map, answers, now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<ChangeOutcome> KeepInAccountAsync(string token, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        RunAsync(token, user, logged: false, (contribution, _, _, _, _) =>
        {
            contribution.KeepInAccount(user.UserId() ?? throw new JourneyRuleException("SignInFirst"));
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<ChangeOutcome> SubmitAsync(string token, ClaimsPrincipal user, string? publicName, CancellationToken cancellationToken) =>
        RunAsync(token, user, logged: true, (contribution, _, process, now, _) =>
        {
            if (contribution.Submit(publicName, now))
            {
                log.Append(process, LogActor.Private(ContributorRole), "contribution.submitted", new
                {
                    contribution = contribution.Id,
                    stages = contribution.Experiences.Count,
                    gathering = contribution.Gathering.ToString(),
                });
            }
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Supports another contributor's idea, once; a second support of the same idea changes nothing.</summary>
    public Task<ChangeOutcome> SupportAsync(string token, ClaimsPrincipal user, int experienceId, CancellationToken cancellationToken) =>
        RunAsync(token, user, logged: true, async (contribution, map, process, now, ct) =>
        {
            if (contribution.Experiences.Count == 0)
            {
                throw new JourneyRuleException("SupportNeedsContribution");
            }
            var idea = await db.Set<StageExperience>()
                .Where(e => e.Id == experienceId && e.JourneyMapId == map.Id && e.HasIdea && e.IsVisible)
                .SingleOrDefaultAsync(ct) ?? throw new JourneyRuleException("NotAnIdea");
            if (idea.ContributionId == contribution.Id)
            {
                throw new JourneyRuleException("OwnIdea");
            }
            if (await db.Set<IdeaSupport>().AnyAsync(s => s.StageExperienceId == idea.Id && s.SupporterContributionId == contribution.Id, ct))
            {
                return;
            }
            db.Add(new IdeaSupport { StageExperienceId = idea.Id, SupporterContributionId = contribution.Id, CreatedAt = now });
            // The process's version guards this count: concurrent supports are saved one after another.
            idea.SupportCount += 1;
            log.Append(process, LogActor.Private(ContributorRole), "idea.supported", new { idea = idea.Id });
        }, cancellationToken);

    /// <summary>Staff enter a contribution gathered on paper, in person or by phone; returns its resume token.</summary>
    public async Task<(ChangeOutcome Outcome, string? Token)> EnterAssistedAsync(int mapId, ClaimsPrincipal user, AssistedEntry entry, CancellationToken cancellationToken)
    {
        string? token = null;
        var outcome = await changes.RunAsync(mapId, user, JourneyAction.EnterAssisted, (change, _) =>
        {
            var (newToken, hash) = ContributionTokens.New();
            var contribution = JourneyContribution.StartAssisted(change.Map.Id, hash, entry.Gathering, user.UserId()!, change.Now);
            foreach (var (stageId, account) in entry.Stages)
            {
                contribution.Record(change.Map, stageId, account, change.Now);
            }
            contribution.Describe(change.Map, entry.Answers, change.Now);
            contribution.Submit(entry.PublicName, change.Now);
            db.Add(contribution);
            change.Log("contribution.entered", new { stages = contribution.Experiences.Count, gathering = contribution.Gathering.ToString() });
            token = newToken;
            return Task.CompletedTask;
        }, cancellationToken);
        return (outcome, outcome.Result == ChangeResult.Done ? token : null);
    }

    private async Task<ChangeOutcome> RunAsync(string token, ClaimsPrincipal user, bool logged,
        Func<JourneyContribution, JourneyMap, Process, DateTime, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        if (!ContributionTokens.LooksValid(token))
        {
            return ChangeOutcome.NotFound;
        }
        var hash = ContributionTokens.Hash(token);
        try
        {
            return await db.RetryOnConflictAsync(async ct =>
            {
                var contribution = await db.Set<JourneyContribution>()
                    .Include(c => c.Experiences).ThenInclude(e => e.Touchpoints)
                    .Include(c => c.Experiences).ThenInclude(e => e.PainTags)
                    .Include(c => c.ProfileAnswers)
                    .SingleOrDefaultAsync(c => c.TokenHash == hash, ct);
                if (contribution is null)
                {
                    return ChangeOutcome.NotFound;
                }
                var map = await directory.Maps().SingleAsync(m => m.Id == contribution.JourneyMapId, ct);
                // Only a logged change moves the process's log head, so only then is the process loaded to change.
                var process = logged
                    ? await processes.FindForChangeAsync(map.ProcessId, user.UserId(), ct)
                    : await processes.FindAsync(map.ProcessId, ct);
                var access = await accessReader.ForAsync(user, process!, ct);
                var subject = JourneySubject.Of(process!, map);
                if (!JourneyPermissions.Allows(JourneyAction.View, subject, access))
                {
                    return ChangeOutcome.NotFound;
                }
                if (!JourneyPermissions.Allows(JourneyAction.Contribute, subject, access))
                {
                    return ChangeOutcome.Broken("MapClosed");
                }
                await change(contribution, map, process!, clock.GetUtcNow().UtcDateTime, ct);
                await db.SaveChangesAsync(ct);
                return ChangeOutcome.Done;
            }, cancellationToken);
        }
        catch (JourneyRuleException rule)
        {
            db.ChangeTracker.Clear();
            return ChangeOutcome.Broken(rule.Code);
        }
    }
}

/// <summary>A contribution gathered offline, as staff type it in.</summary>
public sealed record AssistedEntry(
    Gathering Gathering,
    IReadOnlyList<(int StageId, StageAccount Account)> Stages,
    IReadOnlyDictionary<int, int?> Answers,
    string? PublicName);
