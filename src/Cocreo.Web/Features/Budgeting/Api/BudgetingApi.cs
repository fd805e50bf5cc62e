using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The JSON API of participatory budgets under <c>/api/v1</c>: public data, and casting a ballot.</summary>
public static class BudgetingApi
{
    public static IEndpointRouteBuilder MapBudgetingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Participatory budgeting");
        api.MapGet("/processes/{id:int}/budgets", List).WithName("ListBudgets").WithSummary("The participatory budgets of a process.");
        api.MapGet("/budgets/{id:int}", Get).WithName("GetBudget").WithSummary("A budget: its phase, ballot form, counting rule and (from voting on) the projects on the ballot.");
        api.MapGet("/budgets/{id:int}/proposals", Proposals).WithName("ListProposals")
            .WithSummary("The proposals of a budget (merged ones left out), in the caller's language where a translation has it (?culture=sl or Accept-Language), with the language each text is in.");
        api.MapGet("/budgets/{id:int}/results", Results).WithName("GetBudgetResults").WithSummary("The published results with each project's reason.");
        api.MapPost("/budgets/{id:int}/ballots", Cast)
            .WithName("CastBallot")
            .WithSummary("Casts (or, with its change code, changes) a ballot. Authenticated by a one-time voting code in the body, or by the sign-in cookie with the X-CSRF-TOKEN header. Answers with the receipt (and the change code where ballots may be changed), once.")
            .RequireRateLimiting(BudgetingCapability.BallotLimit)
            .DisableAntiforgery();
        api.MapPut("/budgets/{id:int}/translations/{language}", TranslateAsync).WithName("TranslateBudget")
            .WithSummary("Adds or replaces the budget's translation into a language (title, district, description, category names one a line, the ballot's questions and answers), as its translations page does. The team only; with the sign-in cookie and the X-CSRF-TOKEN header. 422 with each field's problem.")
            .ProducesValidationProblem();
        api.MapPut("/proposals/{id:int}/translations/{language}", TranslateProposalAsync).WithName("TranslateProposal")
            .WithSummary("Adds or replaces a proposal's translation into a language, as its translations page does: by its author or the budget's team (the review's answer and progress updates by the team only). With the sign-in cookie and the X-CSRF-TOKEN header.")
            .ProducesValidationProblem();
        api.MapGet("/budgets/{id:int}/receipts/{receipt}", Receipt).WithName("CheckReceipt")
            .WithSummary("Whether the ballot of a receipt is in the ballot box (voting open) or was counted. Never what it says.")
            .RequireRateLimiting(BudgetingCapability.BallotLimit);
        endpoints.MapGet("/budgets/{id:int}/election.pb", (int id, HttpContext http, BudgetAccess access, ElectionExport export, CancellationToken cancellationToken) =>
            DownloadAsync(id, http, access, export, $"budget-{id}.pb", "text/plain", ElectionExport.WritePabulib, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/budgets/{id:int}/results.csv", (int id, HttpContext http, BudgetAccess access, ElectionExport export, CancellationToken cancellationToken) =>
            DownloadAsync(id, http, access, export, $"budget-{id}-results.csv", "text/csv", ElectionExport.WriteResultsCsv, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/budgets/{id:int}/ballots.csv", (int id, HttpContext http, BudgetAccess access, ElectionExport export, CancellationToken cancellationToken) =>
            DownloadAsync(id, http, access, export, $"budget-{id}-ballots.csv", "text/csv", ElectionExport.WriteBallotsCsv, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/budgets/{id:int}/receipts.csv", (int id, HttpContext http, BudgetAccess access, ElectionExport export, CancellationToken cancellationToken) =>
            DownloadAsync(id, http, access, export, $"budget-{id}-receipts.csv", "text/csv", ElectionExport.WriteReceiptsCsv, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/proposals/{proposalId:int}/images/{imageId:int}", (int proposalId, int imageId, HttpContext http, CocreoDbContext db, BudgetAccess access, Moderation.ModerationDirectory moderation, CancellationToken cancellationToken) =>
            ImageAsync(proposalId, imageId, thumbnail: false, http, db, access, moderation, cancellationToken)).ExcludeFromDescription();
        endpoints.MapGet("/proposals/{proposalId:int}/images/{imageId:int}/thumbnail", (int proposalId, int imageId, HttpContext http, CocreoDbContext db, BudgetAccess access, Moderation.ModerationDirectory moderation, CancellationToken cancellationToken) =>
            ImageAsync(proposalId, imageId, thumbnail: true, http, db, access, moderation, cancellationToken)).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// A proposal's picture, or its thumbnail, to whoever may see the proposal. The bytes are the ones Skia encoded
    /// when it was uploaded (see <see cref="ImageFile"/>), with the type of that encoding; with nosniff a browser never
    /// reads them as anything else.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> ImageAsync(int proposalId, int imageId, bool thumbnail, HttpContext http, CocreoDbContext db, BudgetAccess access, Moderation.ModerationDirectory moderation, CancellationToken cancellationToken)
    {
        if (await access.ForProposalAsync(proposalId, http.User, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }
        // A project the moderators hid, or one held for them, shows its pictures only to its author and the moderators,
        // as its page shows its text.
        var status = await moderation.StatusAsync(ProposalContents.Kind, proposalId, cancellationToken);
        if (!status.IsShown && found.Proposal.AuthorUserId != found.Target.Access.UserId
            && !Moderation.ModerationPermissions.Allows(Moderation.ModerationAction.Moderate, found.Target.Process, found.Target.Access))
        {
            return TypedResults.NotFound();
        }
        // A picture from before uploads were re-encoded is served only once it has been (see EarlierPictures).
        var images = db.Set<ProposalImage>().AsNoTracking().Where(i => i.Id == imageId && i.ProposalId == proposalId && i.ThumbnailWidth > 0);
        var image = thumbnail
            ? await images.Select(i => new { i.ContentType, Content = i.Thumbnail }).SingleOrDefaultAsync(cancellationToken)
            : await images.Select(i => new { i.ContentType, i.Content }).SingleOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return TypedResults.NotFound();
        }
        // An image never changes (a new picture is a new image), but a process can turn private: cache only in the browser.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Content, image.ContentType);
    }

    /// <summary>A published election as a file; nothing before the results are published.</summary>
    private static async Task<IResult> DownloadAsync(int id, HttpContext http, BudgetAccess access, ElectionExport export, string fileName, string contentType, Action<TextWriter, ExportData> write, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, http.User, cancellationToken);
        var data = target is null ? null : await export.LoadAsync(target.Budget, target.Process.Title, cancellationToken);
        if (data is null)
        {
            return TypedResults.NotFound();
        }
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text, data);
        return TypedResults.File(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()), contentType + "; charset=utf-8", fileName);
    }

    private static async Task<Results<Ok<List<BudgetSummary>>, NotFound>> List(int id, HttpContext http, BudgetAccess access, CocreoDbContext db, CancellationToken cancellationToken)
    {
        if (await access.ProcessAsync(id, http.User, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var budgets = await db.Set<Budget>().AsNoTracking().Where(b => b.ProcessId == id).OrderBy(b => b.District).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(budgets.Select(b => BudgetSummary.Of(b)).ToList());
    }

    private static async Task<Results<Ok<BudgetDocument>, NotFound>> Get(int id, HttpContext http, BudgetAccess access, BallotPapers papers, BallotTitles titles, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, http.User, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }
        var budget = target.Budget;
        var paper = budget.IsLocked ? await papers.ForAsync(id, cancellationToken) : null;
        var settings = CountingSettings.Of(budget);
        var reader = Platform.Localization.Cultures.Current;
        // The ballot keeps the original titles as the record; the caller reads each project in their language where translated.
        var local = paper is null ? null : await titles.ForAsync(id, paper.Projects.Select(p => (p.Number, p.Title)), reader, cancellationToken);
        var projects = paper?.Projects.Select(p =>
        {
            var title = local!.TryGetValue(p.Number, out var t) ? t : new Platform.Localization.Written(p.Title, budget.Language);
            return new BallotProjectDocument(p.Number, p.ProposalId, title.Text, title.Language, p.Cost, budget.LocalCategory(p.Category, reader).Text, p.Location);
        }).ToList() ?? [];
        var localQuestions = budget.LocalQuestions(reader);
        var questions = paper?.Questions.Select((q, i) => i < localQuestions.Count && localQuestions[i].Options.Count == q.Options.Count
            ? new BallotQuestionDocument(localQuestions[i].Text.Text, localQuestions[i].Options.Select(o => o.Text).ToList(), localQuestions[i].Text.Language)
            : new BallotQuestionDocument(q.Text, q.Options, budget.Language)).ToList() ?? [];
        return TypedResults.Ok(new BudgetDocument(
            BudgetSummary.Of(budget), budget.LocalDescription(Platform.Localization.Cultures.Current).Text,
            budget.Categories.Select(c => budget.LocalCategory(c, Platform.Localization.Cultures.Current).Text).ToList(), settings.PabulibRule, string.Join(' ', settings.CommandLine()),
            budget.Form, budget.MinProjects, budget.MaxProjects, budget.PointsToSpend, budget.MaxPointsPerProject, budget.RankDepth,
            budget.Eligibility, budget.AllowBallotChanges,
            budget.Phases.OrderBy(p => p.Phase).Select(p => new BudgetPhaseDocument(p.Phase, p.PlannedStart, p.PlannedEnd, p.StartedAt, p.CompletedAt, p.StartedAt is null ? p.MovesAt : null)).ToList(),
            projects, questions));
    }

    private static async Task<Results<Ok<List<ProposalDocument>>, NotFound>> Proposals(int id, HttpContext http, BudgetAccess access, CocreoDbContext db, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, http.User, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound();
        }
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.BudgetId == id && p.Status != ProposalStatus.Merged)
            .OrderBy(p => p.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok(proposals.Select(p => ProposalDocument.Of(p, target.Budget, Platform.Localization.Cultures.Current)).ToList());
    }

    private static async Task<Results<Ok<ResultsDocument>, NotFound>> Results(int id, HttpContext http, BudgetAccess access, PublishedResults results, BallotTitles titles, CancellationToken cancellationToken)
    {
        var target = await access.ForReadAsync(id, http.User, cancellationToken);
        var published = target is null ? null : await results.FindAsync(id, cancellationToken);
        return published is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await titles.LocalizeAsync(id, published.Value.Document, Platform.Localization.Cultures.Current, cancellationToken));
    }

    private static async Task<Results<Ok<ReceiptCheck>, NotFound>> Receipt(int id, string receipt, HttpContext http, BudgetAccess access, Voting voting, CancellationToken cancellationToken)
    {
        if (await access.ForReadAsync(id, http.User, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var state = await voting.FindReceiptAsync(id, receipt, cancellationToken);
        return state == ReceiptState.NotFound ? TypedResults.NotFound() : TypedResults.Ok(new ReceiptCheck(VotingCodes.Format(VotingCodes.NormalizeReceipt(receipt)), state));
    }

    /// <summary>The budget's translations page's use case, with the page's input and its checks.</summary>
    private static async Task<IResult> TranslateAsync(int id, string language, BudgetTranslationsModel.BudgetTranslationInput? input, HttpContext http, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, Platform.Changes.ChangeRunner changes, TranslateBudget.Handler translate, CancellationToken cancellationToken)
    {
        if ((await Platform.Changes.ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? Platform.Changes.ApiInput.Problems(input, typeof(BudgetingText), localizers)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(translate, new TranslateBudget.Command(id, language, input!.Content()), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The proposal's translations page's use case, with the page's input and its checks.</summary>
    private static async Task<IResult> TranslateProposalAsync(int id, string language, ProposalTranslationsModel.ProposalTranslationInput? input, HttpContext http, IAntiforgery antiforgery,
        IStringLocalizerFactory localizers, Platform.Changes.ChangeRunner changes, TranslateProposal.Handler translate, CancellationToken cancellationToken)
    {
        if ((await Platform.Changes.ApiInput.RefuseWithoutTokenAsync(http, antiforgery, localizers) ?? Platform.Changes.ApiInput.Problems(input, typeof(BudgetingText), localizers)) is { } refused)
        {
            return refused;
        }
        await changes.RunAsync(translate, new TranslateProposal.Command(id, language, input!.Content()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Cast(int id, BallotRequest request, HttpContext http, Voting voting, IAntiforgery antiforgery, IStringLocalizer<BudgetingText> t, BallotPapers papers, CancellationToken cancellationToken)
    {
        var hasCode = !string.IsNullOrWhiteSpace(request.Code);
        // A voting code is its own proof; a sign-in cookie is ambient, so it must come with the antiforgery header.
        if (!hasCode && http.User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        var credential = new VoterCredential(hasCode ? new System.Security.Claims.ClaimsPrincipal() : http.User, request.Code);
        var choice = new BallotChoice(request.Projects ?? [], request.Points, request.Answers ?? []);
        var currency = (await papers.ForAsync(id, cancellationToken))?.Currency ?? "";
        var result = await voting.CastAsync(id, credential, choice, request.ChangeCode, Money.In(currency), cancellationToken);
        return result.Status switch
        {
            VoteStatus.Recorded => TypedResults.Created($"/budgets/{id}/receipt", new BallotReceipt(result.Receipt!, result.ChangeCode)),
            VoteStatus.Changed => TypedResults.Ok(new BallotReceipt(result.Receipt!, result.ChangeCode)),
            VoteStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ballot"] = result.Problems!.Select(p => t.Plural(BudgetRules.BallotMessage(p.Kind), p.Values)).ToArray(),
            }),
            VoteStatus.NotFound => TypedResults.NotFound(),
            VoteStatus.NotRecorded => TypedResults.Problem(t[BudgetRules.VoteMessage(VoteStatus.NotRecorded)], statusCode: StatusCodes.Status503ServiceUnavailable),
            var status => TypedResults.Problem(t[BudgetRules.VoteMessage(status)], statusCode: status switch
            {
                VoteStatus.SignInRequired => StatusCodes.Status401Unauthorized,
                VoteStatus.InvalidCode or VoteStatus.NotEligible or VoteStatus.ChangesNotAllowed => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            }),
        };
    }
}

/// <summary>A ballot sent to the API: project numbers (best first when ranked), points (cumulative), answers (option numbers or null).</summary>
public sealed record BallotRequest(string? Code, string? ChangeCode, int[]? Projects, int[]? Points, int?[]? Answers);

/// <summary>What a voter gets once: the receipt (proves the ballot is in the count) and, where ballots may be changed, the change code.</summary>
public sealed record BallotReceipt(string Receipt, string? ChangeCode);

/// <summary>Where the ballot of a receipt is.</summary>
public sealed record ReceiptCheck(string Receipt, ReceiptState State);

/// <summary>A budget in the caller's language where a translation has it (<see cref="Language"/> is the title's).</summary>
public sealed record BudgetSummary(int Id, int ProcessId, string Title, string District, decimal Amount, string Currency, BudgetPhase Phase, CountingRule Rule, bool ResultsPublished,
    string Language, string OriginalLanguage)
{
    public static BudgetSummary Of(Budget b) => Of(b, Platform.Localization.Cultures.Current);

    public static BudgetSummary Of(Budget b, string reader)
    {
        var title = b.LocalTitle(reader);
        return new(b.Id, b.ProcessId, title.Text, b.LocalDistrict(reader).Text, b.Amount, b.Currency, b.Phase, b.Rule, b.ResultsArePublished, title.Language, b.Language);
    }
}

/// <summary>
/// A proposal as its page shows it: in the caller's language where a translation has it. <see cref="Language"/> is
/// the language of the title and description shown, <see cref="OriginalLanguage"/> the one its author wrote in, and
/// <see cref="TranslatedBy"/> who translated it (author or team; null when shown as written).
/// </summary>
public sealed record ProposalDocument(int Id, int Number, string Title, string Description, string Location, string Category, decimal Cost,
    ProposalStatus Status, bool Funded, string Language, string OriginalLanguage, ProposalTranslator? TranslatedBy, IReadOnlyList<string> TranslatedInto)
{
    public static ProposalDocument Of(Proposal p, Budget budget, string reader)
    {
        var title = p.LocalTitle(reader);
        var by = title.Language == p.Language ? null : p.Translations.FirstOrDefault(t => t.Language == title.Language)?.TranslatedBy;
        return new(p.Id, p.Number, title.Text, p.LocalDescription(reader).Text, p.LocalLocation(reader).Text, budget.LocalCategory(p.Category, reader).Text, p.Cost,
            p.Status, p.Funded, title.Language, p.Language, by, p.Translations.Select(t => t.Language).Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>A phase: its planned dates, when it started and ended, and when it starts by itself (UTC) if the team scheduled it.</summary>
public sealed record BudgetPhaseDocument(BudgetPhase Phase, DateOnly? PlannedStart, DateOnly? PlannedEnd, DateTime? StartedAt, DateTime? CompletedAt, DateTime? StartsAutomaticallyAt);

public sealed record BudgetDocument(
    BudgetSummary Budget,
    string Description,
    IReadOnlyList<string> Categories,
    string PabulibRule,
    string CommandLine,
    BallotForm Form,
    int MinProjects,
    int MaxProjects,
    int PointsToSpend,
    int MaxPointsPerProject,
    int RankDepth,
    Eligibility Eligibility,
    bool AllowBallotChanges,
    IReadOnlyList<BudgetPhaseDocument> Phases,
    IReadOnlyList<BallotProjectDocument> Projects,
    IReadOnlyList<BallotQuestionDocument> Questions);

/// <summary>
/// A project on the ballot, its title in the caller's language where its proposal has a translation
/// (<see cref="Language"/> says which); the ballot itself keeps the original.
/// </summary>
public sealed record BallotProjectDocument(int Number, int ProposalId, string Title, string Language, decimal Cost, string Category, string Location);

/// <summary>A demographic question on the ballot and its answers, in the caller's language where translated (<see cref="Language"/> is the question's).</summary>
public sealed record BallotQuestionDocument(string Text, IReadOnlyList<string> Options, string Language);
