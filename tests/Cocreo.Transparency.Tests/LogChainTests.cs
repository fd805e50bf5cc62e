using Cocreo.Transparency;

namespace Cocreo.Transparency.Tests;

public class LogChainTests
{
    private static List<LogRecord> Chain(int count)
    {
        var records = new List<LogRecord>();
        var previous = LogChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var at = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(i).AddTicks(1234567);
            var data = LogChain.CanonicalData(new { step = i, text = "Čas za šolo" });
            var hash = LogChain.ComputeHash(7, i, at, i % 2 == 0 ? null : "Ana", "owner", "phase.advanced", data, previous);
            records.Add(new LogRecord(7, i, LogChain.Truncate(at), i % 2 == 0 ? null : "Ana", "owner", "phase.advanced", data, previous, hash));
            previous = hash;
        }
        return records;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(5);
        var result = LogChain.Verify(chain, 5, chain[^1].Hash);
        Assert.True(result.IsIntact);
        Assert.Equal(5, result.Length);
    }

    [Fact]
    public void Editing_the_data_of_an_entry_is_reported_at_that_entry()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Data = chain[2].Data.Replace("3", "4", StringComparison.Ordinal) };
        var result = LogChain.Verify(chain, 5, chain[^1].Hash);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Equal(LogProblem.Edited, result.Problem);
    }

    [Fact]
    public void Editing_an_entry_and_recomputing_its_hash_breaks_the_next_link()
    {
        var chain = Chain(5);
        var forged = chain[1] with { Action = "process.closed" };
        chain[1] = forged with { Hash = LogChain.ComputeHash(forged) };
        var result = LogChain.Verify(chain, 5, chain[^1].Hash);
        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public void A_removed_entry_is_named()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);
        var result = LogChain.Verify(chain, 5, Chain(5)[^1].Hash);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Equal(LogProblem.Removed, result.Problem);
    }

    [Fact]
    public void A_removed_last_entry_is_caught_by_the_recorded_length()
    {
        var full = Chain(5);
        var chain = full.Take(4).ToList();
        Assert.True(LogChain.Verify(chain).IsIntact);
        var result = LogChain.Verify(chain, 5, full[^1].Hash);
        Assert.Equal(5, result.FirstBadSequence);
        Assert.Equal(LogProblem.Removed, result.Problem);
    }

    [Fact]
    public void Swapped_entries_are_reported_as_reordered()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);
        var result = LogChain.Verify(chain, 5, chain.Max(c => c.Sequence) == 5 ? Chain(5)[^1].Hash : null);
        Assert.Equal(2, result.FirstBadSequence);
        Assert.Equal(LogProblem.Reordered, result.Problem);
    }

    [Fact]
    public void Canonical_data_sorts_keys_and_keeps_unicode_readable()
    {
        Assert.Equal("{\"a\":1,\"b\":\"ž\"}", LogChain.CanonicalizeJson("{ \"b\": \"ž\", \"a\": 1 }"));
        Assert.Equal(LogChain.CanonicalizeJson("{\"x\":{\"d\":1,\"c\":[2,1]}}"), LogChain.CanonicalizeJson("{\"x\":{\"c\":[2,1],\"d\":1}}"));
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_they_survive_PostgreSQL()
    {
        var at = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal("2026-11-22T12:00:00.123456Z", LogChain.FormatInstant(at));
        Assert.Equal(LogChain.ComputeHash(1, 1, at, null, "system", "x", "{}", LogChain.GenesisHash),
            LogChain.ComputeHash(1, 1, LogChain.Truncate(at), null, "system", "x", "{}", LogChain.GenesisHash));
    }

    [Fact]
    public void An_export_round_trips_and_verifies()
    {
        var chain = Chain(4);
        var json = LogExport.Write(7, "Title", 4, chain[^1].Hash, DateTime.UtcNow, chain);
        var parsed = LogExport.Read(json);
        Assert.True(parsed.Verify().IsIntact);
        var tampered = LogExport.Read(json.Replace("Čas za šolo", "Cas za solo", StringComparison.Ordinal));
        Assert.Equal(1, tampered.Verify().FirstBadSequence);
    }

    [Fact]
    public void A_file_that_is_not_an_export_gets_a_clear_error()
    {
        var error = Assert.Throws<LogExportException>(() => LogExport.Read("{\"format\":\"something else\"}"));
        Assert.Contains("format", error.Message, StringComparison.Ordinal);
        var broken = Assert.Throws<LogExportException>(() => LogExport.Read("{ not json"));
        Assert.Contains("line", broken.Message, StringComparison.Ordinal);
    }
}
