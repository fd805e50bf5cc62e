using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>The Open Space marketplace: sessions posted onto a time × space grid, one per cell, with conveners and reports.</summary>
public class GridTests
{
    private static RunSheet OpenSpace() => RunSheetTemplates.Create(MeetingFormat.OpenSpace,
        new FormatParameters { Start = Nine, Slots = 2, SlotMinutes = 60, Spaces = 2 });

    private static int[] Slots(RunSheet sheet) => sheet.Blocks.Where(b => b.Kind == BlockKind.Session).Select(b => b.Id).ToArray();

    [Fact]
    public void Sessions_are_posted_moved_reported_and_removed()
    {
        var sheet = OpenSpace();
        var slots = Slots(sheet);
        var spaces = sheet.Grid!.Spaces.Select(s => s.Id).ToArray();
        sheet = Ok(sheet, new PostSession(slots[0], spaces[0], "Bike lanes", "user-17"));
        sheet = Ok(sheet, new PostSession(slots[0], spaces[1], "Green roofs"));
        sheet = Ok(sheet, new PostSession(slots[1], spaces[0], "Night buses", "user-3"));
        Assert.Equal(3, sheet.Grid!.Sessions.Count);
        Assert.Equal("user-17", sheet.Grid.Sessions[0].ConvenerId);

        var bikes = sheet.Grid.Sessions.Single(s => s.Title == "Bike lanes").Id;
        sheet = Ok(sheet, new MoveSession(bikes, slots[1], spaces[1]));
        Assert.Equal((slots[1], spaces[1]), sheet.Grid!.Sessions.Where(s => s.Id == bikes).Select(s => (s.SlotBlockId, s.SpaceId)).Single());
        sheet = Ok(sheet, new ReportSession(bikes, "Three proposals: ..."));
        Assert.Equal("Three proposals: ...", sheet.Grid!.Sessions.Single(s => s.Id == bikes).Report);

        sheet = Ok(sheet, new RemoveSession(bikes));
        Assert.DoesNotContain(sheet.Grid!.Sessions, s => s.Id == bikes);
        // Ids are not reused.
        sheet = Ok(sheet, new PostSession(slots[1], spaces[1], "Parking"));
        Assert.True(sheet.Grid!.Sessions.Single(s => s.Title == "Parking").Id > bikes);
    }

    [Fact]
    public void A_taken_cell_is_refused_naming_the_free_spaces()
    {
        var sheet = OpenSpace();
        var slots = Slots(sheet);
        var spaces = sheet.Grid!.Spaces;
        sheet = Ok(sheet, new PostSession(slots[0], spaces[0].Id, "Bike lanes"));
        Refused(sheet, new PostSession(slots[0], spaces[0].Id, "Trams"), RunSheetProblemKind.BadGrid,
            "already has the session \"Bike lanes\"", $"\"{spaces[1].Name}\"");
        sheet = Ok(sheet, new PostSession(slots[0], spaces[1].Id, "Trams"));
        Refused(sheet, new PostSession(slots[0], spaces[0].Id, "Buses"), RunSheetProblemKind.BadGrid, "every space is taken at that time");
        Refused(sheet, new PostSession(sheet.Blocks[0].Id, spaces[0].Id, "Buses"), RunSheetProblemKind.BadGrid, "is not a session slot");
        Refused(sheet, new PostSession(slots[1], 99, "Buses"), RunSheetProblemKind.BadGrid, "no space 99");
        Refused(sheet, new PostSession(slots[1], spaces[0].Id, ""), RunSheetProblemKind.BadGrid, "title is empty");
        Refused(sheet, new MoveSession(42, slots[1], spaces[0].Id), RunSheetProblemKind.BadGrid, "no session 42");
    }

    [Fact]
    public void A_slot_or_space_with_sessions_cannot_disappear()
    {
        var sheet = OpenSpace();
        var slot = Slots(sheet)[0];
        var space = sheet.Grid!.Spaces[0];
        sheet = Ok(sheet, new PostSession(slot, space.Id, "Bike lanes"));
        Refused(sheet, new RemoveBlock(slot), RunSheetProblemKind.BadGrid, "1 session(s) posted");
        Refused(sheet, new ChangeBlock(slot, Block("Lunch", 60, BlockKind.Break)), RunSheetProblemKind.BadGrid, "move those sessions");
        Refused(sheet, new RemoveSpace(space.Id), RunSheetProblemKind.BadGrid, "has 1 session(s)");
        Refused(sheet, new AddSpace(space.Name), RunSheetProblemKind.BadGrid, "already has a space");
        sheet = Ok(sheet, new AddSpace("Garden"));
        Assert.Equal(3, sheet.Grid!.Spaces.Count);
        sheet = Ok(sheet, new RemoveSpace(sheet.Grid.Spaces.Single(s => s.Name == "Garden").Id));
        Assert.Equal(2, sheet.Grid!.Spaces.Count);
    }

    [Fact]
    public void A_sheet_without_a_grid_gets_one_with_its_first_space()
    {
        var sheet = Of(10, 60);
        sheet = Ok(sheet, new ChangeBlock(Id(sheet, "B"), Block("Sessions", 60, BlockKind.Session)));
        Refused(sheet, new PostSession(Id(sheet, "Sessions"), 1, "Topic"), RunSheetProblemKind.BadGrid, "no grid", "add a space");
        sheet = Ok(sheet, new AddSpace("Hall"));
        sheet = Ok(sheet, new PostSession(Id(sheet, "Sessions"), sheet.Grid!.Spaces[0].Id, "Topic"));
        Assert.Single(sheet.Grid!.Sessions);
    }

    [Fact]
    public void A_space_is_renamed_its_sessions_stay_and_a_duplicate_empty_or_unknown_name_is_refused()
    {
        var sheet = OpenSpace();
        var slots = Slots(sheet);
        var spaces = sheet.Grid!.Spaces;
        sheet = Ok(sheet, new PostSession(slots[0], spaces[0].Id, "Bike lanes", "user-17"));

        sheet = Ok(sheet, new RenameSpace(spaces[0].Id, "  Garden room "));
        Assert.Equal("Garden room", sheet.Grid!.Spaces[0].Name);
        Assert.Equal(spaces[1], sheet.Grid.Spaces[1]);
        Assert.Equal(spaces[0].Id, Assert.Single(sheet.Grid.Sessions).SpaceId);
        sheet = Ok(sheet, new RenameSpace(spaces[0].Id, "GARDEN ROOM"));

        var duplicate = Refused(sheet, new RenameSpace(spaces[1].Id, "garden room"), RunSheetProblemKind.BadGrid, "already has a space called \"garden room\"");
        Assert.Equal(RunSheetDetailKind.SpaceNameTaken, duplicate.Detail!.Kind);
        Refused(sheet, new RenameSpace(spaces[1].Id, " "), RunSheetProblemKind.BadGrid, "A space's name is empty");
        Refused(sheet, new RenameSpace(spaces[1].Id, new string('x', RunSheetLimits.TitleLength + 1)), RunSheetProblemKind.BadGrid, "longer than 200");
        Assert.Equal(RunSheetDetailKind.UnknownSpace, Refused(sheet, new RenameSpace(999, "Hall"), RunSheetProblemKind.BadGrid, "no space 999").Detail!.Kind);
    }

    [Fact]
    public void A_refusal_with_numbers_carries_them_as_detail_for_other_languages()
    {
        var sheet = OpenSpace();
        var slots = Slots(sheet);
        var space = sheet.Grid!.Spaces[0];
        sheet = Ok(sheet, new PostSession(slots[0], space.Id, "Bike lanes", "user-17"));
        sheet = Ok(sheet, new PostSession(slots[1], space.Id, "Trees", "user-18"));

        var problem = Refused(sheet, new RemoveSpace(space.Id), RunSheetProblemKind.BadGrid, "has 2 session(s)");

        Assert.Equal(RunSheetDetailKind.SpaceHasSessions, problem.Detail!.Kind);
        Assert.Equal(new object[] { space.Name, 2L }, problem.Detail.Args);
    }
}
