using Cocreo.Assessment;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// The page of one assessment in a tool (Co-Ready's result, Co-Master's report): the assessment with everyone's
/// answers, where it belongs, what the reader may do with it, and completing it (<see cref="CompleteAssessment"/>).
/// </summary>
public abstract class AssessmentPage(AssessmentAccessReader assessments, ChangeRunner changes) : PageModel
{
    /// <summary>Runs the page's changes.</summary>
    protected ChangeRunner Changes { get; } = changes;

    public OrganisationAssessment Assessment { get; private set; } = null!;
    public OrganisationSummary Organisation { get; private set; } = null!;
    public ProcessAccess Access { get; private set; } = ProcessAccess.Anonymous;

    /// <summary>The instrument version it is answered under; null when this installation does not have it.</summary>
    public Instrument? Instrument { get; private set; }

    public string? ProcessTitle { get; private set; }

    /// <summary>The reader's own answers, if they started answering.</summary>
    public Respondent? Mine { get; private set; }

    public bool Can(AssessmentAction action) => AssessmentPermissions.Allows(action, ToolkitSubject.Assessment(Assessment.IsCompleted), Access);

    /// <summary>Reads the assessment (of the tool's <paramref name="instrumentId"/>) for the page, refusing (by throwing) those who may not see it.</summary>
    protected async Task ReadAsync(int id, string instrumentId, CancellationToken cancellationToken)
    {
        var view = await assessments.ReadAsync(id, User, AssessmentAction.View, instrumentId, AnswersLoaded.All, cancellationToken);
        (Assessment, Access, Instrument) = (view.Assessment, view.Access, view.Instrument);
        (Organisation, ProcessTitle) = (view.Place.Organisation, view.Place.ProcessTitle);
        Mine = Assessment.RespondentOf(User.UserId());
    }

    /// <summary>Completes the assessment; true when it was completed now, false when it had been already.</summary>
    protected async Task<bool> CompleteAsync(CompleteAssessment.Handler complete, CancellationToken cancellationToken) =>
        (await Changes.RunAsync(complete, new CompleteAssessment.Command(Assessment.Id, Assessment.InstrumentId), cancellationToken)).Completed;
}
