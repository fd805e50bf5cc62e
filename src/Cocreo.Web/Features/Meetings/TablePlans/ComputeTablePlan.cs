using System.Collections.Concurrent;
using System.Globalization;
using Cocreo.Meetings.TablePlans;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Work;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>
/// The team computes the World Café's table plan with <see cref="TablePlanner.Plan"/>: from everyone registered
/// (before the day) or from those checked in (at the door: the registered who are not checked in are absent). The
/// first <see cref="Command.HeldRounds"/> rounds of the stored plan are kept as they were, and the stored plan is
/// passed as the previous plan so most itineraries stay. An impossible request changes nothing and returns every
/// problem (localised by its kind). One computation per meeting at a time: a second is refused while one runs, on
/// this instance (a set of running meetings) and on any other sharing the database (a work lease
/// "tableplan:{meetingId}", taken before the search and given back after it), so two organisers pressing compute on
/// two servers do not both spend the processor. Logged with counts only.
/// </summary>
public static class ComputeTablePlan
{
    public sealed record Command(int MeetingId, TablePlanSettings Settings, PlanBasis Basis, int HeldRounds) : IMeetingCommand;

    /// <summary>Small on purpose: the runner stores a form submission's result (the plan itself is in <see cref="MeetingTablePlan"/>).</summary>
    public sealed record Outcome(int? Present, IReadOnlyList<TablePlanProblem> Problems);

    private static readonly ConcurrentDictionary<string, byte> Running = new();

    /// <summary>The largest room the page plans inside a request.</summary>
    public const int MaxPeople = 400;

    public const int MaxTables = 60;

    public const int MaxRounds = 12;

    /// <summary>
    /// The search inside a request stops after <see cref="TablePlanOptions.TimeLimit"/> of local search (the engine's
    /// default budgets can take much longer on a loaded or unoptimised build); with it the same request may give a
    /// different (still valid) plan under a different load.
    /// </summary>
    public static TablePlanOptions Options { get; } = new() { TimeLimit = TimeSpan.FromSeconds(3), CpSatDeterministicTime = 2 };

    /// <summary>The name of the lease one instance holds while it computes a meeting's plan.</summary>
    public static string LeaseName(int meetingId) => $"tableplan:{meetingId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Longer than any computation inside a request; a crashed instance's lease lapses after it.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    public sealed class Handler(MeetingAccessReader meetings, CocreoDbContext db, MeetingProfiles profiles, WorkLeases leases) : MeetingChange<Command, Outcome>(meetings, MeetingAction.Organise)
    {
        public override async Task<Outcome> RunAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            // Keyed by the database too: one process may serve several databases (the tests do).
            var connection = db.Database.GetDbConnection();
            var meetingId = $"{connection.DataSource}/{connection.Database}/{command.MeetingId}";
            if (!Running.TryAdd(meetingId, 0))
            {
                throw Busy();
            }
            try
            {
                // Taken before the change saves anything (the lease's update commits on its own).
                if (!await leases.TryTakeAsync(LeaseName(command.MeetingId), LeaseLength, cancellationToken))
                {
                    throw Busy();
                }
                try
                {
                    return await ComputeAsync(change, command, cancellationToken);
                }
                finally
                {
                    await leases.ReleaseAsync(LeaseName(command.MeetingId), CancellationToken.None);
                }
            }
            finally
            {
                Running.TryRemove(meetingId, out _);
            }
        }

        private static RefusedException Busy() =>
            new(Refusal.Conflict("A table plan for this meeting is being computed right now: wait a moment and look again.", typeof(TablePlanText)));

        private async Task<Outcome> ComputeAsync(Change<MeetingTarget> change, Command command, CancellationToken cancellationToken)
        {
            var (result, problems, plan, present, absent) = await PlanAsync(db, profiles, command, change.Now, cancellationToken);
            if (result is null || plan is null)
            {
                return new Outcome(null, problems);
            }
            var settings = command.Settings;
            change.Log("meeting.tableplan", new
            {
                meeting = command.MeetingId,
                people = present,
                absent,
                tables = settings.Tables,
                rounds = settings.Rounds,
                held = result.HeldRounds,
                repeatedMeetings = plan.RepeatedMeetings,
                boundViolations = plan.BoundViolations,
                provenOptimal = plan.ProvenOptimal,
            });
            await change.SaveAsync(cancellationToken);
            return new Outcome(result.Present, []);
        }
    }

    /// <summary>
    /// Builds the request from the meeting's registrations, answers and stored plan, plans, and stores the result
    /// (tracked, not saved). Used by the handler and by the demo.
    /// </summary>
    public static async Task<(StoredPlan? Result, IReadOnlyList<TablePlanProblem> Problems, TablePlan? Plan, int Present, int Absent)> PlanAsync(
        CocreoDbContext db, MeetingProfiles profiles, Command command, DateTime now, CancellationToken cancellationToken)
    {
        var settings = command.Settings;
        var stored = await db.Set<MeetingTablePlan>().SingleOrDefaultAsync(p => p.MeetingId == command.MeetingId, cancellationToken);
        var previous = stored?.PlanValue;
        var problems = new List<TablePlanProblem>();
        if (settings.Tables > MaxTables || settings.Rounds > MaxRounds)
        {
            problems.Add(new TablePlanProblem(TablePlanProblemKind.NoTables, "Too many tables or rounds."));
            return (null, problems, null, 0, 0);
        }
        var held = Math.Max(0, command.HeldRounds);
        if (held > 0 && (previous is null || previous.Rounds.Count < held || previous.Rounds.Take(held).Any(r => r.Count != settings.Tables)))
        {
            problems.Add(new TablePlanProblem(previous is null || previous.Rounds.Count < held ? TablePlanProblemKind.TooManyHeldRounds : TablePlanProblemKind.HeldRoundTableCount,
                "The rounds held must be rounds of the stored plan, with the same number of tables."));
            return (null, problems, null, 0, 0);
        }
        var registrations = await db.Set<MeetingRegistration>().AsNoTracking()
            .Where(r => r.MeetingId == command.MeetingId && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.Id, r.CheckedInAt }).ToListAsync(cancellationToken);
        var heldRounds = previous is null ? [] : previous.Rounds.Take(held).ToList();
        var inHeld = heldRounds.SelectMany(r => r.SelectMany(t => t)).ToHashSet();
        var ids = registrations.Select(r => r.Id).Concat(inHeld).Distinct().OrderBy(i => i).ToList();
        if (ids.Count > MaxPeople)
        {
            problems.Add(new TablePlanProblem(TablePlanProblemKind.MorePeopleThanSeats, "Too many people for a plan computed on the page."));
            return (null, problems, null, 0, 0);
        }
        var present = registrations.Where(r => command.Basis == PlanBasis.Registered || r.CheckedInAt is not null).Select(r => r.Id).ToHashSet();
        var absent = ids.Where(i => !present.Contains(i)).ToList();
        var answers = await profiles.AnswersAsync(command.MeetingId, cancellationToken);
        var attributes = await profiles.AttributesAsync(command.MeetingId, cancellationToken);
        var mixOn = settings.MixOn.Where(name => attributes.Any(a => a.Name == name)).ToList();
        string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
        string ValueOf(int id, string attribute)
        {
            var known = attributes.First(a => a.Name == attribute).Values;
            return answers.TryGetValue(id, out var mine) && mine.TryGetValue(attribute, out var value) && known.Any(v => v.Label == value) ? value : StoredPlan.NotSaid;
        }
        var request = new TablePlanRequest
        {
            Participants = ids.Select(id => new PlanParticipant(Key(id), mixOn.ToDictionary(a => a, a => ValueOf(id, a)))).ToList(),
            Tables = settings.Tables,
            Rounds = settings.Rounds,
            SeatsPerTable = settings.SeatsPerTable,
            Attributes = mixOn,
            Hosts = settings.Hosts.Select((h, i) => (h, i)).Where(x => x.h is not null).Select(x => new TableHost(Key(x.h!.Value), x.i + 1)).ToList(),
            Bounds = settings.Bounds.Select(b => new DiversityBound(b.Attribute, b.Value, b.Min, b.Max)).ToList(),
            HeldRounds = heldRounds.Select(r => new HeldRound(r.Select(t => (IReadOnlyList<string>)t.Select(Key).ToList()).ToList())).ToList(),
            PreviousPlan = previous?.Rounds.Select(r => new HeldRound(r.Select(t => (IReadOnlyList<string>)t.Select(Key).ToList()).ToList())).ToList(),
            Absent = absent.Select(Key).ToList(),
            Seed = command.MeetingId,
        };
        problems.AddRange(TablePlanner.Validate(request));
        if (problems.Count > 0)
        {
            return (null, problems, null, 0, 0);
        }
        TablePlan plan;
        try
        {
            plan = TablePlanner.Plan(request, Options);
        }
        catch (TablePlanInputException e)
        {
            return (null, e.Problems, null, 0, 0);
        }
        var result = Store(plan, held, present.Count, absent);
        stored ??= db.Add(MeetingTablePlan.For(command.MeetingId)).Entity;
        stored.Store(settings, command.Basis, result, now);
        return (result, [], plan, present.Count, absent.Count);
    }

    private static StoredPlan Store(TablePlan plan, int held, int present, IReadOnlyList<int> absent)
    {
        static int Id(string key) => int.Parse(key, CultureInfo.InvariantCulture);
        var rounds = plan.Rounds.Select(r => (IReadOnlyList<IReadOnlyList<int>>)r.Tables.OrderBy(t => t.Number)
            .Select(t => (IReadOnlyList<int>)t.Seats.OrderByDescending(s => s.IsHost).Select(s => Id(s.ParticipantId)).ToList()).ToList()).ToList();
        var hosts = plan.Rounds.SelectMany(r => r.Tables.SelectMany(t => t.Seats)).Where(s => s.IsHost).Select(s => Id(s.ParticipantId)).Distinct().ToList();
        return new StoredPlan(StoredPlan.CurrentSchema, rounds, hosts, held, present, absent,
            plan.RepeatedPairs.Select(p => new StoredRepeat(Id(p.First), Id(p.Second), p.Rounds)).ToList(),
            plan.RepeatedMeetings, plan.RepeatedMeetingsInHeldRounds,
            plan.Diversity.Select(d => new StoredDiversity(d.Round, d.Table, d.Size, Math.Round(d.Score, 3), d.Deviation, d.BoundViolations,
                d.Attributes.ToDictionary(a => a.Attribute, a => (IReadOnlyDictionary<string, int>)a.Values.ToDictionary(v => v.Value, v => v.Count)))).ToList(),
            plan.DiversityDeviation, plan.BoundViolations, plan.ProvenOptimal, plan.Method);
    }
}
