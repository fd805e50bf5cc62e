using Cocreo.Assessment;
using Cocreo.Web.Features.Assessments;
using Cocreo.Web.Features.Organisations;

namespace Cocreo.Web.Features.Readiness;

/// <summary>
/// Completed Co-Ready assessments as they were recorded: an organisation's history of re-assessments, and the
/// anonymous benchmark against its peers. Both read the result recorded at completion, which names the instrument
/// version it was scored with, so nothing is re-scored.
/// </summary>
public sealed class ReadinessRecords(AssessmentDirectory assessments, OrganisationMembership organisations)
{
    /// <summary>The organisation's completed Co-Ready assessments, oldest first.</summary>
    public async Task<List<RecordedReadiness>> HistoryAsync(int organisationId, CancellationToken cancellationToken = default) =>
        (await assessments.RecordedAsync([organisationId], InstrumentCatalog.CoReady, cancellationToken))
            .OrderBy(a => a.CompletedAt).ThenBy(a => a.Id)
            .Select(a => new RecordedReadiness(a.Id, a.Title, a.CompletedAt, AssessmentJson.ReadResult(a.ResultJson, $"assessment {a.Id}")))
            .ToList();

    /// <summary>
    /// Where <paramref name="result"/> stands per category among the latest completed Co-Ready of every organisation of
    /// the same type and size band; hidden below five peers.
    /// </summary>
    public async Task<BenchmarkPosition> BenchmarkAsync(int organisationId, AssessmentResult result, CancellationToken cancellationToken = default)
    {
        var peers = await organisations.PeersOfAsync(organisationId, cancellationToken);
        var profiles = (await assessments.RecordedAsync(peers, InstrumentCatalog.CoReady, cancellationToken))
            .GroupBy(a => a.OrganisationId)
            .Select(g => g.OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id).First())
            .Select(a => BenchmarkProfile.From(AssessmentJson.ReadResult(a.ResultJson, $"assessment {a.Id}")))
            .ToList();
        return PeerBenchmark.Position(BenchmarkProfile.From(result), profiles);
    }
}

/// <summary>Reading results recorded under another version, whose nodes may differ from the instrument on show.</summary>
public static class RecordedResults
{
    /// <summary>The node's result, or null when the result has no such node.</summary>
    public static NodeResult? Find(this AssessmentResult result, string nodeId) => result.Nodes.FirstOrDefault(n => n.NodeId == nodeId);
}

/// <summary>A completed Co-Ready assessment with the result recorded when it was completed.</summary>
public sealed record RecordedReadiness(int AssessmentId, string Title, DateTime CompletedAt, AssessmentResult Result);
