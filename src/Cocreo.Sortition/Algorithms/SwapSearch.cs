namespace Cocreo.Sortition;

/// <summary>
/// A fast heuristic for the pricing problem: from a valid panel, repeatedly give a seat of a low-weight group to a
/// higher-weight group while every rule still holds. It finds improving panels in microseconds where the integer
/// program takes milliseconds; the integer program is still asked whenever this finds nothing, to prove optimality.
/// </summary>
internal sealed class SwapSearch(PanelSpace space)
{

    /// <summary>
    /// Improves the panel in place for the weights; returns whether it changed. <paramref name="byWeight"/> lists the
    /// groups from the highest weight to the lowest.
    /// </summary>
    public bool Improve(int[] seats, double[] weight, int[] byWeight, double minimumGain)
    {
        var counts = space.CountByValue(seats);
        var householdSeats = new int[space.Households.Length];
        for (var g = 0; g < seats.Length; g++)
        {
            if (seats[g] > 0 && space.HouseholdOf[g] >= 0)
            {
                householdSeats[space.HouseholdOf[g]] += seats[g];
            }
        }
        var changed = false;
        // A panel changes completely within k moves; more means many tiny gains, which the linear program handles better.
        for (var moves = 0; moves < 4 * space.PanelSize; moves++)
        {
            if (!TryOneSwap(seats, counts, householdSeats, weight, byWeight, minimumGain))
            {
                break;
            }
            changed = true;
        }
        return changed;
    }

    private bool TryOneSwap(int[] seats, int[][] counts, int[] householdSeats, double[] weight, int[] byWeight, double minimumGain)
    {
        // Give up the seat of the lowest-weight seated group first: it has the most to gain.
        for (var i = byWeight.Length - 1; i >= 0; i--)
        {
            var from = byWeight[i];
            if (seats[from] <= space.Lower[from])
            {
                continue;
            }
            foreach (var to in byWeight)
            {
                if (weight[to] - weight[from] <= minimumGain)
                {
                    break;
                }
                if (seats[to] < space.Upper[to] && CanMove(from, to, counts, householdSeats))
                {
                    Move(from, to, seats, counts, householdSeats);
                    return true;
                }
            }
        }
        return false;
    }

    private bool CanMove(int from, int to, int[][] counts, int[] householdSeats)
    {
        var toHousehold = space.HouseholdOf[to];
        if (toHousehold >= 0 && toHousehold != space.HouseholdOf[from] && householdSeats[toHousehold] > 0)
        {
            return false;
        }
        var a = space.ValueOf[from];
        var b = space.ValueOf[to];
        for (var f = 0; f < a.Length; f++)
        {
            if (a[f] != b[f] && (counts[f][a[f]] - 1 < space.Min[f][a[f]] || counts[f][b[f]] + 1 > space.Max[f][b[f]]))
            {
                return false;
            }
        }
        return true;
    }

    private void Move(int from, int to, int[] seats, int[][] counts, int[] householdSeats)
    {
        seats[from]--;
        seats[to]++;
        for (var f = 0; f < space.FeatureCount; f++)
        {
            counts[f][space.ValueOf[from][f]]--;
            counts[f][space.ValueOf[to][f]]++;
        }
        if (space.HouseholdOf[from] >= 0)
        {
            householdSeats[space.HouseholdOf[from]]--;
        }
        if (space.HouseholdOf[to] >= 0)
        {
            householdSeats[space.HouseholdOf[to]]++;
        }
    }
}
