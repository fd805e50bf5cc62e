using Cocreo.Transparency;

namespace Cocreo.Transparency.Tests;

public class LogCheckpointTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    private static List<LogRecord> Chain(int count, string text = "as it was", int from = 1, List<LogRecord>? before = null)
    {
        var records = before?.Take(from - 1).ToList() ?? [];
        var previous = records.Count == 0 ? LogChain.GenesisHash : records[^1].Hash;
        for (var i = from; i <= count; i++)
        {
            var at = LogChain.Truncate(Start.AddMinutes(i));
            var data = LogChain.CanonicalData(new { step = i, text });
            var hash = LogChain.ComputeHash(7, i, at, "Ana", "owner", "phase.advanced", data, previous);
            records.Add(new LogRecord(7, i, at, "Ana", "owner", "phase.advanced", data, previous, hash));
            previous = hash;
        }
        return records;
    }

    [Fact]
    public void A_checkpoint_is_signed_and_verified_with_the_published_key_only()
    {
        using var key = CheckpointKeys.Create();
        using var other = CheckpointKeys.Create();
        var log = Chain(5);
        var checkpoint = LogCheckpoint.Sign(7, 5, log[^1].Hash, Start.AddDays(1), key);

        using var published = CheckpointKeys.FromPem(CheckpointKeys.PublicPem(key));
        Assert.True(checkpoint.IsSignedBy(published));
        Assert.False(checkpoint.IsSignedBy(other));
        Assert.False((checkpoint with { Length = 4 }).IsSignedBy(published));
        Assert.False((checkpoint with { Head = log[^2].Hash }).IsSignedBy(published));
        Assert.False((checkpoint with { Signature = "not base64!" }).IsSignedBy(published));
    }

    [Fact]
    public void A_checkpoint_survives_its_file()
    {
        using var key = CheckpointKeys.Create();
        var checkpoint = LogCheckpoint.Sign(7, 3, Chain(3)[^1].Hash, Start, key);
        var read = LogCheckpoint.Read(checkpoint.ToJson());
        Assert.Equal(checkpoint, read);
        Assert.True(read.IsSignedBy(key));
        Assert.Throws<LogExportException>(() => LogCheckpoint.Read("{\"format\":\"other\"}"));
    }

    [Fact]
    public void A_log_that_grew_still_contains_the_checkpoint()
    {
        using var key = CheckpointKeys.Create();
        var checkpoint = LogCheckpoint.Sign(7, 3, Chain(3)[^1].Hash, Start, key);
        var check = checkpoint.CheckAgainst(7, Chain(6));
        Assert.True(check.Holds, check.Message);
    }

    [Fact]
    public void A_rolled_back_log_fails_the_checkpoint_though_its_chain_verifies()
    {
        using var key = CheckpointKeys.Create();
        var full = Chain(6);
        var checkpoint = LogCheckpoint.Sign(7, 6, full[^1].Hash, Start, key);
        var rolledBack = full.Take(4).ToList();

        Assert.True(LogChain.Verify(rolledBack, 4, rolledBack[^1].Hash).IsIntact);
        var check = checkpoint.CheckAgainst(7, rolledBack);
        Assert.False(check.Holds);
        Assert.StartsWith("Rolled back", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_edited_and_rechained_fails_the_checkpoint_though_its_chain_verifies()
    {
        using var key = CheckpointKeys.Create();
        var original = Chain(6);
        var checkpoint = LogCheckpoint.Sign(7, 5, original[4].Hash, Start, key);
        // Entry 3 edited, and every hash from it on recomputed: the chain is whole again.
        var rewritten = Chain(6, "rewritten", from: 3, before: original);

        Assert.True(LogChain.Verify(rewritten, 6, rewritten[^1].Hash).IsIntact);
        var check = checkpoint.CheckAgainst(7, rewritten);
        Assert.False(check.Holds);
        Assert.StartsWith("Rewritten", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_of_another_process_or_of_an_empty_log_is_judged_as_such()
    {
        using var key = CheckpointKeys.Create();
        Assert.False(LogCheckpoint.Sign(8, 1, "x", Start, key).CheckAgainst(7, Chain(2)).Holds);
        Assert.True(LogCheckpoint.Sign(7, 0, LogChain.GenesisHash, Start, key).CheckAgainst(7, Chain(2)).Holds);
    }
}
