namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// One service user's journey through the service: how each stage went for them, their pain points and ideas, and
/// optional answers about themselves. It holds no IP address or device trait; the contributor holds a secret token
/// (only its hash is stored) to come back to it, and may link it to an account. It is anonymous unless the
/// contributor gives a name to show.
/// </summary>
public sealed class JourneyContribution
{
    public int Id { get; private set; }
    public int JourneyMapId { get; private set; }

    /// <summary>SHA-256 of the contributor's resume token (see <see cref="ContributionTokens"/>).</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The account of a contributor who chose to keep the contribution in their account.</summary>
    public string? UserId { get; private set; }

    /// <summary>The name the contributor chose to show with their input; null keeps it anonymous.</summary>
    public string? PublicName { get; private set; }

    public Gathering Gathering { get; private set; }

    /// <summary>The staff member or facilitator who entered an assisted contribution (visible to the team only).</summary>
    public string? EnteredByUserId { get; private set; }

    public DateTime StartedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }

    public DateTime? HiddenAt { get; private set; }

    /// <summary>Why moderators hid it: shown publicly in its place.</summary>
    public string? HiddenReason { get; private set; }

    public List<StageExperience> Experiences { get; private set; } = [];
    public List<ProfileAnswer> ProfileAnswers { get; private set; } = [];

    private JourneyContribution()
    {
    }

    public bool IsAssisted => Gathering != Gathering.Online;
    public bool IsHidden => HiddenAt is not null;
    public bool IsSubmitted => SubmittedAt is not null;

    /// <summary>A service user starts contributing online.</summary>
    public static JourneyContribution StartOnline(int mapId, string tokenHash, string? userId, DateTime now) => new()
    {
        JourneyMapId = mapId,
        TokenHash = tokenHash,
        UserId = userId,
        Gathering = Gathering.Online,
        StartedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Staff or a facilitator enters what a person said on paper, in person or by phone.</summary>
    public static JourneyContribution StartAssisted(int mapId, string tokenHash, Gathering gathering, string enteredByUserId, DateTime now)
    {
        if (gathering == Gathering.Online || !Enum.IsDefined(gathering))
        {
            throw new JourneyRuleException("AssistedNeedsChannel");
        }
        return new()
        {
            JourneyMapId = mapId,
            TokenHash = tokenHash,
            Gathering = gathering,
            EnteredByUserId = enteredByUserId,
            StartedAt = now,
            UpdatedAt = now,
        };
    }

    public StageExperience? ExperienceOf(int stageId) => Experiences.FirstOrDefault(e => e.StageId == stageId);

    /// <summary>Saves how one stage went, replacing what was saved for it before.</summary>
    public StageExperience Record(JourneyMap map, int stageId, StageAccount account, DateTime now)
    {
        var stage = map.Stage(stageId);
        if (stage.IsRetired && ExperienceOf(stageId) is null)
        {
            throw new JourneyRuleException("StageRetired");
        }
        if (account.Rating is < 1 or > 5)
        {
            throw new JourneyRuleException("RatingOutOfRange");
        }
        var touchpoints = account.TouchpointIds.Distinct().Select(id => stage.Touchpoints.SingleOrDefault(t => t.Id == id) ?? throw new JourneyRuleException("UnknownTouchpoint")).ToList();
        var tags = account.PainTagIds.Distinct().Select(id => map.PainTags.SingleOrDefault(t => t.Id == id) ?? throw new JourneyRuleException("UnknownTag")).ToList();

        var experience = ExperienceOf(stageId);
        if (experience is null)
        {
            experience = new StageExperience { JourneyMapId = map.Id, StageId = stageId };
            Experiences.Add(experience);
        }
        experience.Rating = account.Rating;
        experience.WhatHappened = Text(account.WhatHappened);
        experience.PainPoint = Text(account.PainPoint);
        experience.Idea = Text(account.Idea);
        experience.Touchpoints.RemoveAll(t => !touchpoints.Any(n => n.Id == t.TouchpointId));
        foreach (var touchpoint in touchpoints.Where(n => !experience.Touchpoints.Any(t => t.TouchpointId == n.Id)))
        {
            experience.Touchpoints.Add(new ExperienceTouchpoint { TouchpointId = touchpoint.Id, Channel = touchpoint.Channel });
        }
        experience.PainTags.RemoveAll(t => !tags.Any(n => n.Id == t.PainPointTagId));
        foreach (var tag in tags.Where(n => !experience.PainTags.Any(t => t.PainPointTagId == n.Id)))
        {
            experience.PainTags.Add(new ExperiencePainTag { PainPointTagId = tag.Id });
        }
        experience.HasPain = experience.PainPoint is not null || experience.PainTags.Count > 0;
        UpdatedAt = now;
        return experience;
    }

    /// <summary>Sets the contributor's answers about themselves; a question left blank is not answered.</summary>
    public void Describe(JourneyMap map, IReadOnlyDictionary<int, int?> optionByQuestion, DateTime now)
    {
        foreach (var (questionId, optionId) in optionByQuestion)
        {
            var question = map.ProfileQuestion(questionId);
            var answer = ProfileAnswers.FirstOrDefault(a => a.ProfileQuestionId == questionId);
            if (optionId is null)
            {
                if (answer is not null)
                {
                    ProfileAnswers.Remove(answer);
                }
                continue;
            }
            var option = question.Options.SingleOrDefault(o => o.Id == optionId) ?? throw new JourneyRuleException("UnknownOption");
            if (answer is null)
            {
                ProfileAnswers.Add(new ProfileAnswer { ProfileQuestionId = questionId, ProfileOptionId = option.Id });
            }
            else
            {
                answer.ProfileOptionId = option.Id;
            }
        }
        UpdatedAt = now;
    }

    /// <summary>Sends the contribution. Returns true the first time (that is what the public log records).</summary>
    public bool Submit(string? publicName, DateTime now)
    {
        if (Experiences.Count == 0)
        {
            throw new JourneyRuleException("NothingToSubmit");
        }
        var name = (publicName ?? "").Trim();
        if (name.Length > JourneyLimits.PublicName)
        {
            throw new JourneyRuleException("TooLong");
        }
        PublicName = name.Length == 0 ? null : name;
        UpdatedAt = now;
        if (SubmittedAt is not null)
        {
            return false;
        }
        SubmittedAt = now;
        return true;
    }

    public void KeepInAccount(string userId) => UserId ??= userId;

    public void Hide(string reason, DateTime now)
    {
        HiddenReason = JourneyMap.Required(reason, JourneyLimits.ShortText);
        HiddenAt = now;
    }

    public void Show()
    {
        HiddenAt = null;
        HiddenReason = null;
    }

    private static string? Text(string? text)
    {
        var clean = (text ?? "").Trim();
        if (clean.Length > JourneyLimits.ContributionText)
        {
            throw new JourneyRuleException("TooLong");
        }
        return clean.Length == 0 ? null : clean;
    }
}

/// <summary>How a contribution reached the map: the person online, or gathered for them (assisted).</summary>
public enum Gathering
{
    /// <summary>The person contributed themselves, online.</summary>
    Online,

    /// <summary>Written on a paper form and typed in by staff.</summary>
    Paper,

    /// <summary>Told in person (a desk, a workshop, a street stand) and entered by staff.</summary>
    InPerson,

    /// <summary>Told by phone and entered by staff.</summary>
    Phone,
}

/// <summary>What a contributor says about one stage.</summary>
public sealed record StageAccount(
    int Rating,
    IReadOnlyList<int> TouchpointIds,
    string? WhatHappened,
    string? PainPoint,
    IReadOnlyList<int> PainTagIds,
    string? Idea);

/// <summary>How one stage went for one contributor.</summary>
public sealed class StageExperience
{
    public int Id { get; private set; }
    public int ContributionId { get; private set; }

    /// <summary>Kept here as well so the dashboard aggregates one table per map without a join.</summary>
    public int JourneyMapId { get; init; }

    public int StageId { get; init; }

    /// <summary>How it felt, 1 (very bad) to 5 (very good).</summary>
    public int Rating { get; internal set; }

    public string? WhatHappened { get; internal set; }
    public string? PainPoint { get; internal set; }
    public string? Idea { get; internal set; }

    /// <summary>A pain point was written or tagged; kept for counting without reading the texts.</summary>
    public bool HasPain { get; internal set; }

    /// <summary>How many other contributors support the idea (one each), kept with the idea for ranking.</summary>
    public int SupportCount { get; internal set; }

    public List<ExperienceTouchpoint> Touchpoints { get; private set; } = [];
    public List<ExperiencePainTag> PainTags { get; private set; } = [];
}

/// <summary>A touchpoint a contributor used in a stage; the channel is copied for the stage × channel heat map.</summary>
public sealed class ExperienceTouchpoint
{
    public int Id { get; private set; }
    public int StageExperienceId { get; private set; }
    public int TouchpointId { get; init; }
    public Channel Channel { get; init; }
}

public sealed class ExperiencePainTag
{
    public int Id { get; private set; }
    public int StageExperienceId { get; private set; }
    public int PainPointTagId { get; init; }
}

public sealed class ProfileAnswer
{
    public int Id { get; private set; }
    public int ContributionId { get; private set; }
    public int ProfileQuestionId { get; init; }
    public int ProfileOptionId { get; internal set; }
}

/// <summary>One contributor supports another's idea, once.</summary>
public sealed class IdeaSupport
{
    public int Id { get; private set; }
    public int StageExperienceId { get; init; }

    /// <summary>The supporter's own contribution: supporting needs one, which is what makes "once each" hold without tracking people.</summary>
    public int SupporterContributionId { get; init; }

    public DateTime CreatedAt { get; init; }
}
