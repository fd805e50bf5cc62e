using Cocreo.Assessment;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// One use of a toolkit instrument by an organisation: a Co-Ready self-assessment, the Co-Serve evaluation of one
/// candidate service, or a Co-Master survey of a co-creation. It names the instrument version it is answered under
/// for good: its answers are only ever scored by that version's rules.
/// </summary>
public sealed class OrganisationAssessment
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }

    /// <summary>The process it belongs to, if any; its start and completion are then written to that process's log.</summary>
    public int? ProcessId { get; private set; }

    public string InstrumentId { get; private set; } = "";
    public string InstrumentVersion { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string StartedByUserId { get; private set; } = "";
    public DateTime StartedAt { get; private set; }

    /// <summary>When answering was closed and the result recorded; answers cannot change afterwards.</summary>
    public DateTime? CompletedAt { get; private set; }

    /// <summary>The result recorded at completion (the engine's JSON, which names the instrument version it was scored with).</summary>
    public string? ResultJson { get; private set; }

    public bool IsDemo { get; private set; }

    /// <summary>Changes when the assessment is completed, so two completions cannot both be recorded.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<Respondent> Respondents { get; private set; } = [];

    private OrganisationAssessment()
    {
    }

    public static OrganisationAssessment Start(int organisationId, int? processId, Instrument instrument, string title, string userId, DateTime now, bool isDemo = false) => new()
    {
        OrganisationId = organisationId,
        ProcessId = processId,
        InstrumentId = instrument.Id,
        InstrumentVersion = instrument.Version,
        Title = title.Trim(),
        StartedByUserId = userId,
        StartedAt = now,
        IsDemo = isDemo,
    };

    public bool IsCompleted => CompletedAt is not null;

    /// <summary>How many respondents said they had finished (only their answers count).</summary>
    public int FinishedCount => Respondents.Count(r => r.IsFinished);

    /// <summary>How many respondents started but have not finished.</summary>
    public int AnsweringCount => Respondents.Count(r => !r.IsFinished);

    /// <summary>The signed-in person's answers, if they started answering.</summary>
    public Respondent? RespondentOf(string? userId) => userId is null ? null : Respondents.FirstOrDefault(r => r.UserId == userId);

    public void Complete(DateTime now, string? resultJson)
    {
        if (IsCompleted)
        {
            throw new AssessmentRuleException("AssessmentCompleted");
        }
        CompletedAt = now;
        ResultJson = resultJson;
        Version = Guid.NewGuid();
    }

    /// <summary>The signed-in person's answers, started on their first save.</summary>
    public Respondent RespondentFor(string userId, string? role, DateTime now)
    {
        var respondent = Respondents.FirstOrDefault(r => r.UserId == userId);
        if (respondent is not null)
        {
            return respondent;
        }
        EnsureOpen();
        respondent = new Respondent { UserId = userId, Role = role, StartedAt = now, UpdatedAt = now };
        Respondents.Add(respondent);
        return respondent;
    }

    /// <summary>An anonymous participant's answers, found again by the key in their browser's cookie.</summary>
    public Respondent AnonymousRespondent(int linkId, string role, string resumeKeyHash, DateTime now)
    {
        EnsureOpen();
        var respondent = new Respondent { ResponseLinkId = linkId, Role = role, ResumeKeyHash = resumeKeyHash, StartedAt = now, UpdatedAt = now };
        Respondents.Add(respondent);
        return respondent;
    }

    public void EnsureOpen()
    {
        if (IsCompleted)
        {
            throw new AssessmentRuleException("AssessmentCompleted");
        }
    }

    /// <summary>
    /// Every respondent's sheet, named by a pseudonym (R1, R2, … in the order they started) and never by who they are.
    /// Only finished sheets count unless <paramref name="includeUnfinished"/>.
    /// </summary>
    public List<AnswerSheet> Sheets(bool includeUnfinished = false) =>
        Respondents
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id)
            .Select((r, i) => (Respondent: r, Pseudonym: $"R{i + 1}"))
            .Where(x => includeUnfinished || x.Respondent.IsFinished)
            .Select(x => x.Respondent.Sheet(this, x.Pseudonym))
            .ToList();
}

/// <summary>One person's answers to an assessment: a member of staff signed in, or an anonymous participant.</summary>
public sealed class Respondent
{
    public int Id { get; private set; }
    public int AssessmentId { get; private set; }

    /// <summary>The staff member who answers; null for anonymous participants.</summary>
    public string? UserId { get; init; }

    /// <summary>The role answered in, for instruments with roles (Co-Master: organiser or participant).</summary>
    public string? Role { get; init; }

    /// <summary>The link an anonymous participant came through.</summary>
    public int? ResponseLinkId { get; init; }

    /// <summary>SHA-256 of the random key kept in an anonymous participant's cookie, so they can resume; nothing else identifies them.</summary>
    public string? ResumeKeyHash { get; init; }

    public DateTime StartedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the respondent said they had finished; only finished answers count in results.</summary>
    public DateTime? FinishedAt { get; private set; }

    public List<GivenAnswer> Answers { get; private set; } = [];

    public bool IsFinished => FinishedAt is not null;

    /// <summary>Sets one answer; a null option takes the answer back (the question is then unanswered, never "no").</summary>
    public void Answer(string questionId, string? optionId, DateTime now)
    {
        var existing = Answers.FirstOrDefault(a => a.QuestionId == questionId);
        if (optionId is null)
        {
            if (existing is not null)
            {
                Answers.Remove(existing);
            }
        }
        else if (existing is null)
        {
            Answers.Add(new GivenAnswer { QuestionId = questionId, OptionId = optionId });
        }
        else
        {
            existing.OptionId = optionId;
        }
        UpdatedAt = now;
    }

    public void Finish(DateTime now)
    {
        FinishedAt ??= now;
        UpdatedAt = now;
    }

    public string? AnswerTo(string questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId)?.OptionId;

    public AnswerSheet Sheet(OrganisationAssessment assessment, string pseudonym) => new(
        assessment.InstrumentId,
        assessment.InstrumentVersion,
        Answers.ToDictionary(a => a.QuestionId, a => a.OptionId, StringComparer.Ordinal),
        pseudonym,
        Role);
}

public sealed class GivenAnswer
{
    public int Id { get; private set; }
    public int RespondentId { get; private set; }
    public string QuestionId { get; init; } = "";
    public string OptionId { get; set; } = "";
}
