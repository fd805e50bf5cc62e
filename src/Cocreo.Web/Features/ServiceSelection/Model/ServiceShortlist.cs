using Cocreo.Assessment;

namespace Cocreo.Web.Features.ServiceSelection;

/// <summary>
/// A Co-Serve comparison: the candidate services an organisation considers renewing through co-creation, each
/// evaluated with the 13 criteria, and the one it finally chose — "the service to renew", where Co-Renew starts.
/// </summary>
public sealed class ServiceShortlist
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }

    /// <summary>The process it belongs to, if any; its changes are then written to that process's log.</summary>
    public int? ProcessId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The Co-Serve version every candidate is evaluated with, so their scores can be compared.</summary>
    public string InstrumentVersion { get; private set; } = "";

    public string StartedByUserId { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public int? ChosenServiceId { get; private set; }
    public DateTime? ChosenAt { get; private set; }
    public string? ChosenByUserId { get; private set; }

    /// <summary>Why the organisation chose this service, in its own words (optional).</summary>
    public string? ChoiceReason { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Changes with every change, so two people choosing at once cannot both succeed.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<ShortlistedService> Services { get; private set; } = [];

    private ServiceShortlist()
    {
    }

    public static ServiceShortlist Start(int organisationId, int? processId, Instrument instrument, string title, string userId, DateTime now, bool isDemo = false) => new()
    {
        OrganisationId = organisationId,
        ProcessId = processId,
        Title = title.Trim(),
        InstrumentVersion = instrument.Version,
        StartedByUserId = userId,
        StartedAt = now,
        IsDemo = isDemo,
    };

    public bool IsDecided => ChosenServiceId is not null;

    public ShortlistedService? Chosen => Services.FirstOrDefault(s => s.Id == ChosenServiceId);

    /// <summary>Adds a candidate with the assessment its criteria are answered in (started for it, in Assessments).</summary>
    public ShortlistedService Add(string name, string description, int assessmentId, DateTime now)
    {
        EnsureOpen();
        var service = new ShortlistedService { Name = name.Trim(), Description = description.Trim(), AssessmentId = assessmentId, AddedAt = now };
        Services.Add(service);
        Version = Guid.NewGuid();
        return service;
    }

    /// <summary>Chooses the service to renew; only one that has been evaluated (<paramref name="evaluated"/>) can be.</summary>
    public void Choose(ShortlistedService service, bool evaluated, string? reason, string userId, DateTime now)
    {
        EnsureOpen();
        if (!evaluated)
        {
            throw new ServiceSelectionRuleException("ServiceNotEvaluated");
        }
        ChosenServiceId = service.Id;
        ChoiceReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ChosenByUserId = userId;
        ChosenAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Changes the choice of a decided comparison to another candidate, with the reason for the change. The
    /// evaluations stay closed with the results they had; the earlier choice stays in the process's public log.
    /// </summary>
    public void Reconsider(ShortlistedService service, bool evaluated, string reason, string userId, DateTime now)
    {
        if (!IsDecided)
        {
            throw new ServiceSelectionRuleException("ServiceNotChosen");
        }
        if (!evaluated)
        {
            throw new ServiceSelectionRuleException("ServiceNotEvaluated");
        }
        if (service.Id == ChosenServiceId)
        {
            throw new ServiceSelectionRuleException("ServiceAlreadyTheChoice");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ServiceSelectionRuleException("ReasonMissing");
        }
        ChosenServiceId = service.Id;
        ChoiceReason = reason.Trim();
        ChosenByUserId = userId;
        ChosenAt = now;
        Version = Guid.NewGuid();
    }

    private void EnsureOpen()
    {
        if (IsDecided)
        {
            throw new ServiceSelectionRuleException("ServiceAlreadyChosen");
        }
    }
}

/// <summary>
/// A candidate service on a shortlist, evaluated in its own Co-Serve assessment (by one or several staff). The
/// assessment is the toolkit's (Assessments): the comparison names it by id and reads it through Assessments' services.
/// </summary>
public sealed class ShortlistedService
{
    public int Id { get; private set; }
    public int ShortlistId { get; private set; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public int AssessmentId { get; init; }
    public DateTime AddedAt { get; init; }
}
