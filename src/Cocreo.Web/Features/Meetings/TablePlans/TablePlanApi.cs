using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// Table plans, itineraries and attribute answers under <c>/api/v1/meetings/{id}</c>: the same use cases as the pages.
/// Changes need the sign-in cookie and the <c>X-CSRF-TOKEN</c> header.
/// </summary>
public static class TablePlanApi
{
    public static IEndpointRouteBuilder MapTablePlanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/meetings").WithTags("Meetings");
        api.MapGet("/{id:int}/table-plan", GetPlan).WithName("GetMeetingTablePlan")
            .WithSummary("The stored table plan with names and its explanation (the meeting's organisers).");
        api.MapPost("/{id:int}/table-plan", Compute).WithName("ComputeMeetingTablePlan")
            .WithSummary("Computes and stores the table plan (organisers); an impossible request answers 422 with every problem, localised.").DisableAntiforgery();
        api.MapGet("/{id:int}/my-itinerary", Itinerary).WithName("GetMyMeetingItinerary")
            .WithSummary("The caller's own table in each round, with the host's name; 404 when they have none.");
        api.MapPut("/{id:int}/answers", Answer).WithName("AnswerMeetingAttributes")
            .WithSummary("The caller's answers to the meeting's attributes (attribute name → value; leave one out: prefer not to say). Needs a registration.").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> GetPlan(int id, HttpContext http, MeetingAccessReader meetings, TablePlanReader plans, CancellationToken cancellationToken)
    {
        await meetings.ReadAsync(id, http.User, MeetingAction.Organise, cancellationToken);
        if (await plans.ViewAsync(id, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(Document(view));
    }

    private static object Document(TablePlanView view) => new
    {
        settings = view.Settings,
        basis = view.Stored.Basis.ToString(),
        computedAt = view.Stored.ComputedAt,
        version = view.Stored.Version,
        plan = view.Plan,
        names = view.Names,
        rounds = view.Questions,
    };

    private static async Task<IResult> Compute(int id, ComputeRequest request, HttpContext http, ComputeTablePlan.Handler compute, TablePlanReader plans, ChangeRunner changes,
        IAntiforgery antiforgery, IStringLocalizer<TablePlanText> t, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        var settings = new TablePlanSettings(request.Tables, request.Rounds, request.SeatsPerTable, request.Hosts ?? [], request.MixOn ?? [], request.Bounds ?? []);
        var outcome = await changes.RunAsync(compute, new ComputeTablePlan.Command(id, settings, request.Basis ?? PlanBasis.Registered, request.HeldRounds ?? 0), cancellationToken);
        if (outcome.Problems.Count > 0)
        {
            var messages = outcome.Problems.Select(p => p.Kind).Distinct().Select(k => new { kind = k.ToString(), message = t[TablePlanRules.Message(k.ToString())].Value }).ToList();
            return TypedResults.UnprocessableEntity(new { title = t["The table plan cannot be computed as asked."].Value, problems = messages });
        }
        return TypedResults.Ok(Document((await plans.ViewAsync(id, cancellationToken))!));
    }

    private static async Task<IResult> Itinerary(int id, HttpContext http, MeetingAccessReader meetings, TablePlanReader plans, CancellationToken cancellationToken)
    {
        await meetings.ReadAsync(id, http.User, MeetingAction.View, cancellationToken);
        var stops = await plans.ItineraryAsync(id, http.User.UserId(), cancellationToken);
        return stops is null ? TypedResults.NotFound() : TypedResults.Ok(stops);
    }

    private static async Task<IResult> Answer(int id, Dictionary<string, string?>? request, HttpContext http, AnswerAttributes.Handler answer, MeetingProfiles profiles, ChangeRunner changes,
        IAntiforgery antiforgery, IStringLocalizer<TablePlanText> t, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(t["The request lacks the antiforgery header (X-CSRF-TOKEN)."], statusCode: StatusCodes.Status400BadRequest);
        }
        var answers = MeetingProfiles.CheckOrRefuse(await profiles.AttributesAsync(id, cancellationToken), request);
        await changes.RunAsync(answer, new AnswerAttributes.Command(id, answers), cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record ComputeRequest(int Tables, int Rounds, int? SeatsPerTable, List<int?>? Hosts, List<string>? MixOn, List<BoundSetting>? Bounds, PlanBasis? Basis, int? HeldRounds);
