using System.Globalization;
using Cocreo.Web.Platform.Localization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.JourneyMapping;

/// <summary>Journey maps as data under <c>/api/v1/journeys</c>: the public model, and the team's dashboard and export.</summary>
public static class JourneyMappingApi
{
    public static RouteGroupBuilder MapJourneyMappingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/journeys").WithTags("Journey maps");
        api.MapGet("/{id:int}", Get).WithName("GetJourneyMap").WithSummary("A journey map's service, stages and touchpoints.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/dashboard", Dashboard).WithName("GetJourneyDashboard")
            .WithSummary("The renewal team's dashboard figures; filter with segment (profile option ids), gathering (online, assisted, Paper, InPerson, Phone) and channel.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id:int}/export.csv", Export).WithName("ExportJourneyContributions")
            .WithSummary("One row per stage experience of the visible contributions the filter keeps, as CSV.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<JourneyDocument>> Get(int id, HttpContext http, JourneyAccessReader journeys, CancellationToken cancellationToken)
    {
        var map = (await journeys.ReadAsync(id, http.User, JourneyAction.View, cancellationToken)).Map;
        return TypedResults.Ok(new JourneyDocument(map.Id, map.ProcessId, map.SelectedServiceId, map.ServiceName, map.ServiceDescription, map.IsOpen,
            map.ActiveStages.Select(s => new StageDocument(s.Id, s.Name, s.Description,
                s.ActiveTouchpoints.Select(t => new TouchpointDocument(t.Id, t.Channel, t.Actor, t.Description)).ToList())).ToList(),
            map.ActivePainTags.Select(t => t.Name).ToList()));
    }

    private static async Task<Ok<DashboardDocument>> Dashboard(
        int id, string[]? segment, string? gathering, string? channel, HttpContext http, JourneyAccessReader journeys, JourneyDashboard dashboard, CancellationToken cancellationToken)
    {
        var journey = await journeys.ReadAsync(id, http.User, JourneyAction.ViewDashboard, cancellationToken);
        var data = await dashboard.BuildAsync(journey.Map, JourneyFilter.Parse(segment ?? [], gathering, channel), null, cancellationToken);
        return TypedResults.Ok(new DashboardDocument(
            data.Contributions,
            data.Submitted,
            data.Stages.Select(s => new StageFigures(s.Stage.Id, s.Stage.Name, s.Stage.IsRetired, s.Count, Round(s.Score.Mean), s.Distribution, s.Pains, s.Ideas)).ToList(),
            data.Heat.Select(h => new HeatFigures(h.StageId, h.Channel, h.Score.Count, Round(h.Score.Mean))).ToList(),
            data.Tags.Select(t => new TagFigures(t.Tag.Name, t.Count)).ToList(),
            data.Ideas.Select(i => new IdeaFigures(i.ExperienceId, i.StageId, i.Idea, i.Supports)).ToList()));
    }

    private static async Task<IResult> Export(
        int id, string[]? segment, string? gathering, string? channel, HttpContext http, JourneyAccessReader journeys, JourneyDashboard dashboard, CancellationToken cancellationToken)
    {
        var map = (await journeys.ReadAsync(id, http.User, JourneyAction.ViewDashboard, cancellationToken)).Map;
        var filter = JourneyFilter.Parse(segment ?? [], gathering, channel);
        var contributions = dashboard.Contributions(map.Id, filter);
        var rows = dashboard.Experiences(map.Id, filter)
            .OrderBy(e => e.ContributionId).ThenBy(e => e.StageId)
            .Select(e => new
            {
                e.ContributionId,
                e.StageId,
                e.Rating,
                e.WhatHappened,
                e.PainPoint,
                e.Idea,
                e.SupportCount,
                Touchpoints = e.Touchpoints.Select(t => t.TouchpointId).ToList(),
                Tags = e.PainTags.Select(t => t.PainPointTagId).ToList(),
            })
            .AsAsyncEnumerable();
        var people = await contributions
            .Select(c => new { c.Id, c.Gathering, c.SubmittedAt, c.PublicName, Answers = c.ProfileAnswers.Select(a => new { a.ProfileQuestionId, a.ProfileOptionId }).ToList() })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var stages = map.Stages.ToDictionary(s => s.Id);
        var touchpoints = map.Stages.SelectMany(s => s.Touchpoints).ToDictionary(t => t.Id);
        var tags = map.PainTags.ToDictionary(t => t.Id, t => t.Name);
        var options = map.ProfileQuestions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label);
        var questions = map.ProfileQuestions.OrderBy(q => q.Position).ToList();

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"journey-{map.Id}-contributions.csv\"";
        // The writer works synchronously; the buffer (memory, then a temporary file) is sent to the client asynchronously.
        await using var buffer = new Microsoft.AspNetCore.WebUtilities.FileBufferingWriteStream();
        // A cell that starts like a formula is escaped, so opening the file in a spreadsheet runs nothing a contributor wrote.
        var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        foreach (var header in new[] { "contribution", "gathering", "submitted", "public_name" }
                     .Concat(questions.Select(q => q.Text))
                     .Concat(["stage_position", "stage", "stage_retired", "rating", "touchpoints", "channels", "pain_tags", "pain_point", "what_happened", "idea", "idea_supports"]))
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var person = people[row.ContributionId];
            var stage = stages[row.StageId];
            var used = row.Touchpoints.Where(touchpoints.ContainsKey).Select(t => touchpoints[t]).ToList();
            csv.WriteField(row.ContributionId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(person.Gathering.ToString());
            csv.WriteField(person.SubmittedAt is null ? "no" : "yes");
            csv.WriteField(person.PublicName ?? "");
            foreach (var question in questions)
            {
                var answer = person.Answers.FirstOrDefault(a => a.ProfileQuestionId == question.Id);
                csv.WriteField(answer is null ? "" : options.GetValueOrDefault(answer.ProfileOptionId, ""));
            }
            csv.WriteField(stage.Position.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(stage.Name);
            csv.WriteField(stage.IsRetired ? "yes" : "no");
            csv.WriteField(row.Rating.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Join("; ", used.Select(t => t.Actor)));
            csv.WriteField(string.Join("; ", used.Select(t => t.Channel.ToString()).Distinct()));
            csv.WriteField(string.Join("; ", row.Tags.Where(tags.ContainsKey).Select(t => tags[t])));
            csv.WriteField(row.PainPoint ?? "");
            csv.WriteField(row.WhatHappened ?? "");
            csv.WriteField(row.Idea ?? "");
            csv.WriteField(row.Idea is null ? "" : row.SupportCount.ToString(CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
        csv.Dispose();
        await buffer.DrainBufferAsync(http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static double? Round(double mean) => double.IsNaN(mean) ? null : Math.Round(mean, 2);
}

public sealed record JourneyDocument(int Id, int ProcessId, int? SelectedServiceId, string ServiceName, string ServiceDescription, bool IsOpen,
    IReadOnlyList<StageDocument> Stages, IReadOnlyList<string> PainTags);

public sealed record StageDocument(int Id, string Name, string Description, IReadOnlyList<TouchpointDocument> Touchpoints);

public sealed record TouchpointDocument(int Id, Channel Channel, string Actor, string Description);

public sealed record DashboardDocument(int Contributions, int Submitted, IReadOnlyList<StageFigures> Stages, IReadOnlyList<HeatFigures> Heat,
    IReadOnlyList<TagFigures> PainTags, IReadOnlyList<IdeaFigures> TopIdeas);

public sealed record StageFigures(int StageId, string Name, bool IsRetired, int Count, double? Mean, int[] Distribution, int PainPoints, int Ideas);

public sealed record HeatFigures(int StageId, Channel Channel, int Uses, double? Mean);

public sealed record TagFigures(string Tag, int Count);

public sealed record IdeaFigures(int ExperienceId, int StageId, string Idea, int Supports);
