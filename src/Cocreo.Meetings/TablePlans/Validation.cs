using System.Globalization;

namespace Cocreo.Meetings.TablePlans;

/// <summary>Checks a request and turns it into a <see cref="Room"/>; every problem says what to change.</summary>
internal static class Validation
{
    public static (IReadOnlyList<TablePlanProblem> Problems, Room? Room) Check(TablePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<TablePlanProblem>();
        void Add(TablePlanProblemKind kind, string message) => problems.Add(new TablePlanProblem(kind, message));
        static string N(int x) => x.ToString(CultureInfo.InvariantCulture);

        if (request.Tables <= 0)
        {
            Add(TablePlanProblemKind.NoTables, $"The plan has {N(request.Tables)} tables; set at least one table.");
        }
        if (request.Rounds <= 0)
        {
            Add(TablePlanProblemKind.NoRounds, $"The plan has {N(request.Rounds)} rounds; set at least one round.");
        }
        if (request.SeatsPerTable is { } seatsGiven && seatsGiven <= 0)
        {
            Add(TablePlanProblemKind.NoSeats, $"Each table has {N(seatsGiven)} seats; set at least two seats per table, or leave it empty to derive it.");
        }
        var participants = request.Participants ?? [];
        if (participants.Count == 0)
        {
            Add(TablePlanProblemKind.NoParticipants, "There is nobody to seat; add participants (registered or checked in) first.");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in participants)
        {
            if (string.IsNullOrWhiteSpace(person.Id))
            {
                Add(TablePlanProblemKind.DuplicateParticipant, "A participant has no id; give every participant an id.");
            }
            else if (!index.TryAdd(person.Id, index.Count))
            {
                Add(TablePlanProblemKind.DuplicateParticipant, $"Participant {person.Id} is listed twice; list each person once.");
            }
        }

        var attributes = request.Attributes ?? [];
        var attributeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (string.IsNullOrWhiteSpace(attribute) || !attributeIndex.TryAdd(attribute, attributeIndex.Count))
            {
                Add(TablePlanProblemKind.DuplicateAttribute, $"The attribute \"{attribute}\" is empty or chosen twice; choose each attribute once.");
            }
        }
        foreach (var person in participants)
        {
            foreach (var attribute in attributeIndex.Keys)
            {
                if (person.Attributes is null || !person.Attributes.TryGetValue(attribute, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    Add(TablePlanProblemKind.MissingAttributeValue, $"Participant {person.Id} has no value for \"{attribute}\"; fill it in (e.g. \"not given\") or stop mixing on \"{attribute}\".");
                }
            }
        }

        var absent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in request.Absent ?? [])
        {
            if (!index.ContainsKey(id))
            {
                Add(TablePlanProblemKind.UnknownAbsentee, $"{id} is marked absent but is not a participant; remove it from the absent list.");
            }
            absent.Add(id);
        }

        var tables = request.Tables;
        var hostTable = new int[participants.Count];
        Array.Fill(hostTable, -1);
        var hosts = request.Hosts ?? [];
        if (tables > 0 && hosts.Count > tables)
        {
            Add(TablePlanProblemKind.MoreHostsThanTables, $"There are {N(hosts.Count)} table hosts for {N(tables)} tables; add tables or remove {N(hosts.Count - tables)} hosts.");
        }
        var tableHost = new Dictionary<int, string>();
        foreach (var host in hosts)
        {
            if (!index.TryGetValue(host.ParticipantId ?? "", out var p))
            {
                Add(TablePlanProblemKind.UnknownHost, $"The host {host.ParticipantId} of table {N(host.Table)} is not a participant; add the person or choose another host.");
                continue;
            }
            if (tables > 0 && (host.Table < 1 || host.Table > tables))
            {
                Add(TablePlanProblemKind.HostTableOutOfRange, $"{host.ParticipantId} hosts table {N(host.Table)}, but the tables are numbered 1 to {N(tables)}; choose one of those tables.");
                continue;
            }
            if (hostTable[p] >= 0)
            {
                Add(TablePlanProblemKind.HostOfTwoTables, $"{host.ParticipantId} hosts tables {N(hostTable[p] + 1)} and {N(host.Table)}; a host stays at one table, so choose another host for one of them.");
                continue;
            }
            if (!tableHost.TryAdd(host.Table, host.ParticipantId!))
            {
                Add(TablePlanProblemKind.TwoHostsOnOneTable, $"Table {N(host.Table)} has two hosts, {tableHost[host.Table]} and {host.ParticipantId}; move one of them to a table without a host.");
                continue;
            }
            hostTable[p] = host.Table - 1;
            if (absent.Contains(host.ParticipantId!))
            {
                Add(TablePlanProblemKind.HostAbsent, $"{host.ParticipantId}, the host of table {N(host.Table)}, is absent; choose another host for table {N(host.Table)} or leave it without a host.");
            }
        }

        var held = request.HeldRounds ?? [];
        if (request.Rounds > 0 && held.Count > request.Rounds)
        {
            Add(TablePlanProblemKind.TooManyHeldRounds, $"{N(held.Count)} rounds are marked as held but the plan has {N(request.Rounds)} rounds; add rounds or remove held ones.");
        }
        var heldTable = new int[held.Count][];
        for (var r = 0; r < held.Count; r++)
        {
            heldTable[r] = new int[participants.Count];
            Array.Fill(heldTable[r], -1);
            var round = held[r];
            if (tables > 0 && round.Tables.Count != tables)
            {
                Add(TablePlanProblemKind.HeldRoundTableCount, $"Held round {N(r + 1)} lists {N(round.Tables.Count)} tables but the plan has {N(tables)}; list who sat at each table (an empty list for an empty table).");
            }
            for (var t = 0; t < round.Tables.Count; t++)
            {
                foreach (var id in round.Tables[t])
                {
                    if (!index.TryGetValue(id, out var p))
                    {
                        Add(TablePlanProblemKind.HeldRoundUnknownPerson, $"Held round {N(r + 1)}, table {N(t + 1)} names {id}, who is not a participant; add the person to the participants (marked absent if they left).");
                    }
                    else if (heldTable[r][p] >= 0)
                    {
                        Add(TablePlanProblemKind.HeldRoundPersonTwice, $"Held round {N(r + 1)} seats {id} at tables {N(heldTable[r][p] + 1)} and {N(t + 1)}; keep the table they sat at.");
                    }
                    else
                    {
                        heldTable[r][p] = t;
                    }
                }
            }
        }

        var present = participants.Select(person => !absent.Contains(person.Id)).ToArray();
        var presentCount = present.Count(x => x);
        var planned = request.Rounds - held.Count;
        if (tables > 0 && planned > 0 && participants.Count > 0)
        {
            if (request.SeatsPerTable is { } seats && seats > 0 && presentCount > (long)seats * tables)
            {
                Add(TablePlanProblemKind.MorePeopleThanSeats, $"{N(presentCount)} people are present but {N(tables)} tables of {N(seats)} seat only {N(seats * tables)}; add {N((presentCount - seats * tables + seats - 1) / seats)} tables or raise the seats per table to {N((presentCount + tables - 1) / tables)}.");
            }
            if (presentCount < 2 * tables)
            {
                Add(TablePlanProblemKind.TooFewPeopleForTables, $"{N(presentCount)} people present cannot fill {N(tables)} tables with at least two each; use at most {N(Math.Max(1, presentCount / 2))} tables.");
            }
        }

        // Values in the order first met, so the plan does not depend on the culture's sorting.
        var valueNames = new List<string>[attributeIndex.Count];
        var valueIndex = new Dictionary<string, int>[attributeIndex.Count];
        for (var a = 0; a < valueNames.Length; a++)
        {
            valueNames[a] = [];
            valueIndex[a] = new Dictionary<string, int>(StringComparer.Ordinal);
        }
        var values = new int[participants.Count][];
        for (var p = 0; p < participants.Count; p++)
        {
            values[p] = new int[attributeIndex.Count];
            foreach (var (attribute, a) in attributeIndex)
            {
                var value = participants[p].Attributes?.GetValueOrDefault(attribute);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }
                if (!valueIndex[a].TryGetValue(value, out var v))
                {
                    v = valueIndex[a].Count;
                    valueIndex[a].Add(value, v);
                    valueNames[a].Add(value);
                }
                values[p][a] = v;
            }
        }

        var minBound = valueNames.Select(v => new int[v.Count]).ToArray();
        var maxBound = valueNames.Select(v => Enumerable.Repeat(int.MaxValue, v.Count).ToArray()).ToArray();
        var hasMin = valueNames.Select(v => new bool[v.Count]).ToArray();
        var hasMax = valueNames.Select(v => new bool[v.Count]).ToArray();
        foreach (var bound in request.Bounds ?? [])
        {
            if (!attributeIndex.TryGetValue(bound.Attribute ?? "", out var a))
            {
                Add(TablePlanProblemKind.BoundUnknown, $"The bound on \"{bound.Attribute}\" names an attribute the plan does not mix on; add \"{bound.Attribute}\" to the attributes or remove the bound.");
                continue;
            }
            if (!valueIndex[a].TryGetValue(bound.Value ?? "", out var v))
            {
                Add(TablePlanProblemKind.BoundUnknown, $"The bound on {bound.Attribute} = \"{bound.Value}\" names a value no participant has; check the spelling or remove the bound.");
                continue;
            }
            if (bound.Min < 0 || bound.Max < 0 || bound.Min > bound.Max)
            {
                Add(TablePlanProblemKind.BoundInvalid, $"The bound on {bound.Attribute} = {bound.Value} asks for at least {bound.Min?.ToString(CultureInfo.InvariantCulture) ?? "0"} and at most {bound.Max?.ToString(CultureInfo.InvariantCulture) ?? "any"} per table; make the minimum no larger than the maximum and neither negative.");
                continue;
            }
            if (bound.Min is { } min)
            {
                minBound[a][v] = Math.Max(minBound[a][v], min);
                hasMin[a][v] = true;
            }
            if (bound.Max is { } max)
            {
                maxBound[a][v] = Math.Min(maxBound[a][v], max);
                hasMax[a][v] = true;
            }
        }
        if (tables > 0 && planned > 0)
        {
            var (baseSize, bigger) = (presentCount / tables, presentCount % tables);
            for (var a = 0; a < valueNames.Length; a++)
            {
                for (var v = 0; v < valueNames[a].Count; v++)
                {
                    var having = Enumerable.Range(0, participants.Count).Count(p => present[p] && values[p][a] == v);
                    if (hasMin[a][v] && (long)minBound[a][v] * tables > having)
                    {
                        Add(TablePlanProblemKind.BoundInfeasible, $"At least {N(minBound[a][v])} with {attributes[a]} = {valueNames[a][v]} at each of {N(tables)} tables needs {N(minBound[a][v] * tables)} such people, but {N(having)} are present; lower the minimum to {N(having / tables)} or use fewer tables.");
                    }
                    if (hasMin[a][v] && minBound[a][v] > baseSize + (bigger > 0 ? 1 : 0))
                    {
                        Add(TablePlanProblemKind.BoundInfeasible, $"At least {N(minBound[a][v])} with {attributes[a]} = {valueNames[a][v]} per table does not fit tables of {N(baseSize + (bigger > 0 ? 1 : 0))}; lower the minimum.");
                    }
                    if (hasMax[a][v] && (long)maxBound[a][v] * tables < having)
                    {
                        Add(TablePlanProblemKind.BoundInfeasible, $"At most {N(maxBound[a][v])} with {attributes[a]} = {valueNames[a][v]} at each of {N(tables)} tables seats {N(maxBound[a][v] * tables)} of the {N(having)} present; raise the maximum to {N((having + tables - 1) / tables)} or add tables.");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return (problems, null);
        }
        int[][]? previous = null;
        if (request.PreviousPlan is { } earlier)
        {
            previous = new int[request.Rounds][];
            for (var r = 0; r < request.Rounds; r++)
            {
                previous[r] = new int[participants.Count];
                Array.Fill(previous[r], -1);
                if (r >= earlier.Count)
                {
                    continue;
                }
                for (var t = 0; t < Math.Min(tables, earlier[r].Tables.Count); t++)
                {
                    foreach (var id in earlier[r].Tables[t])
                    {
                        if (index.TryGetValue(id, out var p) && previous[r][p] < 0)
                        {
                            previous[r][p] = t;
                        }
                    }
                }
            }
        }
        var room = new Room
        {
            Previous = previous,
            Ids = participants.Select(p => p.Id).ToArray(),
            AttributeNames = [.. attributes],
            ValueNames = valueNames.Select(v => v.ToArray()).ToArray(),
            Value = values,
            Tables = tables,
            Rounds = request.Rounds,
            Held = held.Count,
            HostTable = hostTable,
            Present = present,
            HeldTable = heldTable,
            MinBound = minBound,
            MaxBound = maxBound,
            HasMin = hasMin,
            HasMax = hasMax,
        };
        return (problems, room);
    }
}
