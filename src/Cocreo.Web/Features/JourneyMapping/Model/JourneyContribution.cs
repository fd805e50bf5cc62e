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

    /// <summary>Its contributor deleted their account: it stays, anonymous and no longer in any account.</summary>
    public void ForgetContributor()
    {
        UserId = null;
        PublicName = null;
    }
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
            experience = new StageExperience { JourneyMapId = map.Id, StageId = stageId, Gathering = Gathering, IsVisible = !IsHidden };
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
        experience.HasIdea = experience.Idea is not null;
        experience.Channels = StageExperience.ChannelMask(experience.Touchpoints.Select(t => t.Channel));
        experience.CopyFactsToDetails();
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

    /// <summary>Hides the contribution with a public reason. Its stage experiences, with their touchpoints and tags, must be loaded: they all carry the flag.</summary>
    public void Hide(string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new JourneyRuleException("NoHidingReason");
        }
        HiddenReason = JourneyMap.Required(reason, JourneyLimits.ShortText);
        HiddenAt = now;
        Experiences.ForEach(e => e.ChangeVisibility(false));
    }

    /// <summary>Shows a hidden contribution again; false when it was not hidden (nothing to do).</summary>
    public bool Show()
    {
        if (!IsHidden)
        {
            return false;
        }
        HiddenAt = null;
        HiddenReason = null;
        Experiences.ForEach(e => e.ChangeVisibility(true));
        return true;
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

/// <summary>
/// What the dashboard filters and groups by, kept on each stage experience and copied to its touchpoints and tags,
/// so each of the dashboard's scans reads one table's covering index with no join per row (see docs/benchmarks.md).
/// </summary>
public interface IExperienceFacts
{
    int JourneyMapId { get; }
    int StageId { get; }

    /// <summary>False while the contribution is hidden by moderators.</summary>
    bool IsVisible { get; }

    /// <summary>How the contribution was gathered (never changes).</summary>
    Gathering Gathering { get; }

    /// <summary>The channels of the touchpoints used in the stage, one bit per <see cref="Channel"/>, as they were when used.</summary>
    int Channels { get; }
}

/// <summary>A touchpoint used or a tag chosen in a stage experience, carrying that experience's facts.</summary>
public interface IExperienceDetail : IExperienceFacts
{
    int StageExperienceId { get; }
}

/// <summary>How one stage went for one contributor.</summary>
public sealed class StageExperience : IExperienceFacts
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

    public bool HasIdea { get; internal set; }

    public bool IsVisible { get; internal set; } = true;
    public Gathering Gathering { get; init; }
    public int Channels { get; internal set; }

    public static int ChannelBit(Channel channel) => 1 << (int)channel;

    public static int ChannelMask(IEnumerable<Channel> channels) => channels.Aggregate(0, (mask, c) => mask | ChannelBit(c));

    internal void ChangeVisibility(bool visible)
    {
        IsVisible = visible;
        CopyFactsToDetails();
    }

    internal void CopyFactsToDetails()
    {
        foreach (var used in Touchpoints)
        {
            used.Copy(this);
        }
        foreach (var tagged in PainTags)
        {
            tagged.Copy(this);
        }
    }

    /// <summary>How many other contributors support the idea (one each), kept with the idea for ranking.</summary>
    public int SupportCount { get; internal set; }

    public List<ExperienceTouchpoint> Touchpoints { get; private set; } = [];
    public List<ExperiencePainTag> PainTags { get; private set; } = [];
}

/// <summary>A touchpoint a contributor used in a stage, with the facts of its stage experience (for the dashboard).</summary>
public sealed class ExperienceTouchpoint : IExperienceDetail
{
    public int Id { get; private set; }
    public int StageExperienceId { get; private set; }
    public int TouchpointId { get; init; }

    /// <summary>The touchpoint's channel when it was used.</summary>
    public Channel Channel { get; init; }

    public int JourneyMapId { get; private set; }
    public int StageId { get; private set; }
    public bool IsVisible { get; private set; }
    public Gathering Gathering { get; private set; }
    public int Channels { get; private set; }

    /// <summary>The rating of the stage, for the touchpoint's mean feeling (the lowest moments of truth).</summary>
    public int Rating { get; private set; }

    internal void Copy(StageExperience experience)
    {
        (JourneyMapId, StageId, IsVisible, Gathering, Channels, Rating) =
            (experience.JourneyMapId, experience.StageId, experience.IsVisible, experience.Gathering, experience.Channels, experience.Rating);
    }
}

/// <summary>A pain-point tag a contributor chose for a stage, with the facts of its stage experience (for the dashboard).</summary>
public sealed class ExperiencePainTag : IExperienceDetail
{
    public int Id { get; private set; }
    public int StageExperienceId { get; private set; }
    public int PainPointTagId { get; init; }
    public int JourneyMapId { get; private set; }
    public int StageId { get; private set; }
    public bool IsVisible { get; private set; }
    public Gathering Gathering { get; private set; }
    public int Channels { get; private set; }

    internal void Copy(StageExperience experience)
    {
        (JourneyMapId, StageId, IsVisible, Gathering, Channels) =
            (experience.JourneyMapId, experience.StageId, experience.IsVisible, experience.Gathering, experience.Channels);
    }
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
