using System.Net;
using System.Security.Claims;
using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Assessments;

/// <summary>Starts and answers the toolkit's assessments through the same forms people use.</summary>
public static class ToolkitScenarios
{
    public static readonly Instrument Ready = InstrumentCatalog.Latest(InstrumentCatalog.CoReady);
    public static readonly Instrument Serve = InstrumentCatalog.Latest(InstrumentCatalog.CoServe);
    public static readonly Instrument Master = InstrumentCatalog.Latest(InstrumentCatalog.CoMaster);

    /// <summary>Starts an assessment from an organisation's page of a tool ("readiness", "service-selection", "process-quality"); returns the redirect.</summary>
    public static async Task<HttpResponseMessage> StartAsync(FormClient client, int organisationId, string tool, string title, int? processId = null) =>
        await client.SubmitAsync($"/organisations/{organisationId}/{tool}", new()
        {
            ["Start.Title"] = title,
            ["Start.ProcessId"] = processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });

    public static async Task<int> StartReadinessAsync(FormClient client, int organisationId, int? processId = null, string title = "Co-Ready spring")
    {
        var response = await StartAsync(client, organisationId, "readiness", title, processId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Scenarios.IdFrom(response, "/assessments/");
    }

    /// <summary>
    /// Answers every page of an assessment with <paramref name="answer"/> (null keeps what the form shows: the saved
    /// answer, or unanswered) and finishes, or only the first page and leaves for later.
    /// </summary>
    public static async Task AnswerAsync(FormClient client, int assessmentId, Instrument instrument, Func<Question, string?> answer, bool finish = true, string? role = null)
    {
        var sections = AssessmentInstruments.Sections(instrument);
        for (var i = 0; i < sections.Count; i++)
        {
            var last = i == sections.Count - 1;
            var fields = sections[i].QuestionsFor(role).Where(q => answer(q) is not null).ToDictionary(q => AnswerForm.FieldName(q.Id), q => answer(q)!);
            fields["go"] = !finish ? "later" : last ? "finish" : "next";
            var response = await client.SubmitAsync($"/assessments/{assessmentId}/answer/{sections[i].Id}", fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"answering {sections[i].Id}: {(int)response.StatusCode}");
            if (!finish)
            {
                return;
            }
        }
    }

    /// <summary>Every question answered favourably, except those listed, which get the unfavourable answer.</summary>
    public static Func<Question, string?> FavourableExcept(Instrument instrument, params string[] unfavourable) => q =>
    {
        var options = instrument.Scale.Options;
        var positive = options.Last(o => o.Polarity == Polarity.Positive).Id;
        var negative = options.First(o => o.Polarity == Polarity.Negative).Id;
        var good = !unfavourable.Contains(q.Id);
        return good != q.Reversed ? positive : negative;
    };

    /// <summary>Makes a person staff of an organisation (as an administrator's invitation would).</summary>
    public static async Task AddStaffAsync(CocreoApp app, int organisationId, string userId) =>
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Set<Features.Organisations.Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == organisationId);
            organisation.AddMember(userId, Features.Organisations.OrganisationRole.Staff, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    public static async Task<List<string>> LogActionsAsync(CocreoApp app, int processId) =>
        await app.WithDbAsync(db => db.Set<Cocreo.Web.Platform.Log.ProcessLogEntry>().AsNoTracking()
            .Where(e => e.ProcessId == processId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    /// <summary>A signed-in person as a change run outside a request sees them.</summary>
    public static ClaimsPrincipal Principal(Features.Accounts.CocreoUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));

    /// <summary>Runs a change as <paramref name="user"/>, in a scope of its own (as a request of its own would).</summary>
    public static async Task<TResult> RunAsync<THandler, TCommand, TTarget, TResult>(CocreoApp app, Features.Accounts.CocreoUser user, TCommand command, Func<THandler, IChange<TCommand, TTarget, TResult>>? wrap = null)
        where THandler : IChange<TCommand, TTarget, TResult>
        where TTarget : class, IChangeTarget
    {
        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        return await scope.ServiceProvider.GetRequiredService<ChangeRunner>()
            .RunAsync(wrap is null ? handler : wrap(handler), command, Principal(user), CancellationToken.None);
    }

    /// <summary>Saves one answer of <paramref name="user"/> to a Co-Ready assessment through the use case, as the answering page does.</summary>
    public static Task AnswerOneAsync(CocreoApp app, Features.Accounts.CocreoUser user, int assessmentId, string questionId, string optionId) =>
        RunAsync<AnswerAssessment.Handler, AnswerAssessment.Command, AssessmentTarget, Done>(app, user, new AnswerAssessment.Command(
            assessmentId, AssessmentInstruments.Sections(Ready).First(s => s.QuestionsFor(null).Any(q => q.Id == questionId)).Id,
            new Dictionary<string, string?> { [questionId] = optionId }, Finish: false));
}

/// <summary>
/// A change that another request overtakes: after the change's first load, <paramref name="meanwhile"/> runs (and
/// commits) before the change goes on with what it loaded, so the change's save loses the race. Every load is kept
/// in <see cref="Loaded"/>.
/// </summary>
public sealed class Overtaken<TCommand, TTarget, TResult>(IChange<TCommand, TTarget, TResult> inner, Func<Task> meanwhile) : IChange<TCommand, TTarget, TResult>
    where TTarget : class, IChangeTarget
{
    public List<TTarget?> Loaded { get; } = [];

    public async Task<TTarget?> LoadAsync(TCommand command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var target = await inner.LoadAsync(command, user, cancellationToken);
        Loaded.Add(target);
        if (Loaded.Count == 1)
        {
            await meanwhile();
        }
        return target;
    }

    public Decision Decide(TTarget target, TCommand command) => inner.Decide(target, command);

    public Task<TResult> RunAsync(Change<TTarget> change, TCommand command, CancellationToken cancellationToken) => inner.RunAsync(change, command, cancellationToken);
}
