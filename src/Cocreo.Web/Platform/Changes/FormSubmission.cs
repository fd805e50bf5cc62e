using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Work;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// Every form carries a one-time submission id (<see cref="SubmissionIdTagHelper"/> writes it into each POST form).
/// The change a submission makes stores the id with its result (as JSON) in the same save
/// (<see cref="ChangeRunner"/>), and the page then records where it sent the person and what it told them
/// (<see cref="SubmittedOncePageFilter"/>). So a double click, a re-sent request, the Back button or a browser retry
/// makes the change once, and the repeat is shown the first result again.
/// </summary>
public sealed class FormSubmission
{
    /// <summary>The name of the hidden field that carries the id in every form.</summary>
    public const string Field = "__submission";

    public Guid Id { get; init; }

    /// <summary>The change's result as JSON ("" when the submission made no change through the change runner).</summary>
    public string Result { get; set; } = "";

    public DateTime CreatedAt { get; init; }

    /// <summary>Who sent it (null: nobody signed in); a repeat by someone else does not get its result.</summary>
    public string? UserId { get; set; }

    /// <summary>Where the page sent the person after the submission, once it did.</summary>
    public string? Location { get; set; }

    /// <summary>The status message the page showed after it.</summary>
    public string? Status { get; set; }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> submission)
    {
        submission.Property(s => s.Id).ValueGeneratedNever();
        submission.Property(s => s.Result).HasMaxLength(2000);
        submission.Property(s => s.UserId).HasMaxLength(64);
        submission.Property(s => s.Location).HasMaxLength(2000);
        submission.Property(s => s.Status).HasMaxLength(2000);
        submission.HasIndex(s => s.CreatedAt);
    }
}

/// <summary>Writes a new one-time submission id into every form that posts.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class SubmissionIdTagHelper : TagHelper
{
    // After the framework's form tag helper (which adds the anti-forgery field).
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["method"]?.Value?.ToString()?.Equals("post", StringComparison.OrdinalIgnoreCase) == true)
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FormSubmission.Field}\" value=\"{Guid.NewGuid():N}\">");
        }
    }
}

/// <summary>
/// Answers a repeated form submission with the first one's answer: the same redirect and the same status message,
/// without running the page's handler again. A first submission runs as usual; its id is handed to the change runner
/// (which stores it with the change, so even two copies sent at once make the change once) and, when the page answers
/// with a redirect, that answer is recorded. An answer that is not a redirect (the form shown again with a problem)
/// is not recorded, so the corrected form can be sent.
/// </summary>
public sealed class SubmittedOncePageFilter(CocreoDbContext db, ITempDataDictionaryFactory tempData, TimeProvider clock) : IAsyncPageFilter
{
    /// <summary>Where the request keeps the submission id for the change runner.</summary>
    public static readonly object ItemKey = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || !Guid.TryParse(await FieldAsync(http.Request), out var id) || id == Guid.Empty)
        {
            await next();
            return;
        }
        var user = http.User.UserId();
        var earlier = await db.Set<FormSubmission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, http.RequestAborted);
        if (earlier is not null && earlier.UserId != user)
        {
            // Someone else's id (copied from another person's page): it gives them nothing, and the form runs as if it had none.
            await next();
            return;
        }
        if (earlier?.Location is { } location)
        {
            if (earlier.Status is { } status)
            {
                tempData.GetTempData(http)["Status"] = status;
            }
            context.Result = new RedirectResult(location);
            return;
        }

        http.Items[ItemKey] = id;
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled || RedirectOf(executed.Result) is not { } target)
        {
            return;
        }
        var message = tempData.GetTempData(http).Peek("Status") as string;
        db.ChangeTracker.Clear();
        var updated = await db.Set<FormSubmission>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Location, target).SetProperty(x => x.Status, message), CancellationToken.None);
        if (updated == 0)
        {
            db.Add(new FormSubmission { Id = id, CreatedAt = clock.GetUtcNow().UtcDateTime, UserId = user, Location = target, Status = message });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // A copy sent at the same moment recorded it first.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The submission id the form sent, if it could be read. A form that cannot be read (too large, broken encoding)
    /// has already become a problem in the page's model state, which the page answers; it carries no id here.
    /// </summary>
    private static async Task<string?> FieldAsync(HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted))[FormSubmission.Field].ToString();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? RedirectOf(IActionResult? result) => result switch
    {
        RedirectResult redirect => redirect.Url,
        LocalRedirectResult local => local.Url,
        _ => null,
    };
}

/// <summary>Forgets submission ids after two days (a Back button pressed later sends a form that is new again).</summary>
public sealed partial class FormSubmissionSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FormSubmissionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<WorkLeases>().TryTakeAsync("forms.sweep", TimeSpan.FromMinutes(50), cancellationToken))
        {
            return 0;
        }
        var before = clock.GetUtcNow().UtcDateTime - KeepFor;
        return await scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Set<FormSubmission>()
            .Where(s => s.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forgetting old form submissions failed; it is tried again within the hour")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
