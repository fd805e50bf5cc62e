using Cocreo.Transparency;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cocreo.Web.Features.Transparency;

/// <summary>The public log as JSON: <c>/api/v1/processes/{id}/log</c> and its export.</summary>
public static class TransparencyApi
{
    public static RouteGroupBuilder MapTransparencyApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/processes/{id:int}/log").WithTags("Public log");
        api.MapGet("/", Get).WithName("GetProcessLog").WithSummary("The process's log entries and whether the chain verifies.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/export", Export).WithName("ExportProcessLog").WithSummary("The log as a JSON export that `cocreo log verify` checks offline.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/checkpoints", Checkpoints).WithName("GetProcessLogCheckpoints")
            .WithSummary("The log's signed checkpoints, newest first: keep them to prove later that the log was not rolled back or rewritten (`cocreo log verify FILE --checkpoint`).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/v1/transparency/signing-key", (CheckpointKey key) => TypedResults.Ok(new SigningKeyDocument(key.KeyId, key.PublicPem)))
            .WithTags("Public log").WithName("GetLogSigningKey").WithSummary("The public key that checkpoint signatures are verified with (PEM), and its id.");
        return api;
    }

    private static async Task<Ok<List<CheckpointDocument>>> Checkpoints(int id, HttpContext http, ProcessAccessReader processes, LogCheckpoints checkpoints, CancellationToken cancellationToken)
    {
        await processes.ReadAsync(id, http.User, ProcessAction.View, cancellationToken);
        return TypedResults.Ok((await checkpoints.AllAsync(id, cancellationToken)).Select(CheckpointDocument.Of).ToList());
    }

    private static async Task<Ok<LogDocument>> Get(int id, HttpContext http, ProcessAccessReader processes, ProcessLog log, CancellationToken cancellationToken)
    {
        await processes.ReadAsync(id, http.User, ProcessAction.View, cancellationToken);
        var entries = await log.EntriesAsync(id, cancellationToken);
        var (length, head) = await log.HeadAsync(id, cancellationToken);
        var verification = LogChain.Verify(entries.Select(e => e.ToRecord()).ToList(), length, head);
        return TypedResults.Ok(new LogDocument(
            id,
            length,
            head,
            new VerificationDocument(verification.IsIntact, verification.FirstBadSequence, verification.Problem?.ToString(), verification.Describe()),
            entries.Select(e => new LogEntryDocument(e.Sequence, e.OccurredAt, e.ActorName, e.ActorRole, e.Action, System.Text.Json.Nodes.JsonNode.Parse(e.Data), e.PreviousHash, e.Hash)).ToList()));
    }

    private static async Task<IResult> Export(int id, HttpContext http, ProcessAccessReader processes, ProcessLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var process = (await processes.ReadAsync(id, http.User, ProcessAction.View, cancellationToken)).Process;
        var entries = await log.EntriesAsync(id, cancellationToken);
        var (length, head) = await log.HeadAsync(id, cancellationToken);
        var json = LogExport.Write(id, process.Title, length, head, clock.GetUtcNow().UtcDateTime, entries.Select(e => e.ToRecord()));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"process-{id}-log.json");
    }
}

public sealed record SigningKeyDocument(string KeyId, string PublicKeyPem);

/// <summary>A checkpoint as the feed gives it: the fields of a checkpoint file (<c>cocreo.log-checkpoint.v1</c>).</summary>
public sealed record CheckpointDocument(string Format, int ProcessId, long Length, string Head, string At, string KeyId, string Signature)
{
    public static CheckpointDocument Of(LogCheckpoint c) => new(LogCheckpoint.Format, c.ProcessId, c.Length, c.Head, LogChain.FormatInstant(c.At), c.KeyId, c.Signature);
}

public sealed record LogDocument(int ProcessId, long Length, string Head, VerificationDocument Verification, IReadOnlyList<LogEntryDocument> Entries);

public sealed record VerificationDocument(bool IsIntact, long? FirstBadSequence, string? Problem, string Message);

public sealed record LogEntryDocument(long Sequence, DateTime OccurredAt, string? ActorName, string ActorRole, string Action, System.Text.Json.Nodes.JsonNode? Data, string PreviousHash, string Hash);
