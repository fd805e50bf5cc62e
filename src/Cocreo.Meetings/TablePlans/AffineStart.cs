namespace Cocreo.Meetings.TablePlans;

/// <summary>
/// A start with no repeat meeting at all, from the affine plane over the finite field GF(q), when the number of tables
/// q is a prime power (2, 3, 4, 5, 7, 8, 9, 11, 13, 16, …), nobody has met yet, at most q² people are present and there
/// are at most q rounds. People are points (x, y); in round m, table b seats the line y = m·x + b. Two points lie
/// on one line of one slope only, so nobody meets twice. Filling whole columns x = 0, 1, … (the last one partly)
/// gives every line the same number of points, give or take one, so the sizes are balanced; hosts are the points
/// (0, their table), which lie on line "their table" for every slope. People are laid out in the order of their
/// attribute values, column after column, and every line takes one point of each column: each table receives a
/// stratified sample of the room. The annealing then polishes the mix without adding a repeat.
/// </summary>
internal static class AffineStart
{
    public static int[][]? Build(Room room)
    {
        var q = room.Tables;
        var planned = room.Rounds - room.Held;
        var present = Enumerable.Range(0, room.Count).Where(p => room.Present[p]).ToArray();
        if (room.Held > 0 || planned > q || present.Length > q * q || q > 64 || Field.Of(q) is not { } field)
        {
            return null;
        }
        // Hosts first at (0, table); the others in the order of their attribute values fill the free points column by column.
        var point = new (int X, int Y)[room.Count];
        var taken = new bool[q, q];
        foreach (var p in present.Where(p => room.HostTable[p] >= 0))
        {
            point[p] = (0, room.HostTable[p]);
            taken[0, room.HostTable[p]] = true;
        }
        var others = present.Where(p => room.HostTable[p] < 0)
            .OrderBy(p => p, Comparer<int>.Create((a, b) =>
            {
                for (var k = 0; k < room.Attributes; k++)
                {
                    var c = room.Value[a][k].CompareTo(room.Value[b][k]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return a.CompareTo(b);
            }))
            .ToArray();
        var next = 0;
        for (var x = 0; x < q && next < others.Length; x++)
        {
            for (var y = 0; y < q && next < others.Length; y++)
            {
                if (!taken[x, y])
                {
                    point[others[next++]] = (x, y);
                    taken[x, y] = true;
                }
            }
        }
        // Columns must be full but the last: a host column left with gaps would unbalance the sizes.
        var used = (present.Length + q - 1) / q;
        for (var x = 0; x < used - 1; x++)
        {
            for (var y = 0; y < q; y++)
            {
                if (!taken[x, y])
                {
                    return null;
                }
            }
        }
        var plan = new int[room.Rounds][];
        for (var r = 0; r < room.Rounds; r++)
        {
            plan[r] = new int[room.Count];
            Array.Fill(plan[r], -1);
        }
        for (var m = 0; m < planned; m++)
        {
            var r = room.Held + m;
            foreach (var p in present)
            {
                var (x, y) = point[p];
                plan[r][p] = field.Subtract(y, field.Multiply(m, x));
            }
            var sizes = new int[q];
            foreach (var p in present)
            {
                sizes[plan[r][p]]++;
            }
            if (sizes.Max() - sizes.Min() > 1)
            {
                return null;
            }
        }
        return plan;
    }

    /// <summary>GF(q) for a prime power q: elements 0..q-1 as base-p digits of polynomials, modulo an irreducible polynomial.</summary>
    private sealed class Field
    {
        private readonly int[,] product;
        private readonly int[,] difference;

        private Field(int[,] product, int[,] difference)
        {
            this.product = product;
            this.difference = difference;
        }

        public int Multiply(int a, int b) => product[a, b];

        public int Subtract(int a, int b) => difference[a, b];

        public static Field? Of(int q)
        {
            int p = 0, k = 0;
            for (var d = 2; d <= q; d++)
            {
                if (q % d == 0)
                {
                    p = d;
                    break;
                }
            }
            for (var power = 1; power < q; power *= p)
            {
                k++;
            }
            if (p == 0 || (int)Math.Pow(p, k) != q)
            {
                return null; // not a prime power
            }
            int[] Digits(int a)
            {
                var digits = new int[k];
                for (var i = 0; i < k; i++, a /= p)
                {
                    digits[i] = a % p;
                }
                return digits;
            }
            int Number(int[] digits)
            {
                var a = 0;
                for (var i = k - 1; i >= 0; i--)
                {
                    a = a * p + digits[i];
                }
                return a;
            }
            var difference = new int[q, q];
            for (var a = 0; a < q; a++)
            {
                for (var b = 0; b < q; b++)
                {
                    var (da, db) = (Digits(a), Digits(b));
                    difference[a, b] = Number(da.Zip(db, (x, y) => ((x - y) % p + p) % p).ToArray());
                }
            }
            // Try the monic polynomials x^k + c(x) in turn; the first whose products have no zero divisor is irreducible.
            for (var c = 0; c < q; c++)
            {
                var modulus = Digits(c);
                var product = new int[q, q];
                var field = true;
                for (var a = 0; a < q && field; a++)
                {
                    for (var b = 0; b < q; b++)
                    {
                        var full = new int[2 * k];
                        var (da, db) = (Digits(a), Digits(b));
                        for (var i = 0; i < k; i++)
                        {
                            for (var j = 0; j < k; j++)
                            {
                                full[i + j] = (full[i + j] + da[i] * db[j]) % p;
                            }
                        }
                        // Reduce: x^k = -c(x).
                        for (var degree = 2 * k - 1; degree >= k; degree--)
                        {
                            var lead = full[degree];
                            if (lead == 0)
                            {
                                continue;
                            }
                            full[degree] = 0;
                            for (var i = 0; i < k; i++)
                            {
                                full[degree - k + i] = ((full[degree - k + i] - lead * modulus[i]) % p + p) % p;
                            }
                        }
                        product[a, b] = Number(full[..k]);
                        if (a != 0 && b != 0 && product[a, b] == 0)
                        {
                            field = false;
                            break;
                        }
                    }
                }
                if (field)
                {
                    return new Field(product, difference);
                }
            }
            return null;
        }
    }
}
