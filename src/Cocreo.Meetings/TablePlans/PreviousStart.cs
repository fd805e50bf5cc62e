namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// A start from the plan computed before (re-computation at the door): everyone present keeps their earlier table,
/// hosts sit at theirs, late arrivals and people whose table is too full go to the emptiest tables, until the sizes
/// differ by at most one. When a few people stay away this is usually one or two moves from a plan as good as before.
/// </summary>
internal static class PreviousStart
{
    public static int[][]? Build(Room room)
    {
        if (room.Previous is not { } previous)
        {
            return null;
        }
        var (baseSize, bigger) = room.Sizes;
        var plan = new int[room.Rounds][];
        for (var r = 0; r < room.Rounds; r++)
        {
            plan[r] = r < room.Held ? (int[])room.HeldTable[r].Clone() : new int[room.Count];
            if (r < room.Held)
            {
                continue;
            }
            Array.Fill(plan[r], -1);
            var size = new int[room.Tables];
            var waiting = new List<int>();
            for (var p = 0; p < room.Count; p++)
            {
                if (!room.Present[p])
                {
                    continue;
                }
                var t = room.HostTable[p] >= 0 ? room.HostTable[p] : previous[r][p];
                if (t >= 0)
                {
                    plan[r][p] = t;
                    size[t]++;
                }
                else
                {
                    waiting.Add(p);
                }
            }
            // Too full: more than the bigger size, or more bigger tables than there may be. Move the last non-hosts out.
            for (var t = 0; t < room.Tables; t++)
            {
                var allowed = baseSize + 1;
                var seated = Enumerable.Range(0, room.Count).Where(p => plan[r][p] == t && room.HostTable[p] < 0).Reverse().ToList();
                foreach (var p in seated)
                {
                    if (size[t] <= allowed)
                    {
                        break;
                    }
                    plan[r][p] = -1;
                    size[t]--;
                    waiting.Add(p);
                }
            }
            while (size.Count(s => s > baseSize) > bigger)
            {
                var t = Array.FindIndex(size, s => s > baseSize);
                var p = Enumerable.Range(0, room.Count).Last(q => plan[r][q] == t && room.HostTable[q] < 0);
                plan[r][p] = -1;
                size[t]--;
                waiting.Add(p);
            }
            foreach (var p in waiting)
            {
                var t = Array.IndexOf(size, size.Min());
                plan[r][p] = t;
                size[t]++;
            }
            if (size.Max() - size.Min() > 1)
            {
                return null;
            }
        }
        return plan;
    }
}
