using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>
/// Long random sequences of edits and live operations, sensible and not: every change is either applied (a valid
/// sheet, one version later, the JSON round trip intact) or refused with a reason and the sheet unchanged; never an
/// exception.
/// </summary>
public class RandomEditTests
{
    private static RunSheetCommand RandomCommand(Random random, RunSheet sheet, DateTimeOffset clock)
    {
        int AnyBlock() => sheet.Blocks.Count > 0 && random.Next(10) > 0 ? sheet.Blocks[random.Next(sheet.Blocks.Count)].Id : random.Next(-2, 300);
        int AnyIndex() => random.Next(-1, sheet.Blocks.Count + 2);
        int Minutes() => random.Next(10) switch { 0 => random.Next(-10, 1), 1 => random.Next(1400, 3000), _ => random.Next(1, 90) };
        var kinds = Enum.GetValues<BlockKind>();
        BlockDraft Draft() => new()
        {
            Title = random.Next(15) == 0 ? "" : random.Next(30) == 0 ? new string('t', 250) : $"Block {random.Next(1000)}",
            Minutes = Minutes(),
            Kind = kinds[random.Next(kinds.Length)],
            RoundQuestion = random.Next(3) == 0 ? "Why?" : null,
        };
        int AnySession() => sheet.Grid is { Sessions.Count: > 0 } g && random.Next(5) > 0 ? g.Sessions[random.Next(g.Sessions.Count)].Id : random.Next(0, 20);
        int AnySpace() => sheet.Grid is { Spaces.Count: > 0 } g && random.Next(5) > 0 ? g.Spaces[random.Next(g.Spaces.Count)].Id : random.Next(0, 20);
        var at = clock.AddMinutes(random.Next(-5, 40));
        return random.Next(17) switch
        {
            0 or 1 => new AddBlock(Draft(), random.Next(2) == 0 ? null : AnyIndex()),
            2 => new RemoveBlock(AnyBlock()),
            3 => new ReorderBlocks(random.Next(4) == 0 ? [AnyBlock(), AnyBlock()] : sheet.Blocks.Select(b => b.Id).OrderBy(_ => random.Next()).ToList()),
            4 => new MoveBlock(AnyBlock(), AnyIndex()),
            5 => new ChangeBlock(AnyBlock(), Draft()),
            6 => new ChangeStart(Nine.AddMinutes(random.Next(-120, 120))),
            7 => new ExtendBlock(AnyBlock(), random.Next(-30, 30)),
            8 => new SkipBlock(AnyBlock()),
            9 => new RestoreBlock(AnyBlock()),
            10 or 11 => new StartBlock(AnyBlock(), at),
            12 => new FinishBlock(AnyBlock(), at),
            13 => new AddSpace(random.Next(10) == 0 ? "" : $"Room {random.Next(6)}"),
            14 => new RemoveSpace(AnySpace()),
            15 => new PostSession(AnyBlock(), AnySpace(), $"Topic {random.Next(100)}", random.Next(2) == 0 ? null : "user-1"),
            _ => random.Next(3) switch
            {
                0 => new MoveSession(AnySession(), AnyBlock(), AnySpace()),
                1 => new RemoveSession(AnySession()),
                _ => new ReportSession(AnySession(), "Notes"),
            },
        };
    }

    [Fact]
    public void Random_changes_are_applied_validly_or_refused_with_a_reason()
    {
        var (applied, refused, started, posted) = (0, 0, 0, 0);
        for (var seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed);
            var sheet = seed % 2 == 0
                ? RunSheetTemplates.Create(RunSheetTemplates.Formats[seed % RunSheetTemplates.Formats.Count], new FormatParameters { Start = Nine })
                : Of(10, 20, 30);
            var clock = Nine;
            for (var step = 0; step < 150; step++)
            {
                var command = RandomCommand(random, sheet, clock);
                var stale = random.Next(20) == 0;
                var result = RunSheetEditor.Apply(sheet, stale ? sheet.Version - 1 : sheet.Version, command);
                if (stale)
                {
                    Assert.Equal(RunSheetOutcome.Conflict, result.Outcome);
                    Assert.Same(sheet, result.Sheet);
                    continue;
                }
                if (result.Applied)
                {
                    Assert.Equal(sheet.Version + 1, result.Sheet.Version);
                    Valid(result.Sheet);
                    var json = RunSheetJson.Write(result.Sheet);
                    var read = RunSheetJson.Read(json, out var problems);
                    Assert.Empty(problems);
                    Assert.Equal(json, RunSheetJson.Write(read!));
                    // The projection never throws and ends no earlier than the last block that has started.
                    var now = RunSheetClock.Now(result.Sheet, clock);
                    Assert.True(now.ProjectedEnd >= result.Sheet.Blocks.Where(b => b.ActualStart is not null).Select(b => b.ActualStart!.Value).DefaultIfEmpty(result.Sheet.Start).Max());
                    sheet = result.Sheet;
                    applied++;
                    started += command is StartBlock ? 1 : 0;
                    posted += command is PostSession ? 1 : 0;
                    if (command is StartBlock s)
                    {
                        clock = s.At > clock ? s.At : clock;
                    }
                }
                else
                {
                    Assert.Equal(RunSheetOutcome.Refused, result.Outcome);
                    Assert.Same(sheet, result.Sheet);
                    Assert.NotEmpty(result.Problems);
                    Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
                    refused++;
                }
            }
        }
        Assert.True(applied > 1000, $"{applied} applied");
        Assert.True(refused > 1000, $"{refused} refused");
        Assert.True(started > 50, $"{started} blocks started");
        Assert.True(posted > 20, $"{posted} sessions posted");
    }
}
