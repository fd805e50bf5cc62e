namespace Cocreo.OpinionMap.Statistics;

/// <summary>
/// Polis' representative statements (repness.clj: <c>conv-repness</c>, <c>select-rep-comments</c>). For each group
/// and statement: the smoothed probabilities of agreeing and disagreeing, their z against one half, how many times
/// more likely the group is to agree (disagree) than everyone else, and the z of that difference.
/// </summary>
/// <remarks>
/// Selection, for each group, walking statements in id order: a statement is "sufficient" when both its probability
/// and its difference from the rest are significant (agree or disagree side). The best statement by difference test
/// is kept in case nothing is sufficient, and the best statement the group agrees on is kept to be shown first.
/// The result is the best-agree statement followed by the sufficient ones by decreasing
/// repness × repness-test × p-success × p-test, at most five, agrees before disagrees. Comparisons are made with
/// the same values Polis compares, including repness-test rounded to a float.
/// </remarks>
internal static class RepresentativeStatements
{
    /// <summary>The representative statements of each group.</summary>
    /// <param name="groupVotes">Votes per group, per column: <c>groupVotes[g][c]</c>.</param>
    /// <param name="statementIds">The statement of each column (ascending).</param>
    /// <param name="isModeratedOut">Columns left out of selection.</param>
    /// <param name="options">Significance and how many to select.</param>
    public static List<RepresentativeStatement>[] Select(VoteTally[][] groupVotes, int[] statementIds, bool[] isModeratedOut,
        OpinionMapOptions options)
    {
        var groupCount = groupVotes.Length;
        var selections = Enumerable.Range(0, groupCount).Select(_ => new Selection()).ToArray();
        for (var column = 0; column < statementIds.Length; column++)
        {
            if (isModeratedOut[column])
            {
                continue;
            }
            int agreeAll = 0, disagreeAll = 0, seenAll = 0;
            for (var g = 0; g < groupCount; g++)
            {
                agreeAll += groupVotes[g][column].Agree;
                disagreeAll += groupVotes[g][column].Disagree;
                seenAll += groupVotes[g][column].Seen;
            }
            for (var g = 0; g < groupCount; g++)
            {
                var own = groupVotes[g][column];
                var rest = new VoteTally(agreeAll - own.Agree, disagreeAll - own.Disagree, seenAll - own.Seen);
                selections[g].Consider(statementIds[column], Stats.Of(own, rest), options.SignificanceZ);
            }
        }
        return [.. selections.Select(s => s.Result(options.MaxSelectedStatements))];
    }

    /// <summary>Polis' comment-stats plus comparative stats of one group on one statement.</summary>
    private readonly record struct Stats(int Na, int Nd, int Ns, double Pa, double Pd, double Pat, double Pdt,
        double Ra, double Rd, double Rat, double Rdt)
    {
        public static Stats Of(VoteTally own, VoteTally rest) => new(
            own.Agree, own.Disagree, own.Seen,
            ProportionTests.Smoothed(own.Agree, own.Seen),
            ProportionTests.Smoothed(own.Disagree, own.Seen),
            ProportionTests.Proportion(own.Agree, own.Seen),
            ProportionTests.Proportion(own.Disagree, own.Seen),
            ProportionTests.RatioOfSmoothed(own.Agree, own.Seen, rest.Agree, rest.Seen),
            ProportionTests.RatioOfSmoothed(own.Disagree, own.Seen, rest.Disagree, rest.Seen),
            ProportionTests.TwoProportions(own.Agree, rest.Agree, own.Seen, rest.Seen),
            ProportionTests.TwoProportions(own.Disagree, rest.Disagree, own.Seen, rest.Seen));

        /// <summary>Polis' finalize-cmt-stats: the agree side when its difference test is the larger.</summary>
        public RepresentativeStatement Finalize(int statementId) => Rat > Rdt
            ? new RepresentativeStatement(statementId, Side.Agree, Na, Ns, Pa, Pat, Ra, (float)Rat)
            : new RepresentativeStatement(statementId, Side.Disagree, Nd, Ns, Pd, Pdt, Rd, (float)Rdt);
    }

    private sealed class Selection
    {
        private readonly List<RepresentativeStatement> sufficient = [];
        private RepresentativeStatement? best;
        private (int StatementId, Stats Stats)? bestAgree;

        public void Consider(int statementId, Stats stats, double z)
        {
            if ((stats.Rat > z && stats.Pat > z) || (stats.Rdt > z && stats.Pdt > z))
            {
                sufficient.Add(stats.Finalize(statementId));
            }
            if (sufficient.Count == 0 && (best is null || Math.Max(stats.Rat, stats.Rdt) > best.RepresentativenessTest))
            {
                best = stats.Finalize(statementId);
            }
            if (BeatsBestAgree(stats, z))
            {
                bestAgree = (statementId, stats);
            }
        }

        /// <summary>Polis' beats-best-agr?.</summary>
        private bool BeatsBestAgree(Stats s, double z)
        {
            if (s.Na == 0 && s.Nd == 0)
            {
                return false;
            }
            if (bestAgree is { Stats: var b })
            {
                return b.Ra > 1.0
                    ? s.Ra * s.Rat * s.Pa * s.Pat > b.Ra * b.Rat * b.Pa * b.Pat
                    : s.Pa * s.Pat > b.Pa * b.Pat;
            }
            return s.Pat > z || (s.Ra > 1.0 && s.Pa > 0.5);
        }

        public List<RepresentativeStatement> Result(int max)
        {
            var head = bestAgree is { } agree
                ? agree.Stats.Finalize(agree.StatementId) with { IsBestAgree = true, AgreeCount = agree.Stats.Na }
                : null;
            if (sufficient.Count == 0)
            {
                var only = head ?? best;
                return only is null ? [] : [only];
            }
            var ranked = sufficient
                .Where(s => head is null || s.StatementId != head.StatementId)
                .OrderByDescending(Metric);
            var chosen = (head is null ? ranked : ranked.Prepend(head)).Take(max).ToList();
            return [.. chosen.Where(s => s.RepresentativeFor == Side.Agree), .. chosen.Where(s => s.RepresentativeFor == Side.Disagree)];
        }

        /// <summary>Polis' repness-metric, multiplied in its order.</summary>
        private static double Metric(RepresentativeStatement s) =>
            s.Representativeness * s.RepresentativenessTest * s.Probability * s.ProbabilityTest;
    }
}
