using System.Collections.Concurrent;
using Cocreo.OpinionMap.Clustering;

namespace Cocreo.OpinionMap.Bridging;

/// <summary>
/// Ranks statements by support that bridges the divide, with the matrix-factorisation model Community Notes publishes
/// for notes (twitter/communitynotes, "Note ranking algorithm"; Wojcik et al. 2022, arXiv:2210.15723):
/// a vote r (agree +1, disagree −1) of participant u on statement s is predicted as
/// <c>μ + i_u + i_s + f_u · f_s</c> with one-dimensional factors, and the parameters minimise
/// <c>Σ (r − prediction)² + λ_i (Σ i_u² + Σ i_s² + μ²) + λ_f (Σ f_u² + Σ f_s²)</c> over the votes cast.
/// </summary>
/// <remarks>
/// The fit is alternating least squares: with the statements fixed, each participant's (i_u, f_u) minimise the loss
/// exactly (a 2×2 linear system), then each statement's (i_s, f_s) with the participants fixed, then μ, then moves along
/// the directions the votes do not pin down (<see cref="Rebalance"/>). Every sweep lowers the loss; the sweeps stop when
/// nothing moves more than <see cref="BridgingOptions.Tolerance"/>. From scratch, the intercepts are fitted alone first
/// and the factors start from the leading singular pair of what they leave (power iteration from factors seeded by
/// <see cref="BridgingOptions.Seed"/> and the statement id), or from a previous ranking; every sum is taken in a fixed
/// order, so the result does not depend on the number of threads. The factors' sign is fixed as Community Notes fixes
/// it: the larger side of participants is negative. Statements rejected by moderation or marked meta are left out, as
/// in the opinion map.
/// </remarks>
public static class BridgingRanker
{
    private const int Chunk = 2048;

    /// <summary>Fits the model to the conversation's votes and ranks the statements by intercept.</summary>
    /// <param name="conversation">The statements and votes.</param>
    /// <param name="options">Settings; Community Notes' when null.</param>
    /// <param name="previous">An earlier ranking of the same conversation to start from (faster after a few new votes), or null.</param>
    public static BridgingRanking Rank(Conversation conversation, BridgingOptions? options = null, BridgingRanking? previous = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        options ??= BridgingOptions.Default;
        options.Validate();
        return Fit(conversation.ToVoteMatrix(), options, previous);
    }

    internal static BridgingRanking Fit(VoteMatrix matrix, BridgingOptions options, BridgingRanking? previous)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        var votes = FittedVotes.From(matrix, options.CountPassAsZero, parallel);
        int users = votes.UserCount, items = votes.ItemCount;
        if (votes.Count == 0)
        {
            return new BridgingRanking(0, [], [], 0, true, 0, 0);
        }
        double li = options.InterceptRegularization, lf = options.FactorRegularization;

        var a = new double[users];
        var x = new double[users];
        var b = new double[items];
        var y = new double[items];
        var mu = Start(matrix, previous, options.Seed, a, x, b, y);

        var earlierB = new double[items];
        var earlierY = new double[items];
        var residual = new double[items];

        // One sweep: every participant, every statement, μ, then the rebalancing moves. Returns how far the statements'
        // parameters and μ moved.
        double Sweep()
        {
            Array.Copy(b, earlierB, items);
            Array.Copy(y, earlierY, items);
            var m = mu;
            Parallel.ForEach(Partitioner.Create(0, users, Chunk), parallel, range =>
            {
                for (var u = range.Item1; u < range.Item2; u++)
                {
                    double n = 0, sy = 0, syy = 0, st = 0, sty = 0;
                    for (var k = votes.UserStart[u]; k < votes.UserStart[u + 1]; k++)
                    {
                        var c = votes.UserItem[k];
                        var t = votes.UserValue[k] - m - b[c];
                        var yc = y[c];
                        n++;
                        sy += yc;
                        syy += yc * yc;
                        st += t;
                        sty += t * yc;
                    }
                    (a[u], x[u]) = Solve(n + li, sy, syy + lf, st, sty);
                }
            });
            Parallel.ForEach(Partitioner.Create(0, items, Chunk), parallel, range =>
            {
                for (var c = range.Item1; c < range.Item2; c++)
                {
                    double n = 0, sx = 0, sxx = 0, st = 0, stx = 0;
                    for (var k = votes.ItemStart[c]; k < votes.ItemStart[c + 1]; k++)
                    {
                        var u = votes.ItemUser[k];
                        var t = votes.ItemValue[k] - m - a[u];
                        var xu = x[u];
                        n++;
                        sx += xu;
                        sxx += xu * xu;
                        st += t;
                        stx += t * xu;
                    }
                    var (newB, newY) = Solve(n + li, sx, sxx + lf, st, stx);
                    // Σ over the statement's votes of r − μ − i_u − i_s − f_u f_s, with the new i_s and f_s.
                    residual[c] = st - (n * newB) - (newY * sx);
                    b[c] = newB;
                    y[c] = newY;
                }
            });
            // μ minimises Σ (r − i_u − i_s − f_u f_s − μ)² + λ_i μ².
            double total = 0;
            for (var c = 0; c < items; c++)
            {
                total += residual[c];
            }
            mu = (total + (votes.Count * m)) / (votes.Count + li);
            mu = Rebalance(votes, mu, a, x, b, y, li, lf);
            var moved = Math.Abs(mu - m);
            for (var c = 0; c < items; c++)
            {
                moved = Math.Max(moved, Math.Max(Math.Abs(b[c] - earlierB[c]), Math.Abs(y[c] - earlierY[c])));
            }
            return moved;
        }

        var iterations = 0;
        if (previous is null)
        {
            // From scratch: the intercepts alone first (factors 0 stay 0), then the factors start from the leading
            // singular vectors of what the intercepts leave (a spectral start, found by power iteration from the seeded
            // start); random starts can end in a poorer local minimum.
            var seeded = (double[])y.Clone();
            Array.Clear(y);
            while (iterations < options.MaxIterations && Sweep() > Math.Max(options.Tolerance, 1e-6))
            {
                iterations++;
            }
            SpectralStart(votes, mu, a, b, seeded, x, y, parallel);
        }
        var converged = false;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            if (Sweep() <= options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        FixSign(votes, x, y);
        var loss = Loss(votes, mu, a, x, b, y, li, lf, parallel);
        return Result(matrix, votes, options, mu, a, x, b, y, iterations, converged, loss);
    }

    /// <summary>
    /// Sets the factors to the leading singular pair of the residual matrix E (votes minus μ and the intercepts, over
    /// the votes cast), scaled to √σ each: power iteration from <paramref name="start"/> until the unit vector moves
    /// less than 1e-3 (at most 50 steps; a start needs no more).
    /// </summary>
    private static void SpectralStart(FittedVotes votes, double mu, double[] a, double[] b, double[] start, double[] x, double[] y, ParallelOptions parallel)
    {
        Array.Copy(start, y, y.Length);
        var previous = new double[y.Length];
        var sigma = 0.0;
        for (var step = 0; step < 50; step++)
        {
            Parallel.ForEach(Partitioner.Create(0, votes.UserCount, Chunk), parallel, range =>
            {
                for (var u = range.Item1; u < range.Item2; u++)
                {
                    double sum = 0;
                    for (var k = votes.UserStart[u]; k < votes.UserStart[u + 1]; k++)
                    {
                        var c = votes.UserItem[k];
                        sum += (votes.UserValue[k] - mu - a[u] - b[c]) * y[c];
                    }
                    x[u] = sum;
                }
            });
            Parallel.ForEach(Partitioner.Create(0, votes.ItemCount, Chunk), parallel, range =>
            {
                for (var c = range.Item1; c < range.Item2; c++)
                {
                    double sum = 0;
                    for (var k = votes.ItemStart[c]; k < votes.ItemStart[c + 1]; k++)
                    {
                        var u = votes.ItemUser[k];
                        sum += (votes.ItemValue[k] - mu - a[u] - b[c]) * x[u];
                    }
                    y[c] = sum;
                }
            });
            var norm = Math.Sqrt(y.Sum(v => v * v));
            if (norm == 0)
            {
                Array.Copy(start, y, y.Length);
                Array.Clear(x);
                return;
            }
            double moved = 0;
            for (var c = 0; c < y.Length; c++)
            {
                var unit = y[c] / norm;
                moved += (unit - previous[c]) * (unit - previous[c]);
                y[c] = unit;
            }
            Array.Copy(y, previous, y.Length);
            // ‖Eᵀ E y‖ → σ² for the unit y.
            sigma = Math.Sqrt(norm);
            if (moved < 1e-6)
            {
                break;
            }
        }
        // x = E y = σ ũ; split σ evenly: f_u = √σ ũ, f_s = √σ y.
        Parallel.ForEach(Partitioner.Create(0, votes.UserCount, Chunk), parallel, range =>
        {
            for (var u = range.Item1; u < range.Item2; u++)
            {
                double sum = 0;
                for (var k = votes.UserStart[u]; k < votes.UserStart[u + 1]; k++)
                {
                    var c = votes.UserItem[k];
                    sum += (votes.UserValue[k] - mu - a[u] - b[c]) * y[c];
                }
                x[u] = sum / Math.Sqrt(sigma);
            }
        });
        var scale = Math.Sqrt(sigma);
        for (var c = 0; c < y.Length; c++)
        {
            y[c] *= scale;
        }
    }

    /// <summary>
    /// Four moves that change no prediction, only the regularisation, each to its exact optimum: shifting agreement
    /// between μ and all participants' and statements' intercepts; shifting every participant's factor by γ while each
    /// statement's intercept takes −γ f_s; the same with the roles swapped; and scaling the participants' factors by k
    /// and the statements' by 1/k. Block coordinate steps alone creep
    /// along these directions (the data do not pin them, only the small λs do), so without them the fit would take
    /// thousands of sweeps.
    /// </summary>
    private static double Rebalance(FittedVotes votes, double mu, double[] a, double[] x, double[] b, double[] y, double li, double lf)
    {
        double users = 0, sumA = 0, sumX = 0, sumXX = 0, sumXA = 0;
        for (var u = 0; u < a.Length; u++)
        {
            if (votes.UserStart[u + 1] > votes.UserStart[u])
            {
                users++;
                sumA += a[u];
                sumX += x[u];
                sumXX += x[u] * x[u];
                sumXA += x[u] * a[u];
            }
        }
        double items = 0, sumB = 0, sumY = 0, sumYY = 0, sumYB = 0;
        for (var c = 0; c < b.Length; c++)
        {
            if (votes.ItemStart[c + 1] > votes.ItemStart[c])
            {
                items++;
                sumB += b[c];
                sumY += y[c];
                sumYY += y[c] * y[c];
                sumYB += y[c] * b[c];
            }
        }
        if (users == 0 || items == 0)
        {
            return mu;
        }
        // μ + d1 + d2, i_u − d1, i_s − d2: minimise (μ + d1 + d2)² + Σ (i_u − d1)² + Σ (i_s − d2)².
        var (d1, d2) = Solve(users + 1, 1, items + 1, sumA - mu, sumB - mu);
        mu += d1 + d2;
        sumA -= users * d1;
        sumB -= items * d2;
        // f_u + γ, i_s − γ f_s: minimise λ_f Σ (f_u + γ)² + λ_i Σ (i_s − γ f_s)².
        var gamma = ((li * (sumYB - (d2 * sumY))) - (lf * sumX)) / ((lf * users) + (li * sumYY));
        // f_s + η, i_u − η f_u (with f_u already moved by γ).
        var sumXAfter = sumX + (users * gamma);
        var sumXXAfter = sumXX + (2 * gamma * sumX) + (users * gamma * gamma);
        var sumXAAfter = sumXA - (d1 * sumX) + (gamma * sumA);
        var eta = ((li * sumXAAfter) - (lf * sumY)) / ((lf * items) + (li * sumXXAfter));
        // f_u · k, f_s / k: minimise λ_f (k² Σ f_u² + Σ f_s² / k²), k⁴ = Σ f_s² / Σ f_u².
        var sumYYAfter = sumYY + (2 * eta * sumY) + (items * eta * eta);
        var k = sumXXAfter > 0 && sumYYAfter > 0 ? Math.Sqrt(Math.Sqrt(sumYYAfter / sumXXAfter)) : 1;
        for (var u = 0; u < a.Length; u++)
        {
            if (votes.UserStart[u + 1] > votes.UserStart[u])
            {
                a[u] -= d1;
                x[u] += gamma;
                a[u] -= eta * x[u];
                x[u] *= k;
            }
        }
        for (var c = 0; c < b.Length; c++)
        {
            if (votes.ItemStart[c + 1] > votes.ItemStart[c])
            {
                b[c] -= d2;
                b[c] -= gamma * y[c];
                y[c] = (y[c] + eta) / k;
            }
        }
        return mu;
    }

    /// <summary>Minimises (n+λ_i) p² + 2 s p q + (ss+λ_f) q² − 2 d p − 2 e q: the normal equations of one participant or statement.</summary>
    private static (double Intercept, double Factor) Solve(double aa, double ab, double bb, double d, double e)
    {
        var determinant = (aa * bb) - (ab * ab);
        return (((bb * d) - (ab * e)) / determinant, ((aa * e) - (ab * d)) / determinant);
    }

    private static double Start(VoteMatrix matrix, BridgingRanking? previous, int seed, double[] a, double[] x, double[] b, double[] y)
    {
        var earlierStatements = previous?.Statements.ToDictionary(s => s.StatementId);
        for (var c = 0; c < y.Length; c++)
        {
            var id = matrix.StatementIds[c];
            if (earlierStatements is not null && earlierStatements.TryGetValue(id, out var earlier))
            {
                b[c] = earlier.Intercept;
                y[c] = earlier.Factor;
            }
            else
            {
                y[c] = SplitMix64.For(seed, id).NextDouble() - 0.5;
            }
        }
        if (previous is null)
        {
            return 0;
        }
        var earlierParticipants = previous.Participants.ToDictionary(p => p.ParticipantId);
        for (var u = 0; u < x.Length; u++)
        {
            if (earlierParticipants.TryGetValue(matrix.ParticipantIds[u], out var earlier))
            {
                a[u] = earlier.Intercept;
                x[u] = earlier.Factor;
            }
        }
        return previous.GlobalIntercept;
    }

    /// <summary>Community Notes' identification rule: flip every factor when fewer than half of the participants' factors are negative.</summary>
    private static void FixSign(FittedVotes votes, double[] x, double[] y)
    {
        int negative = 0, nonZero = 0;
        for (var u = 0; u < x.Length; u++)
        {
            if (votes.UserStart[u + 1] > votes.UserStart[u] && x[u] != 0)
            {
                nonZero++;
                negative += x[u] < 0 ? 1 : 0;
            }
        }
        if (2 * negative >= nonZero)
        {
            return;
        }
        for (var u = 0; u < x.Length; u++)
        {
            x[u] = -x[u];
        }
        for (var c = 0; c < y.Length; c++)
        {
            y[c] = -y[c];
        }
    }

    private static double Loss(FittedVotes votes, double mu, double[] a, double[] x, double[] b, double[] y, double li, double lf, ParallelOptions parallel)
    {
        var perUser = new double[votes.UserCount];
        Parallel.ForEach(Partitioner.Create(0, votes.UserCount, Chunk), parallel, range =>
        {
            for (var u = range.Item1; u < range.Item2; u++)
            {
                double sum = 0;
                for (var k = votes.UserStart[u]; k < votes.UserStart[u + 1]; k++)
                {
                    var c = votes.UserItem[k];
                    var e = votes.UserValue[k] - mu - a[u] - b[c] - (x[u] * y[c]);
                    sum += e * e;
                }
                perUser[u] = sum + (li * a[u] * a[u]) + (lf * x[u] * x[u]);
            }
        });
        var loss = li * mu * mu;
        foreach (var value in perUser)
        {
            loss += value;
        }
        for (var c = 0; c < b.Length; c++)
        {
            loss += (li * b[c] * b[c]) + (lf * y[c] * y[c]);
        }
        return loss;
    }

    private static BridgingRanking Result(VoteMatrix matrix, FittedVotes votes, BridgingOptions options, double mu,
        double[] a, double[] x, double[] b, double[] y, int iterations, bool converged, double loss)
    {
        int negativeParticipants = 0, positiveParticipants = 0;
        for (var u = 0; u < votes.UserCount; u++)
        {
            if (votes.UserStart[u + 1] > votes.UserStart[u])
            {
                negativeParticipants += x[u] < 0 ? 1 : 0;
                positiveParticipants += x[u] > 0 ? 1 : 0;
            }
        }
        var negativeVotes = new int[votes.ItemCount];
        var positiveVotes = new int[votes.ItemCount];
        for (var c = 0; c < votes.ItemCount; c++)
        {
            for (var k = votes.ItemStart[c]; k < votes.ItemStart[c + 1]; k++)
            {
                var factor = x[votes.ItemUser[k]];
                negativeVotes[c] += factor < 0 ? 1 : 0;
                positiveVotes[c] += factor > 0 ? 1 : 0;
            }
        }
        var negativeNeeded = Math.Min(options.MinimumVotesPerSide, negativeParticipants);
        var positiveNeeded = Math.Min(options.MinimumVotesPerSide, positiveParticipants);
        var ranked = Enumerable.Range(0, votes.ItemCount)
            .Where(c => votes.ItemStart[c + 1] - votes.ItemStart[c] >= Math.Max(1, options.MinimumVotes)
                && negativeVotes[c] >= negativeNeeded && positiveVotes[c] >= positiveNeeded)
            .OrderByDescending(c => b[c]).ThenBy(c => matrix.StatementIds[c])
            .ToArray();
        var rankOf = new int?[votes.ItemCount];
        for (var i = 0; i < ranked.Length; i++)
        {
            rankOf[ranked[i]] = i + 1;
        }
        var statements = new List<BridgingStatement>();
        for (var c = 0; c < votes.ItemCount; c++)
        {
            var count = votes.ItemStart[c + 1] - votes.ItemStart[c];
            if (count > 0)
            {
                statements.Add(new BridgingStatement(matrix.StatementIds[c], b[c], y[c], count, votes.ItemAgree[c], votes.ItemDisagree[c], rankOf[c])
                {
                    NegativeSideVotes = negativeVotes[c],
                    PositiveSideVotes = positiveVotes[c],
                });
            }
        }
        var participants = new List<BridgingParticipant>();
        for (var u = 0; u < votes.UserCount; u++)
        {
            var count = votes.UserStart[u + 1] - votes.UserStart[u];
            if (count > 0)
            {
                participants.Add(new BridgingParticipant(matrix.ParticipantIds[u], a[u], x[u], count));
            }
        }
        return new BridgingRanking(mu, statements, participants, iterations, converged, loss, votes.Count);
    }

    /// <summary>The votes the model is fitted to, by participant (rows) and by statement (columns), agree +1.</summary>
    private sealed class FittedVotes
    {
        public required int UserCount { get; init; }
        public required int ItemCount { get; init; }
        public required int[] UserStart { get; init; }
        public required int[] UserItem { get; init; }
        public required sbyte[] UserValue { get; init; }
        public required int[] ItemStart { get; init; }
        public required int[] ItemUser { get; init; }
        public required sbyte[] ItemValue { get; init; }
        public required int[] ItemAgree { get; init; }
        public required int[] ItemDisagree { get; init; }
        public int Count => UserItem.Length;

        public static FittedVotes From(VoteMatrix matrix, bool countPassAsZero, ParallelOptions parallel)
        {
            int users = matrix.RowCount, items = matrix.ColumnCount;
            var columns = matrix.Columns;
            var raw = matrix.Votes;
            var isOut = matrix.IsModeratedOut;
            bool Keep(int k) => !isOut[columns[k]] && (countPassAsZero || raw[k] != 0);

            var userStart = new int[users + 1];
            if (users == 0)
            {
                return new FittedVotes
                {
                    UserCount = 0, ItemCount = items, UserStart = userStart, UserItem = [], UserValue = [],
                    ItemStart = new int[items + 1], ItemUser = [], ItemValue = [], ItemAgree = new int[items], ItemDisagree = new int[items],
                };
            }
            Parallel.ForEach(Partitioner.Create(0, users, Chunk), parallel, range =>
            {
                for (var u = range.Item1; u < range.Item2; u++)
                {
                    var count = 0;
                    for (var k = matrix.RowStart[u]; k < matrix.RowStart[u + 1]; k++)
                    {
                        count += Keep(k) ? 1 : 0;
                    }
                    userStart[u + 1] = count;
                }
            });
            for (var u = 0; u < users; u++)
            {
                userStart[u + 1] += userStart[u];
            }
            var total = userStart[users];
            var userItem = new int[total];
            var userValue = new sbyte[total];
            Parallel.ForEach(Partitioner.Create(0, users, Chunk), parallel, range =>
            {
                for (var u = range.Item1; u < range.Item2; u++)
                {
                    var at = userStart[u];
                    for (var k = matrix.RowStart[u]; k < matrix.RowStart[u + 1]; k++)
                    {
                        if (Keep(k))
                        {
                            userItem[at] = columns[k];
                            // The matrix holds Polis' convention (agree −1); the model's is agree +1.
                            userValue[at++] = (sbyte)-raw[k];
                        }
                    }
                }
            });

            var itemStart = new int[items + 1];
            var agree = new int[items];
            var disagree = new int[items];
            for (var k = 0; k < total; k++)
            {
                var c = userItem[k];
                itemStart[c + 1]++;
                if (userValue[k] > 0)
                {
                    agree[c]++;
                }
                else if (userValue[k] < 0)
                {
                    disagree[c]++;
                }
            }
            for (var c = 0; c < items; c++)
            {
                itemStart[c + 1] += itemStart[c];
            }
            var next = itemStart[..items];
            var itemUser = new int[total];
            var itemValue = new sbyte[total];
            for (var u = 0; u < users; u++)
            {
                for (var k = userStart[u]; k < userStart[u + 1]; k++)
                {
                    var at = next[userItem[k]]++;
                    itemUser[at] = u;
                    itemValue[at] = userValue[k];
                }
            }
            return new FittedVotes
            {
                UserCount = users, ItemCount = items, UserStart = userStart, UserItem = userItem, UserValue = userValue,
                ItemStart = itemStart, ItemUser = itemUser, ItemValue = itemValue, ItemAgree = agree, ItemDisagree = disagree,
            };
        }
    }
}
