using System.Globalization;
using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Features.Meetings.RunSheets;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Tests.Meetings.RunSheets;

/// <summary>
/// The engine's refusals said in Slovenian with the same numbers and names as in English, in the right plural form
/// (one, two, few, other), for problems the engine describes precisely; English keeps the engine's own sentence, and
/// a problem without detail keeps the general text of its kind.
/// </summary>
public sealed class RunSheetRefusalTextTests
{
    private static readonly IStringLocalizer<RunSheetText> Text = new StringLocalizer<RunSheetText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly DateTimeOffset Nine = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));

    private static RunSheet Sheet(params int[] minutes)
    {
        var sheet = new RunSheet { Start = Nine };
        foreach (var (length, i) in minutes.Select((m, i) => (m, i)))
        {
            sheet = RunSheetEditor.Apply(sheet, sheet.Version, new AddBlock(new BlockDraft { Title = "Block " + (char)('A' + i), Minutes = length })).Sheet;
        }
        return sheet;
    }

    private static RunSheetProblem Refusal(RunSheet sheet, RunSheetCommand command)
    {
        var result = RunSheetEditor.Apply(sheet, sheet.Version, command);
        Assert.Equal(RunSheetOutcome.Refused, result.Outcome);
        return Assert.Single(result.Problems);
    }

    private static string In(string language, RunSheetProblem problem) => In(language, () => RunSheetRefusals.Describe(problem, Text));

    private static string In(string language, Func<string> say)
    {
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
            return say();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Theory]
    [InlineData(2, -3, "Blok „Block A“ traja 2 minuti; skrajšate ga lahko največ za 1 minuto (sicer ga preskočite), ne za 3 minute.")]
    [InlineData(6, -7, "Blok „Block A“ traja 6 minut; skrajšate ga lahko največ za 5 minut (sicer ga preskočite), ne za 7 minut.")]
    [InlineData(3, -102, "Blok „Block A“ traja 3 minute; skrajšate ga lahko največ za 2 minuti (sicer ga preskočite), ne za 102 minuti.")]
    public void Shortening_a_block_too_much_is_said_in_Slovenian_with_its_minutes_in_the_right_form(int minutes, int by, string expected)
    {
        var sheet = Sheet(minutes, 30);
        var problem = Refusal(sheet, new ExtendBlock(sheet.Blocks[0].Id, by));

        Assert.Equal(expected, In("sl", problem));
        Assert.Equal(problem.Message, In("en", problem));
        Assert.Contains($"not by {-by}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_space_with_sessions_and_a_taken_cell_are_said_in_Slovenian_with_their_counts_and_names()
    {
        var sheet = RunSheetTemplates.Create(MeetingFormat.OpenSpace, new FormatParameters { Start = Nine, Slots = 2, SlotMinutes = 60, Spaces = 3 });
        var slots = sheet.Blocks.Where(b => b.Kind == BlockKind.Session).Select(b => b.Id).ToArray();
        var spaces = sheet.Grid!.Spaces;
        foreach (var (slot, title) in new[] { (slots[0], "Trees"), (slots[1], "Benches") })
        {
            sheet = RunSheetEditor.Apply(sheet, sheet.Version, new PostSession(slot, spaces[0].Id, title, "user-1")).Sheet;
        }

        var full = In("sl", Refusal(sheet, new RemoveSpace(spaces[0].Id)));
        Assert.Equal($"Prostor „{spaces[0].Name}“ ima 2 pogovora; preden prostor odstranite, ju premaknite ali odstranite.", full);

        var taken = In("sl", Refusal(sheet, new PostSession(slots[0], spaces[0].Id, "Lights", "user-2")));
        Assert.StartsWith($"„{spaces[0].Name}“ ob {sheet.Blocks.Single(b => b.Id == slots[0]).Start.ToString("HH:mm", CultureInfo.InvariantCulture)} že ima pogovor „Trees“; izberite enega od prostih prostorov ob tem času (", taken, StringComparison.Ordinal);
        Assert.Contains(spaces[1].Name, taken, StringComparison.Ordinal);
        Assert.Contains(spaces[2].Name, taken, StringComparison.Ordinal);

        var duplicate = In("sl", Refusal(sheet, new RenameSpace(spaces[1].Id, spaces[2].Name)));
        Assert.Equal($"Mreža že ima prostor z imenom „{spaces[2].Name}“; prostoru dajte drugo ime.", duplicate);
    }

    [Fact]
    public void A_problem_without_detail_keeps_the_general_text_of_its_kind_in_Slovenian()
    {
        var sheet = Sheet(10, 10);
        var problem = Refusal(sheet, new RestoreBlock(sheet.Blocks[0].Id));

        Assert.Null(problem.Detail);
        Assert.Equal(In("sl", () => RunSheetRefusals.OfKind(problem.Kind, Text)), In("sl", problem));
        Assert.NotEqual(problem.Message, In("sl", problem));
    }
}
