using Cocreo.Meetings.RunSheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>Helpers for the run-sheet tests: a small sheet, applying changes that must succeed, independent checks.</summary>
internal static class Sheets
{
    public static readonly DateTimeOffset Nine = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));

    public static BlockDraft Block(string title, int minutes, BlockKind kind = BlockKind.Plenary) => new() { Title = title, Minutes = minutes, Kind = kind };

    /// <summary>A sheet from 09:00 with blocks of these lengths, titled A, B, C...</summary>
    public static RunSheet Of(params int[] minutes)
    {
        var sheet = new RunSheet { Start = Nine };
        for (var i = 0; i < minutes.Length; i++)
        {
            sheet = Ok(sheet, new AddBlock(Block(((char)('A' + i)).ToString(), minutes[i])));
        }
        return sheet;
    }

    /// <summary>Applies a change that must succeed, checking the version grows by one and the result is valid.</summary>
    public static RunSheet Ok(RunSheet sheet, RunSheetCommand command)
    {
        var result = RunSheetEditor.Apply(sheet, sheet.Version, command);
        Assert.True(result.Applied, $"{command} was not applied: {string.Join(" ", result.Problems.Select(p => p.Message))}");
        Assert.Empty(result.Problems);
        Assert.Equal(sheet.Version + 1, result.Sheet.Version);
        Valid(result.Sheet);
        return result.Sheet;
    }

    /// <summary>Applies a change that must be refused with a problem of this kind mentioning each text; the sheet is unchanged.</summary>
    public static RunSheetProblem Refused(RunSheet sheet, RunSheetCommand command, RunSheetProblemKind kind, params string[] mentions)
    {
        var result = RunSheetEditor.Apply(sheet, sheet.Version, command);
        Assert.Equal(RunSheetOutcome.Refused, result.Outcome);
        Assert.Same(sheet, result.Sheet);
        var problem = Assert.Single(result.Problems, p => p.Kind == kind);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, problem.Message, StringComparison.Ordinal);
        }
        return problem;
    }

    /// <summary>Independent check: the validator finds nothing, and the blocks follow one another from the start with no gap.</summary>
    public static void Valid(RunSheet sheet)
    {
        Assert.Empty(RunSheetValidator.Validate(sheet));
        var cursor = sheet.Start;
        foreach (var block in sheet.Blocks)
        {
            Assert.Equal(cursor, block.Start);
            Assert.True(block.Minutes >= 1);
            cursor = cursor.AddMinutes(block.Minutes);
        }
        Assert.True(cursor - sheet.Start <= TimeSpan.FromDays(1));
        Assert.Equal(sheet.Blocks.Count, sheet.Blocks.Select(b => b.Id).Distinct().Count());
    }

    public static string[] Titles(RunSheet sheet) => sheet.Blocks.Select(b => b.Title).ToArray();

    public static int Id(RunSheet sheet, string title) => sheet.Blocks.Single(b => b.Title == title).Id;
}
