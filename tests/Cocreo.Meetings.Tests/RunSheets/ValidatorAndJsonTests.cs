using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>A sheet read from storage or sent by a client is checked as a whole; JSON round trips keep everything.</summary>
public class ValidatorAndJsonTests
{
    private static RunSheetProblem Only(RunSheet sheet, RunSheetProblemKind kind, params string[] mentions)
    {
        var problem = Assert.Single(RunSheetValidator.Validate(sheet));
        Assert.Equal(kind, problem.Kind);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, problem.Message, StringComparison.Ordinal);
        }
        return problem;
    }

    private static RunSheet WithBlock(RunSheet sheet, int index, Func<RunSheetBlock, RunSheetBlock> change) =>
        sheet with { Blocks = sheet.Blocks.Select((b, i) => i == index ? change(b) : b).ToList() };

    [Fact]
    public void A_gap_between_blocks_is_refused_with_the_fix()
    {
        var sheet = Of(30, 20);
        var gap = WithBlock(sheet, 1, b => b with { Start = b.Start.AddMinutes(5) });
        var problem = Only(gap, RunSheetProblemKind.Gap, "5 minutes between \"A\" (ends 09:30) and \"B\" (starts 09:35)", "add a break there");
        Assert.Equal(Id(sheet, "B"), problem.BlockId);
        Only(WithBlock(sheet, 0, b => b with { Start = b.Start.AddMinutes(1) }), RunSheetProblemKind.Gap, "starts 1 minute after the meeting starts (09:00)");
    }

    [Fact]
    public void An_overlap_is_refused_with_the_fix()
    {
        var sheet = Of(30, 20);
        Only(WithBlock(sheet, 1, b => b with { Start = b.Start.AddMinutes(-10) }), RunSheetProblemKind.Overlap,
            "starts at 09:20, 10 minutes before \"A\" ends (09:30)", "start it at 09:30");
        Only(WithBlock(sheet, 0, b => b with { Start = b.Start.AddMinutes(-3) }), RunSheetProblemKind.Overlap, "3 minutes before the meeting starts");
    }

    [Fact]
    public void Impossible_live_states_are_refused()
    {
        var sheet = Of(30, 20);
        Only(WithBlock(sheet, 0, b => b with { ActualEnd = Nine }), RunSheetProblemKind.BadLiveState, "an end but no start");
        Only(WithBlock(sheet, 0, b => b with { ActualStart = Nine.AddMinutes(5), ActualEnd = Nine }), RunSheetProblemKind.BadLiveState, "ends (09:00) before it starts (09:05)");
        Only(WithBlock(sheet, 1, b => b with { ActualStart = Nine }), RunSheetProblemKind.BadLiveState, "started although a block before it has not");
        var two = WithBlock(WithBlock(sheet, 0, b => b with { ActualStart = Nine }), 1, b => b with { ActualStart = Nine });
        Only(two, RunSheetProblemKind.BadLiveState, "2 blocks are running at once");
        Only(WithBlock(sheet, 0, b => b with { ActualStart = Nine, Skipped = true }), RunSheetProblemKind.BadLiveState, "skipped but it started");
    }

    [Fact]
    public void Ids_must_be_unique_and_below_the_next_id()
    {
        var sheet = Of(30, 20);
        Only(WithBlock(sheet, 1, b => b with { Id = sheet.Blocks[0].Id }), RunSheetProblemKind.BadBlockId, "used twice");
        Only(sheet with { NextBlockId = 2 }, RunSheetProblemKind.BadBlockId, "the id 2");
        Only(sheet with { Version = 0 }, RunSheetProblemKind.BadParameter, "versions start at 1");
        Only(sheet with { Language = new string('x', 17) }, RunSheetProblemKind.TextTooLong, "language code");
    }

    [Fact]
    public void Json_round_trip_keeps_every_field()
    {
        var sheet = RunSheetTemplates.Create(MeetingFormat.OpenSpace, new FormatParameters
        {
            Start = Nine, TotalMinutes = 360, Slots = 3, Spaces = 3, Language = "sl",
        });
        var slot = sheet.Blocks.First(b => b.Kind == BlockKind.Session).Id;
        sheet = Ok(sheet, new PostSession(slot, 2, "Kolesarske steze", "user-9"));
        sheet = Ok(sheet, new ReportSession(1, "Poročilo \"v narekovajih\" — in <html> & ščž"));
        sheet = Ok(sheet, new StartBlock(sheet.Blocks[0].Id, Nine.AddSeconds(42)));
        sheet = Ok(sheet, new StartBlock(sheet.Blocks[1].Id, Nine.AddMinutes(31)));
        sheet = Ok(sheet, new ExtendBlock(sheet.Blocks[1].Id, 7));
        sheet = Ok(sheet, new SkipBlock(sheet.Blocks[3].Id));
        sheet = Ok(sheet, new ChangeBlock(sheet.Blocks[2].Id, sheet.Blocks[2].ToDraft() with
        {
            RoundQuestion = "Kaj?", Roles = [new BlockRole(FacilitationRole.Convener, "user-9"), new BlockRole(FacilitationRole.Timekeeper)],
        }));

        var json = RunSheetJson.Write(sheet);
        var read = RunSheetJson.Read(json, out var problems);
        Assert.Empty(problems);
        Assert.NotNull(read);
        Assert.Equal(json, RunSheetJson.Write(read!));
        Assert.Equal(sheet.Version, read!.Version);
        Assert.Equal(sheet.Start, read.Start);
        Assert.Equal(sheet.Start.Offset, read.Start.Offset);
        Assert.Equal(sheet.Blocks.Select(b => (b.Id, b.Start, b.Minutes, b.Title, b.Kind, b.ActualStart, b.ActualEnd, b.ExtraMinutes, b.Skipped, b.RoundQuestion)),
            read.Blocks.Select(b => (b.Id, b.Start, b.Minutes, b.Title, b.Kind, b.ActualStart, b.ActualEnd, b.ExtraMinutes, b.Skipped, b.RoundQuestion)));
        Assert.Equal(sheet.Blocks.SelectMany(b => b.Materials), read.Blocks.SelectMany(b => b.Materials));
        Assert.Equal(sheet.Blocks.SelectMany(b => b.Roles), read.Blocks.SelectMany(b => b.Roles));
        Assert.Equal(sheet.Grid!.Sessions, read.Grid!.Sessions);
        Assert.Equal(sheet.Grid.Spaces, read.Grid.Spaces);
        Assert.Equal(sheet.NextBlockId, read.NextBlockId);
        Assert.Equal(sheet.Grid.NextSessionId, read.Grid.NextSessionId);
        Assert.Equal(MeetingFormat.OpenSpace, read.Format);
        // The "now" view is the same from the stored sheet.
        Assert.Equal(RunSheetClock.Project(sheet, Nine.AddHours(1)).Select(b => (b.Start, b.End)), RunSheetClock.Project(read, Nine.AddHours(1)).Select(b => (b.Start, b.End)));

        // Stable layout: enums as names, the schema number, no derived values.
        Assert.Contains("\"schema\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"format\":\"openSpace\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"marketplace\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"convener\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"plannedEnd\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_json_is_refused_with_a_reason()
    {
        Assert.Null(RunSheetJson.Read("{not json", out var malformed));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, Assert.Single(malformed).Kind);

        Assert.Null(RunSheetJson.Read("[]", out var notObject));
        Assert.Contains("not a JSON object", Assert.Single(notObject).Message, StringComparison.Ordinal);

        var json = RunSheetJson.Write(Of(10, 20));
        Assert.Null(RunSheetJson.Read(json.Replace("\"schema\":1", "\"schema\":2", StringComparison.Ordinal), out var newer));
        Assert.Contains("layout 2, which this version does not know", Assert.Single(newer).Message, StringComparison.Ordinal);

        Assert.Null(RunSheetJson.Read(json.Replace("\"minutes\":20", "\"minutes\":0", StringComparison.Ordinal), out var invalid));
        Assert.Contains(invalid, p => p.Kind == RunSheetProblemKind.BadDuration);

        Assert.Null(RunSheetJson.Read("{\"schema\":1,\"blocks\":[]}", out var noStart));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, Assert.Single(noStart).Kind);

        Assert.Null(RunSheetJson.Read(json.Replace("\"kind\":\"plenary\"", "\"kind\":\"dance\"", StringComparison.Ordinal), out var badEnum));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, Assert.Single(badEnum).Kind);
    }

    [Fact]
    public void Commands_round_trip_through_json()
    {
        RunSheetCommand[] commands =
        [
            new AddBlock(Block("Tea", 15, BlockKind.Break), 2), new RemoveBlock(3), new ReorderBlocks([3, 1, 2]), new MoveBlock(2, 0),
            new ChangeBlock(1, Block("Welcome", 20)), new ChangeStart(Nine), new ExtendBlock(1, 5), new SkipBlock(2), new RestoreBlock(2),
            new StartBlock(1, Nine), new FinishBlock(1, Nine.AddMinutes(9)), new AddSpace("Hall"), new RemoveSpace(1),
            new PostSession(4, 1, "Topic", "u1"), new MoveSession(1, 4, 2), new RemoveSession(1), new ReportSession(1, "Notes"),
        ];
        foreach (var command in commands)
        {
            var json = RunSheetJson.WriteCommand(command);
            Assert.StartsWith("{\"op\":", json, StringComparison.Ordinal);
            var read = RunSheetJson.ReadCommand(json, out var problem);
            Assert.Null(problem);
            Assert.Equal(command.GetType(), read!.GetType());
            Assert.Equal(json, RunSheetJson.WriteCommand(read));
        }
        Assert.Null(RunSheetJson.ReadCommand("{\"op\":\"explode\"}", out var unknown));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, unknown!.Kind);
        // A command without its values is unreadable, not a change of block 0.
        Assert.Null(RunSheetJson.ReadCommand("{\"op\":\"removeBlock\"}", out var missing));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, missing!.Kind);
        Assert.Null(RunSheetJson.ReadCommand("{\"op\":\"addBlock\",\"block\":null}", out var nullBlock));
        Assert.Equal(RunSheetProblemKind.UnreadableJson, nullBlock!.Kind);
        // Optional values may be left out.
        Assert.Null(((AddBlock)RunSheetJson.ReadCommand("{\"op\":\"addBlock\",\"block\":{\"title\":\"Tea\",\"minutes\":10}}", out _)!).Index);
        // A command read from JSON applies like one built in code.
        var sheet = Of(10, 20);
        var extend = RunSheetJson.ReadCommand("{\"op\":\"extendBlock\",\"blockId\":1,\"minutes\":5}", out _)!;
        Assert.Equal(5, RunSheetEditor.Apply(sheet, sheet.Version, extend).Sheet.Blocks[0].ExtraMinutes);
    }
}
