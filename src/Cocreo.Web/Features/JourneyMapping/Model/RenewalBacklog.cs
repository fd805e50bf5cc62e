namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>
/// A change the renewal team plans for the service, grounded in what users said: it links the pain points and
/// ideas it answers, so contributors can see what became of their input.
/// </summary>
public sealed class BacklogItem
{
    public int Id { get; private set; }
    public int JourneyMapId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>What will change and why, in Markdown; also the team's answer to the people whose input it links.</summary>
    public string Description { get; private set; } = "";

    public int? StageId { get; private set; }

    /// <summary>Who answers for it: a person or a unit, named in public.</summary>
    public string Owner { get; private set; } = "";

    public BacklogStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<BacklogLink> Links { get; private set; } = [];

    private BacklogItem()
    {
    }

    public static BacklogItem Add(int mapId, BacklogContent content, DateTime now)
    {
        var item = new BacklogItem { JourneyMapId = mapId, CreatedAt = now };
        item.Change(content, now);
        return item;
    }

    public void Change(BacklogContent content, DateTime now)
    {
        if (!Enum.IsDefined(content.Status))
        {
            throw new JourneyRuleException("UnknownStatus");
        }
        Title = JourneyMap.Required(content.Title, JourneyLimits.Name);
        Description = content.Description.Trim();
        StageId = content.StageId;
        Owner = content.Owner.Trim();
        Status = content.Status;
        UpdatedAt = now;
    }

    /// <summary>Links a contribution's pain point or idea; linking the same twice changes nothing.</summary>
    public bool Link(int experienceId, InputKind kind, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new JourneyRuleException("UnknownInput");
        }
        if (Links.Any(l => l.StageExperienceId == experienceId && l.Kind == kind))
        {
            return false;
        }
        Links.Add(new BacklogLink { StageExperienceId = experienceId, Kind = kind });
        UpdatedAt = now;
        return true;
    }

    public bool Unlink(int experienceId, InputKind kind, DateTime now)
    {
        var removed = Links.RemoveAll(l => l.StageExperienceId == experienceId && l.Kind == kind) > 0;
        if (removed)
        {
            UpdatedAt = now;
        }
        return removed;
    }
}

public sealed record BacklogContent(string Title, string Description, int? StageId, string Owner, BacklogStatus Status);

public enum BacklogStatus
{
    Proposed,
    Planned,
    InProgress,
    Done,

    /// <summary>Decided against; the description says why, so people are not left waiting.</summary>
    NotDoing,
}

/// <summary>Which part of a stage experience a backlog item answers.</summary>
public enum InputKind
{
    PainPoint,
    Idea,
}

public sealed class BacklogLink
{
    public int Id { get; private set; }
    public int BacklogItemId { get; private set; }
    public int StageExperienceId { get; init; }
    public InputKind Kind { get; init; }
}
