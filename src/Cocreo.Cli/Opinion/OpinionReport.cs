using Cocreo.OpinionMap;
using Cocreo.OpinionMap.Bridging;
using Cocreo.OpinionMap.Polis;

namespace Cocreo.Cli.Opinion;

/// <summary>The text the opinion commands print.</summary>
internal static class OpinionReport
{
    private const int TextWidth = 90;

    public static void Write(TextWriter output, string name, Conversation conversation, ConversationMap map, BridgingRanking? bridging = null)
    {
        var inConversation = map.Participants.Count(p => p.InConversation);
        output.WriteLine($"Opinion map of {name}");
        output.WriteLine($"  {map.Participants.Count} participants voted, {inConversation} in the conversation; "
            + $"{map.Statements.Count} statements with votes, {map.Statements.Count(s => s.IsModeratedOut)} moderated out");
        var selection = map.GroupCountSelection;
        var silhouettes = string.Join(", ", selection.Silhouettes.Select(s => $"{s.Key}: {N(s.Value, "F3")}"));
        output.WriteLine($"  {map.Groups.Count} opinion groups (silhouette {silhouettes}; best {selection.BestCount}"
            + (selection.WasForced ? ", number fixed by --groups" : "") + ")");
        foreach (var k in selection.SeededStartShown.Where(k => k == selection.ChosenCount))
        {
            output.WriteLine($"  the {k} groups come from a seeded start: they explain {N(100 * selection.ExplainedSpread[k], "F1")}% "
                + $"of the spread, Polis' own start stopped at {N(100 * selection.PolisStartExplainedSpread[k], "F1")}%");
        }

        foreach (var group in map.Groups)
        {
            output.WriteLine();
            output.WriteLine($"Group {Letter(group.Id)}: {group.Members.Count} participants");
            foreach (var s in group.RepresentativeStatements)
            {
                var side = s.RepresentativeFor == Side.Agree ? "agree   " : "disagree";
                output.WriteLine($"  {side} {Percent(s.Successes, s.Trials)} of the group ({s.Successes}/{s.Trials}), "
                    + $"{N(s.Representativeness, "F1")}x the rest{(s.IsBestAgree ? ", best agreed" : "")}");
                output.WriteLine($"           #{s.StatementId} {Text(conversation, s.StatementId)}");
            }
        }

        output.WriteLine();
        output.WriteLine("Consensus (all participants):");
        WriteConsensus(output, conversation, "agree   ", map.Consensus.Agree);
        WriteConsensus(output, conversation, "disagree", map.Consensus.Disagree);
        if (map.Consensus.Agree.Count + map.Consensus.Disagree.Count == 0)
        {
            output.WriteLine("  none");
        }

        output.WriteLine();
        output.WriteLine("Group-aware consensus (agreed across every group):");
        foreach (var s in map.Statements.Where(s => !s.IsModeratedOut).OrderByDescending(s => s.GroupAwareConsensus).Take(5))
        {
            output.WriteLine($"  {N(s.GroupAwareConsensus, "F3")} #{s.StatementId} {Text(conversation, s.StatementId)}");
        }

        if (bridging is not null)
        {
            output.WriteLine();
            output.WriteLine($"Bridging ranking (intercept of the Community Notes model, statements with at least {BridgingOptions.Default.MinimumVotes} "
                + $"agree/disagree votes, {BridgingOptions.Default.MinimumVotesPerSide} from each side; {bridging.Iterations} sweeps"
                + $"{(bridging.Converged ? "" : ", not converged")}):");
            foreach (var s in bridging.Ranked.Take(5))
            {
                output.WriteLine($"  {N(s.Intercept, "F3")} (factor {N(s.Factor, "F2")}, {s.Agree} agree, {s.Disagree} disagree) "
                    + $"#{s.StatementId} {Text(conversation, s.StatementId)}");
            }
            if (bridging.Ranked.Count == 0)
            {
                output.WriteLine("  none");
            }
        }
    }

    public static void WriteComparison(TextWriter output, string file, PolisComparison scratch, PolisComparison warm)
    {
        output.WriteLine($"Compared with Polis' math ({file})");
        output.WriteLine($"  {"",-38} {"from scratch",-26} from Polis' state");
        Row("in conversation (ours / Polis')", c => $"{c.InConversation.Ours} / {c.InConversation.Polis} (-{c.InConversation.OnlyPolis} +{c.InConversation.OnlyOurs})");
        Row("centre, largest difference", c => N(c.CenterDifference, "E1"));
        Row("component 1, |cos|", c => N(c.FirstComponentCosine, "F6"));
        Row("component 2, |cos|", c => N(c.SecondComponentCosine, "F6"));
        Row("groups (ours / Polis')", c => $"{c.GroupCounts.Ours} / {c.GroupCounts.Polis}");
        Row("memberships, adjusted Rand index", c => N(c.MembershipAdjustedRandIndex, "F4"));
        Row("representative statements", c => $"{c.IdenticalRepresentativeStatements} of {c.GroupCounts.Ours} groups identical");
        Row("consensus statements", c => c.IdenticalConsensus ? "identical" : "different");
        Row("group-aware consensus, largest diff", c => N(c.GroupAwareConsensusDifference, "E1"));

        void Row(string label, Func<PolisComparison, string> value) =>
            output.WriteLine($"  {label,-38} {value(scratch),-26} {value(warm)}");
    }

    private static void WriteConsensus(TextWriter output, Conversation conversation, string side, IReadOnlyList<ConsensusStatement> statements)
    {
        foreach (var s in statements)
        {
            output.WriteLine($"  {side} {Percent(s.Successes, s.Trials)} ({s.Successes}/{s.Trials}) #{s.StatementId} {Text(conversation, s.StatementId)}");
        }
    }

    /// <summary>Groups are lettered A, B, C… as Polis' report does.</summary>
    private static string Letter(int id) => id is >= 0 and < 26 ? ((char)('A' + id)).ToString() : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => whole == 0 ? "-" : $"{N(100.0 * part / whole, "F0")}%";

    private static string Text(Conversation conversation, int statementId)
    {
        var text = conversation.FindStatement(statementId)?.Text.ReplaceLineEndings(" ") ?? "";
        return text.Length <= TextWidth ? text : text[..(TextWidth - 1)] + "…";
    }

    private static string N(double value, string format) => OpinionCommand.Number(value, format);
}
