namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// The user-journey map of one public service that a process renews (Co-Renew): the ordered stages service users go
/// through, the touchpoints of each stage, the pain-point tags and the profile questions the organisation asks.
/// Stages, touchpoints, tags, questions and options that contributions refer to are retired, never deleted, so old
/// contributions stay attached to what they were made for.
/// </summary>
public sealed class JourneyMap
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }

    /// <summary>The renewal process the map belongs to; its changes go to this process's public log.</summary>
    public int ProcessId { get; private set; }

    /// <summary>Reserved for the service chosen in Co-Serve (ServiceSelection) that this map renews.</summary>
    public int? SelectedServiceId { get; private set; }

    public string ServiceName { get; private set; } = "";

    /// <summary>What the service is and who uses it, in Markdown.</summary>
    public string ServiceDescription { get; private set; } = "";

    /// <summary>The short code of the join link (<c>/j/{code}</c>) printed under the QR code.</summary>
    public string JoinCode { get; private set; } = "";

    /// <summary>Whether service users can contribute now.</summary>
    public bool IsOpen { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public bool IsDemo { get; private set; }

    public List<JourneyStage> Stages { get; private set; } = [];
    public List<PainPointTag> PainTags { get; private set; } = [];
    public List<ProfileQuestion> ProfileQuestions { get; private set; } = [];

    private JourneyMap()
    {
    }

    public static JourneyMap Start(int organisationId, int processId, string serviceName, string serviceDescription, string joinCode,
        IEnumerable<string> stageNames, IEnumerable<string> painTags, DateTime now, bool isDemo = false)
    {
        var map = new JourneyMap
        {
            OrganisationId = organisationId,
            ProcessId = processId,
            JoinCode = joinCode,
            IsOpen = true,
            CreatedAt = now,
            IsDemo = isDemo,
        };
        map.Describe(serviceName, serviceDescription);
        foreach (var name in stageNames)
        {
            map.AddStage(name, "");
        }
        foreach (var tag in painTags)
        {
            map.AddPainTag(tag);
        }
        return map;
    }

    /// <summary>Stages offered to contributors, in order.</summary>
    public IEnumerable<JourneyStage> ActiveStages => Stages.Where(s => !s.IsRetired).OrderBy(s => s.Position);

    /// <summary>Every stage in order, retired ones included (they still hold old contributions).</summary>
    public IEnumerable<JourneyStage> AllStages => Stages.OrderBy(s => s.Position).ThenBy(s => s.Id);

    public IEnumerable<PainPointTag> ActivePainTags => PainTags.Where(t => !t.IsRetired).OrderBy(t => t.Name, StringComparer.CurrentCulture);

    public IEnumerable<ProfileQuestion> ActiveQuestions => ProfileQuestions.Where(q => !q.IsRetired).OrderBy(q => q.Position);

    public void Describe(string serviceName, string serviceDescription)
    {
        ServiceName = Required(serviceName, JourneyLimits.Name);
        ServiceDescription = serviceDescription.Trim();
    }

    public void Open() => IsOpen = true;

    public void Close() => IsOpen = false;

    /// <summary>Links the map to the service chosen in Co-Serve.</summary>
    public void RenewsSelectedService(int? selectedServiceId) => SelectedServiceId = selectedServiceId;

    public JourneyStage Stage(int stageId) => Stages.SingleOrDefault(s => s.Id == stageId) ?? throw new JourneyRuleException("UnknownStage");

    public JourneyStage AddStage(string name, string description)
    {
        if (ActiveStages.Count() >= JourneyLimits.Stages)
        {
            throw new JourneyRuleException("TooManyStages");
        }
        var stage = new JourneyStage
        {
            Name = Required(name, JourneyLimits.Name),
            Description = Limited(description, JourneyLimits.ShortText),
            Position = Stages.Count == 0 ? 1 : Stages.Max(s => s.Position) + 1,
        };
        Stages.Add(stage);
        return stage;
    }

    public void ChangeStage(int stageId, string name, string description)
    {
        var stage = Stage(stageId);
        stage.Name = Required(name, JourneyLimits.Name);
        stage.Description = Limited(description, JourneyLimits.ShortText);
    }

    /// <summary>Swaps a stage with its active neighbour; retired stages keep their place.</summary>
    public void MoveStage(int stageId, int direction)
    {
        var active = ActiveStages.ToList();
        var index = active.FindIndex(s => s.Id == stageId);
        var other = index + Math.Sign(direction);
        if (index < 0 || direction == 0 || other < 0 || other >= active.Count)
        {
            throw new JourneyRuleException("CannotMoveStage");
        }
        (active[index].Position, active[other].Position) = (active[other].Position, active[index].Position);
    }

    /// <summary>Takes a stage out of the walk. One that holds contributions is retired; an unused one is deleted.</summary>
    /// <returns>True when the stage was retired, false when it was deleted.</returns>
    public bool RemoveStage(int stageId, bool hasContributions)
    {
        var stage = Stage(stageId);
        if (hasContributions)
        {
            stage.IsRetired = true;
            return true;
        }
        Stages.Remove(stage);
        return false;
    }

    /// <summary>Offers a retired stage again; false when it was not retired (nothing to do).</summary>
    public bool RestoreStage(int stageId)
    {
        var stage = Stage(stageId);
        if (!stage.IsRetired)
        {
            return false;
        }
        if (ActiveStages.Count() >= JourneyLimits.Stages)
        {
            throw new JourneyRuleException("TooManyStages");
        }
        stage.IsRetired = false;
        return true;
    }

    public Touchpoint AddTouchpoint(int stageId, Channel channel, string actor, string description)
    {
        var stage = Stage(stageId);
        if (stage.Touchpoints.Count(t => !t.IsRetired) >= JourneyLimits.TouchpointsPerStage)
        {
            throw new JourneyRuleException("TooManyTouchpoints");
        }
        var touchpoint = new Touchpoint
        {
            Channel = Defined(channel),
            Actor = Required(actor, JourneyLimits.Name),
            Description = Limited(description, JourneyLimits.ShortText),
        };
        stage.Touchpoints.Add(touchpoint);
        return touchpoint;
    }

    public Touchpoint Touchpoint(int touchpointId) =>
        Stages.SelectMany(s => s.Touchpoints).SingleOrDefault(t => t.Id == touchpointId) ?? throw new JourneyRuleException("UnknownTouchpoint");

    public void ChangeTouchpoint(int touchpointId, Channel channel, string actor, string description)
    {
        var touchpoint = Touchpoint(touchpointId);
        touchpoint.Channel = Defined(channel);
        touchpoint.Actor = Required(actor, JourneyLimits.Name);
        touchpoint.Description = Limited(description, JourneyLimits.ShortText);
    }

    /// <returns>True when the touchpoint was retired (contributions name it), false when it was deleted.</returns>
    public bool RemoveTouchpoint(int touchpointId, bool hasContributions)
    {
        var touchpoint = Touchpoint(touchpointId);
        if (hasContributions)
        {
            touchpoint.IsRetired = true;
            return true;
        }
        Stages.Single(s => s.Touchpoints.Contains(touchpoint)).Touchpoints.Remove(touchpoint);
        return false;
    }

    /// <summary>Offers a retired touchpoint again; false when it was not retired (nothing to do).</summary>
    public bool RestoreTouchpoint(int touchpointId)
    {
        var touchpoint = Touchpoint(touchpointId);
        if (!touchpoint.IsRetired)
        {
            return false;
        }
        if (Stages.Single(s => s.Touchpoints.Contains(touchpoint)).Touchpoints.Count(t => !t.IsRetired) >= JourneyLimits.TouchpointsPerStage)
        {
            throw new JourneyRuleException("TooManyTouchpoints");
        }
        touchpoint.IsRetired = false;
        return true;
    }

    public PainPointTag AddPainTag(string name)
    {
        var clean = Required(name, JourneyLimits.TagName);
        var existing = PainTags.FirstOrDefault(t => string.Equals(t.Name, clean, StringComparison.CurrentCultureIgnoreCase));
        if (existing is not null)
        {
            existing.IsRetired = false;
            return existing;
        }
        if (ActivePainTags.Count() >= JourneyLimits.Tags)
        {
            throw new JourneyRuleException("TooManyTags");
        }
        var tag = new PainPointTag { Name = clean };
        PainTags.Add(tag);
        return tag;
    }

    public PainPointTag PainTag(int tagId) => PainTags.SingleOrDefault(t => t.Id == tagId) ?? throw new JourneyRuleException("UnknownTag");

    /// <summary>Tags are only retired: contributions keep the tags they were given. False when it was retired already.</summary>
    public bool RetirePainTag(int tagId)
    {
        var tag = PainTag(tagId);
        if (tag.IsRetired)
        {
            return false;
        }
        tag.IsRetired = true;
        return true;
    }

    public ProfileQuestion ProfileQuestion(int questionId) =>
        ProfileQuestions.SingleOrDefault(q => q.Id == questionId) ?? throw new JourneyRuleException("UnknownQuestion");

    public ProfileQuestion AddProfileQuestion(string text, IReadOnlyList<ProfileOptionSpec> options)
    {
        if (ActiveQuestions.Count() >= JourneyLimits.Questions)
        {
            throw new JourneyRuleException("TooManyQuestions");
        }
        var question = new ProfileQuestion
        {
            Text = Required(text, JourneyLimits.Name),
            Position = ProfileQuestions.Count == 0 ? 1 : ProfileQuestions.Max(q => q.Position) + 1,
        };
        question.SetOptions(options);
        ProfileQuestions.Add(question);
        return question;
    }

    public void ChangeProfileQuestion(int questionId, string text, IReadOnlyList<ProfileOptionSpec> options)
    {
        var question = ProfileQuestion(questionId);
        question.Text = Required(text, JourneyLimits.Name);
        question.SetOptions(options);
    }

    /// <summary>Questions are only retired: answers already given stay with the contributions. False when it was retired already.</summary>
    public bool RetireProfileQuestion(int questionId)
    {
        var question = ProfileQuestion(questionId);
        if (question.IsRetired)
        {
            return false;
        }
        question.IsRetired = true;
        return true;
    }

    internal static string Required(string text, int maxLength)
    {
        var clean = (text ?? "").Trim();
        if (clean.Length == 0)
        {
            throw new JourneyRuleException("Empty");
        }
        return clean.Length > maxLength ? throw new JourneyRuleException("TooLong") : clean;
    }

    private static string Limited(string? text, int maxLength)
    {
        var clean = (text ?? "").Trim();
        return clean.Length > maxLength ? throw new JourneyRuleException("TooLong") : clean;
    }

    private static Channel Defined(Channel channel) => Enum.IsDefined(channel) ? channel : throw new JourneyRuleException("UnknownChannel");
}

/// <summary>One stage of the service as users live it, such as "wait" or "decision".</summary>
public sealed class JourneyStage
{
    public int Id { get; private set; }
    public int JourneyMapId { get; private set; }
    public int Position { get; internal set; }
    public string Name { get; internal set; } = "";
    public string Description { get; internal set; } = "";

    /// <summary>No longer offered to contributors; kept because contributions were made for it.</summary>
    public bool IsRetired { get; internal set; }

    public List<Touchpoint> Touchpoints { get; private set; } = [];

    public IEnumerable<Touchpoint> ActiveTouchpoints => Touchpoints.Where(t => !t.IsRetired).OrderBy(t => t.Channel).ThenBy(t => t.Id);
}

/// <summary>Where a user meets the service in a stage: a channel and whom they deal with there.</summary>
public sealed class Touchpoint
{
    public int Id { get; private set; }
    public int StageId { get; private set; }
    public Channel Channel { get; internal set; }

    /// <summary>Who or what the user meets: "front desk clerk", "the e-permit portal".</summary>
    public string Actor { get; internal set; } = "";

    public string Description { get; internal set; } = "";
    public bool IsRetired { get; internal set; }
}

/// <summary>The channel of a touchpoint.</summary>
public enum Channel
{
    Online,
    Phone,
    InPerson,
    Letter,
    Email,
}

/// <summary>A common kind of pain point a contributor can name with one tap.</summary>
public sealed class PainPointTag
{
    public int Id { get; private set; }
    public int JourneyMapId { get; private set; }
    public string Name { get; internal set; } = "";
    public bool IsRetired { get; internal set; }
}

/// <summary>An optional question about the contributor (age band, district...), for segments and representativeness.</summary>
public sealed class ProfileQuestion
{
    public int Id { get; private set; }
    public int JourneyMapId { get; private set; }
    public int Position { get; internal set; }
    public string Text { get; internal set; } = "";
    public bool IsRetired { get; internal set; }
    public List<ProfileOption> Options { get; private set; } = [];

    public IEnumerable<ProfileOption> ActiveOptions => Options.Where(o => !o.IsRetired).OrderBy(o => o.Position);

    /// <summary>
    /// Sets the options by label: a label already known keeps its option (and its answers), a new label adds one,
    /// and an option left out is retired so the answers given for it are kept.
    /// </summary>
    internal void SetOptions(IReadOnlyList<ProfileOptionSpec> options)
    {
        if (options.Count < 2)
        {
            throw new JourneyRuleException("TooFewOptions");
        }
        if (options.Count > JourneyLimits.Options)
        {
            throw new JourneyRuleException("TooManyOptions");
        }
        if (options.Select(o => o.Label.Trim()).Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != options.Count)
        {
            throw new JourneyRuleException("DuplicateOption");
        }
        if (options.Sum(o => o.ExpectedPercent ?? 0) > 100)
        {
            throw new JourneyRuleException("SharesOver100");
        }
        foreach (var option in Options)
        {
            option.IsRetired = true;
        }
        for (var i = 0; i < options.Count; i++)
        {
            var spec = options[i];
            var label = JourneyMap.Required(spec.Label, JourneyLimits.OptionLabel);
            if (spec.ExpectedPercent is < 0 or > 100)
            {
                throw new JourneyRuleException("ShareOutOfRange");
            }
            var option = Options.FirstOrDefault(o => string.Equals(o.Label, label, StringComparison.CurrentCultureIgnoreCase));
            if (option is null)
            {
                option = new ProfileOption();
                Options.Add(option);
            }
            option.Label = label;
            option.Position = i + 1;
            option.ExpectedPercent = spec.ExpectedPercent;
            option.IsRetired = false;
        }
    }
}

/// <summary>One answer to a profile question, with the share of the population the organisation expects to have it.</summary>
public sealed class ProfileOption
{
    public int Id { get; private set; }
    public int ProfileQuestionId { get; private set; }
    public int Position { get; internal set; }
    public string Label { get; internal set; } = "";

    /// <summary>The share of the service's users (in percent) the organisation expects to give this answer, if known.</summary>
    public decimal? ExpectedPercent { get; internal set; }

    public bool IsRetired { get; internal set; }
}

public sealed record ProfileOptionSpec(string Label, decimal? ExpectedPercent);

/// <summary>A rule of the journey map was broken; the code names a localised message (see <see cref="JourneyRules"/>).</summary>
public sealed class JourneyRuleException(string code) : Platform.Changes.RuleException(code)
{
    public override string Text => JourneyRules.Message(Code);
}

public static class JourneyLimits
{
    public const int Name = 200;
    public const int TagName = 80;
    public const int OptionLabel = 100;
    public const int ShortText = 1_000;
    public const int LongText = 20_000;

    /// <summary>What a contributor may write in one box: enough for a story, short enough to read on a phone.</summary>
    public const int ContributionText = 2_000;

    public const int PublicName = 80;
    public const int Stages = 15;
    public const int TouchpointsPerStage = 12;
    public const int Tags = 30;
    public const int Questions = 8;
    public const int Options = 12;
}
