using Cocreo.Web.Platform.Localization;
using System.ComponentModel.DataAnnotations;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// A resident puts forward a proposal of the process. While they type the title, the page shows proposals like it
/// (with JavaScript, from the similar-proposals API; without, "Check for similar proposals" reloads the form with them).
/// A picture and a PDF document may go with it (more are added on the proposal's page).
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = ProposalAttachmentReader.MaxRequestBytes)]
[RequestSizeLimit(ProposalAttachmentReader.MaxRequestBytes)]
[RefuseRequestsOver(ProposalAttachmentReader.MaxRequestBytes)]
public sealed class NewModel(ProposalAccess access, ProposalList list, ChangeRunner changes, IStringLocalizer<ProposalsText> t, IStringLocalizer<BudgetingText> budgetText) : PageModel
{
    public ProposalsView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public ProposalForm Input { get; set; } = new();

    public IReadOnlyList<SimilarProposal> Similar { get; private set; } = [];

    public bool Checked { get; private set; }

    public sealed class ProposalForm
    {
        [Required(ErrorMessage = "Enter a title.")]
        [StringLength(BudgetLimits.Title, ErrorMessage = "The title can have at most {1} characters.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Describe your proposal.")]
        [StringLength(BudgetLimits.LongText, ErrorMessage = "The description can have at most {1} characters.")]
        public string Body { get; set; } = "";

        [StringLength(BudgetLimits.Title, ErrorMessage = "This can have at most {1} characters.")]
        public string? Location { get; set; }

        /// <summary>Degrees, typed (a decimal point or comma) or filled in by "Use my location"; parsed by <see cref="ProposalRules.ParseDegrees"/>.</summary>
        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public string? Category { get; set; }

        public IFormFile? Image { get; set; }

        [StringLength(ImageFile.AltTextLength, ErrorMessage = "This can have at most {1} characters.")]
        public string? ImageAlt { get; set; }

        public IFormFile? Document { get; set; }

        [StringLength(PdfFile.TitleLength, ErrorMessage = "This can have at most {1} characters.")]
        public string? DocumentTitle { get; set; }

        public Guid SubmissionId { get; set; }
    }

    /// <summary>
    /// This page may ask the browser for the device's location ("Use my location", only when the person presses it);
    /// every other page keeps geolocation off (<see cref="Platform.Security.SecurityHeaders"/>).
    /// </summary>
    /// (Marked as no handler: an override loses the base's mark, and Razor Pages would take it for one.)
    [NonHandler]
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers["Permissions-Policy"] = Platform.Security.SecurityHeaders.PermissionsPolicy("geolocation=(self)");
        base.OnPageHandlerExecuting(context);
    }

    public async Task<IActionResult> OnGetAsync(int processId, bool check, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, ProposalAction.Propose, cancellationToken);
        ModelState.Clear();
        if (Input.SubmissionId == Guid.Empty)
        {
            Input.SubmissionId = Guid.NewGuid();
        }
        if (check)
        {
            Checked = true;
            Similar = await list.SimilarAsync(processId, Input.Title, null, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int processId, [FromServices] PutForwardProposal.Handler putForward, CancellationToken cancellationToken)
    {
        View = await access.ReadAsync(processId, User, ProposalAction.Propose, cancellationToken);
        var image = await ProposalImageUpload.ReadAsync(Input.Image, Input.ImageAlt, "Input.Image", "Input.ImageAlt", ModelState, budgetText, cancellationToken);
        var document = await ReadDocumentAsync(cancellationToken);
        var (latitude, longitude) = (Degrees(Input.Latitude, "Input.Latitude"), Degrees(Input.Longitude, "Input.Longitude"));
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var content = new ProcessProposalContent(Input.Title, Input.Body, Input.Category ?? "", Input.Location ?? "", Platform.Localization.Cultures.Current, latitude, longitude);
        var attachments = image is null && document is null ? null : new PutForwardProposal.FirstAttachments(image, Input.ImageAlt, document, Input.DocumentTitle);
        var id = await changes.RunAsync(putForward, new PutForwardProposal.Command(processId, content, Input.SubmissionId, attachments), cancellationToken);
        return this.Done(t["Thank you! Your proposal is published; the organisation will answer it."], ProposalLinks.Of(processId, id));
    }

    /// <summary>A typed coordinate; one that is not a number becomes the field's error (null).</summary>
    private double? Degrees(string? typed, string field)
    {
        var (value, understood) = ProposalRules.ParseDegrees(typed);
        if (!understood)
        {
            ModelState.AddModelError(field, t[ProposalRules.Message("CoordinateNumber")]);
        }
        return value;
    }

    /// <summary>The document sent with the form, checked by its bytes (problems become the field's errors); null when none was chosen.</summary>
    private async Task<byte[]?> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        if (Input.Document is not { } upload || (upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(Input.DocumentTitle))
        {
            ModelState.AddModelError("Input.DocumentTitle", t[ProposalRules.Message("DocumentTitleMissing")]);
        }
        var bytes = await DocumentUpload.ReadAsync(upload, cancellationToken);
        var problem = PdfFile.Check(bytes) switch
        {
            DocumentProblem.Empty => t[ProposalRules.Message("DocumentEmpty")].Value,
            DocumentProblem.TooLarge => t.Plural(ProposalRules.Message("DocumentTooLarge"), (bytes.Length / 1048576m).ToString("N1", System.Globalization.CultureInfo.CurrentCulture), PdfFile.MaxBytes / 1048576),
            DocumentProblem.NotPdf => t[ProposalRules.Message("DocumentNotPdf")].Value,
            _ => null,
        };
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Document", problem);
            return null;
        }
        return bytes;
    }
}
