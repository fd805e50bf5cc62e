using System.Globalization;
using System.Text.RegularExpressions;
using Cocreo.Meetings.RunSheets;
using static Cocreo.Meetings.Tests.RunSheets.Sheets;

namespace Cocreo.Meetings.Tests.RunSheets;

/// <summary>Every format gives a valid sheet over its whole range of parameters, and refuses impossible ones saying what to change.</summary>
public class TemplateTests
{
    private static FormatParameters P(int? total = null, int? rounds = null, int? roundMinutes = null, int? slots = null, int? slotMinutes = null,
        int? spaces = null, int? teams = null, int? pitch = null, string language = "en", IReadOnlyList<string>? questions = null) => new()
    {
        Start = Nine, TotalMinutes = total, Rounds = rounds, RoundMinutes = roundMinutes, Slots = slots, SlotMinutes = slotMinutes,
        Spaces = spaces, Teams = teams, PitchMinutes = pitch, Language = language, RoundQuestions = questions ?? [],
    };

    private static int Length(RunSheet sheet) => sheet.Blocks.Sum(b => b.Minutes);

    /// <summary>A template's sheet is valid, and never has two pauses in a row.</summary>
    private static void ValidTemplate(RunSheet sheet)
    {
        Valid(sheet);
        Assert.DoesNotContain(sheet.Blocks.Zip(sheet.Blocks.Skip(1)), pair => pair.First.Kind == BlockKind.Break && pair.Second.Kind == BlockKind.Break);
        Assert.NotEqual(BlockKind.Break, sheet.Blocks[0].Kind);
        Assert.NotEqual(BlockKind.Break, sheet.Blocks[^1].Kind);
    }

    [Fact]
    public void Given_only_the_length_the_rounds_fill_the_time_within_their_range()
    {
        foreach (var format in RunSheetTemplates.Formats.Where(f => f != MeetingFormat.DesignSprint))
        {
            var ranges = RunSheetTemplates.Defaults(format);
            var (count, length) = (ranges[0], ranges[1]);
            for (var n = count.Min; n <= count.Max; n++)
            {
                for (var total = 30; total <= 1440; total += 37)
                {
                    var parameters = format is MeetingFormat.OpenSpace or MeetingFormat.Unconference ? P(total, slots: n) : P(total, rounds: n);
                    var problems = RunSheetTemplates.Check(format, parameters);
                    if (problems.Count > 0)
                    {
                        // Refused only because even the shortest rounds do not fit, and then it says by how much.
                        var problem = Assert.Single(problems);
                        Assert.Equal(RunSheetProblemKind.DoesNotFit, problem.Kind);
                        Assert.Contains($"of {length.Min} minutes", problem.Message, StringComparison.Ordinal);
                        Assert.Contains("overflow by", problem.Message, StringComparison.Ordinal);
                        continue;
                    }
                    var sheet = RunSheetTemplates.Create(format, parameters);
                    ValidTemplate(sheet);
                    Assert.Equal(total, Length(sheet));
                    var repeated = sheet.Blocks.Where(b => b.Kind is BlockKind.Round or BlockKind.Session).Select(b => b.Minutes).ToList();
                    var rounds = format == MeetingFormat.Circle ? repeated.Skip(1).ToList() : repeated; // the circle's check-in is a round too
                    Assert.Equal(n, rounds.Count);
                    Assert.Single(rounds.Distinct());
                    Assert.InRange(rounds[0], length.Min, length.Max);
                    Assert.Equal(0, rounds[0] % 5);
                }
            }
        }
    }

    [Fact]
    public void Every_format_with_its_defaults_gives_a_valid_sheet_in_both_languages()
    {
        foreach (var format in RunSheetTemplates.Formats)
        {
            foreach (var language in new[] { "en", "sl" })
            {
                var sheet = RunSheetTemplates.Create(format, P(language: language));
                Valid(sheet);
                Assert.Equal(format, sheet.Format);
                Assert.Equal(language, sheet.Language);
                Assert.Equal(1, sheet.Version);
                Assert.Equal(Nine, sheet.Start);
                Assert.NotEmpty(sheet.Blocks);
                Assert.All(sheet.Blocks, b => Assert.False(string.IsNullOrWhiteSpace(b.Instructions)));
                Assert.All(sheet.Blocks, b => Assert.False(string.IsNullOrWhiteSpace(b.Purpose)));
                Assert.Equal(sheet.Blocks.Count + 1, sheet.NextBlockId);
                Assert.Empty(RunSheetTemplates.Check(format, P(language: language)));
            }
        }
    }

    [Fact]
    public void World_cafe_over_its_range_has_the_rounds_asked_hosts_who_stay_and_fills_the_meeting()
    {
        var checkedSheets = 0;
        for (var rounds = 2; rounds <= 8; rounds++)
        {
            foreach (var minutes in new[] { 10, 15, 20, 30, 45, 60 })
            {
                foreach (var slack in new int?[] { null, 0, 1, 14, 15, 16, 44, 45, 200 })
                {
                    var needed = 15 + rounds * minutes + 5 * (rounds - 1) + 20;
                    var total = slack is null ? (int?)null : needed + slack.Value;
                    if (total > 1440)
                    {
                        continue;
                    }
                    var sheet = RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(total, rounds, minutes));
                    ValidTemplate(sheet);
                    // A coffee break halfway only when there are at least 10 spare minutes for it.
                    Assert.Equal(slack >= 10, sheet.Blocks.Any(b => b.Kind == BlockKind.Break && b.Minutes > 5));
                    Assert.Equal(total ?? needed, Length(sheet));
                    var roundBlocks = sheet.Blocks.Where(b => b.Kind == BlockKind.Round).ToList();
                    Assert.Equal(rounds, roundBlocks.Count);
                    Assert.All(roundBlocks, b => Assert.Equal(minutes, b.Minutes));
                    Assert.All(roundBlocks, b => Assert.Contains(b.Roles, r => r.Role == FacilitationRole.TableHost));
                    Assert.All(roundBlocks.Skip(1), b => Assert.Contains("stay", b.Instructions, StringComparison.Ordinal));
                    Assert.Equal(BlockKind.Plenary, sheet.Blocks[0].Kind);
                    Assert.Equal(BlockKind.Harvest, sheet.Blocks[^1].Kind);
                    // Between two rounds there is always a change of tables (a break), never a gap.
                    Assert.True(sheet.Blocks.Count(b => b.Kind == BlockKind.Break) >= rounds - 1);
                    checkedSheets++;
                }
            }
        }
        Assert.True(checkedSheets > 300);
    }

    [Fact]
    public void Round_questions_one_per_round_one_for_all_or_none()
    {
        var per = RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(rounds: 3, questions: ["Q1?", "Q2?", "Q3?"]));
        Assert.Equal(["Q1?", "Q2?", "Q3?"], per.Blocks.Where(b => b.Kind == BlockKind.Round).Select(b => b.RoundQuestion));
        var all = RunSheetTemplates.Create(MeetingFormat.Fishbowl, P(rounds: 2, questions: ["Why?"]));
        Assert.Equal(["Why?", "Why?"], all.Blocks.Where(b => b.Kind == BlockKind.Round).Select(b => b.RoundQuestion));
        var none = RunSheetTemplates.Create(MeetingFormat.Circle, P(rounds: 2));
        Assert.All(none.Blocks.Where(b => b.Kind == BlockKind.Round), b => Assert.Null(b.RoundQuestion));

        var error = Assert.Throws<RunSheetInputException>(() => RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(rounds: 4, questions: ["a", "b"])));
        Assert.Contains("You gave 2 questions for 4 rounds", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_space_and_unconference_have_a_grid_of_slots_by_spaces()
    {
        foreach (var format in new[] { MeetingFormat.OpenSpace, MeetingFormat.Unconference })
        {
            var range = RunSheetTemplates.Defaults(format);
            for (var slots = range[0].Min; slots <= range[0].Max; slots++)
            {
                foreach (var minutes in new[] { range[1].Min, 45, range[1].Max })
                {
                    foreach (var spaces in new[] { range[2].Min, 5, range[2].Max })
                    {
                        foreach (var total in new int?[] { null, 1440 })
                        {
                            var parameters = P(total, slots: slots, slotMinutes: minutes, spaces: spaces);
                            if (RunSheetTemplates.Check(format, parameters).Count > 0)
                            {
                                // Only a too long programme may be refused, and it must say so.
                                Assert.All(RunSheetTemplates.Check(format, parameters), p => Assert.Equal(RunSheetProblemKind.DoesNotFit, p.Kind));
                                Assert.True(slots * minutes > 1000);
                                continue;
                            }
                            var sheet = RunSheetTemplates.Create(format, parameters);
                            ValidTemplate(sheet);
                            if (total is not null)
                            {
                                Assert.Equal(total, Length(sheet));
                            }
                            Assert.Equal(slots, sheet.Blocks.Count(b => b.Kind == BlockKind.Session));
                            Assert.Single(sheet.Blocks, b => b.Kind == BlockKind.Marketplace);
                            Assert.True(sheet.Blocks.ToList().FindIndex(b => b.Kind == BlockKind.Marketplace) < sheet.Blocks.ToList().FindIndex(b => b.Kind == BlockKind.Session));
                            Assert.NotNull(sheet.Grid);
                            Assert.Equal(spaces, sheet.Grid!.Spaces.Count);
                            Assert.Empty(sheet.Grid.Sessions);
                            Assert.All(sheet.Blocks.Where(b => b.Kind == BlockKind.Session), b => Assert.Contains(b.Roles, r => r.Role == FacilitationRole.Convener));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Circle_and_fishbowl_over_their_ranges()
    {
        foreach (var format in new[] { MeetingFormat.Circle, MeetingFormat.Fishbowl })
        {
            var range = RunSheetTemplates.Defaults(format);
            for (var rounds = range[0].Min; rounds <= range[0].Max; rounds++)
            {
                for (var minutes = range[1].Min; minutes <= range[1].Max; minutes += 7)
                {
                    var shortest = RunSheetTemplates.Create(format, P(rounds: rounds, roundMinutes: minutes));
                    Valid(shortest);
                    foreach (var extra in new[] { 0, 1, 9, 30, 300 })
                    {
                        var sheet = RunSheetTemplates.Create(format, P(Length(shortest) + extra, rounds, minutes));
                        ValidTemplate(sheet);
                        Assert.Equal(Length(shortest) + extra, Length(sheet));
                        var roundBlocks = sheet.Blocks.Where(b => b.Kind == BlockKind.Round && b.Minutes == minutes).ToList();
                        Assert.True(roundBlocks.Count >= rounds);
                        if (format == MeetingFormat.Circle)
                        {
                            Assert.All(sheet.Blocks.Where(b => b.Kind == BlockKind.Round), b => Assert.Contains("A talking piece", b.Materials));
                            Assert.All(sheet.Blocks.Where(b => b.Kind == BlockKind.Round), b => Assert.Contains(b.Roles, r => r.Role == FacilitationRole.CircleKeeper));
                        }
                    }
                    var tooShort = Assert.Throws<RunSheetInputException>(() => RunSheetTemplates.Create(format, P(Length(shortest) - 1, rounds, minutes)));
                    Assert.Contains("overflow by 1 minute.", Assert.Single(tooShort.Problems).Message, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Design_sprint_day_shares_the_work_time_and_times_the_demos()
    {
        for (var teams = 1; teams <= 30; teams += 3)
        {
            foreach (var pitch in new[] { 2, 5, 10, 20 })
            {
                foreach (var total in new[] { 300, 420, 480, 600, 1440 })
                {
                    var parameters = P(total, teams: teams, pitch: pitch);
                    var demos = teams * (pitch + 1);
                    var work = total - (30 + 30 + 45 + demos + 20);
                    if (work < 120)
                    {
                        var error = Assert.Throws<RunSheetInputException>(() => RunSheetTemplates.Create(MeetingFormat.DesignSprint, parameters));
                        var problem = Assert.Single(error.Problems);
                        Assert.Equal(RunSheetProblemKind.DoesNotFit, problem.Kind);
                        Assert.Contains(120 - work == 1 ? "overflow by 1 minute." : $"overflow by {120 - work} minutes.", problem.Message, StringComparison.Ordinal);
                        continue;
                    }
                    var sheet = RunSheetTemplates.Create(MeetingFormat.DesignSprint, parameters);
                    ValidTemplate(sheet);
                    Assert.Equal(total, Length(sheet));
                    Assert.Equal(work, sheet.Blocks.Where(b => b.Kind == BlockKind.Session).Sum(b => b.Minutes));
                    Assert.Equal(demos, sheet.Blocks.Single(b => b.Kind == BlockKind.Harvest).Minutes);
                }
            }
        }
    }

    [Fact]
    public void A_world_cafe_with_one_round_is_refused_saying_what_to_change()
    {
        var error = Assert.Throws<RunSheetInputException>(() => RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(rounds: 1)));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(RunSheetProblemKind.BadParameter, problem.Kind);
        Assert.Equal("A World Café needs at least 2 rounds; you asked for 1.", problem.Message);
    }

    [Fact]
    public void Parameters_out_of_range_name_the_limit()
    {
        Assert.Contains("can have at most 8 rounds; you asked for 9",
            Assert.Single(RunSheetTemplates.Check(MeetingFormat.WorldCafe, P(rounds: 9))).Message, StringComparison.Ordinal);
        Assert.Contains("An Open Space needs at least 2 spaces; you asked for 1",
            Assert.Single(RunSheetTemplates.Check(MeetingFormat.OpenSpace, P(spaces: 1))).Message, StringComparison.Ordinal);
        Assert.Contains("needs at least 5 minutes per round; you asked for 0",
            Assert.Single(RunSheetTemplates.Check(MeetingFormat.Circle, P(roundMinutes: 0))).Message, StringComparison.Ordinal);
        Assert.Contains("between 1 minute and a day",
            Assert.Single(RunSheetTemplates.Check(MeetingFormat.Fishbowl, P(total: 2000))).Message, StringComparison.Ordinal);
        Assert.Equal("A Design sprint / hackathon day needs at least 240 minutes; you asked for 200.",
            Assert.Single(RunSheetTemplates.Check(MeetingFormat.DesignSprint, P(total: 200))).Message);
        // Two problems at once are both reported.
        Assert.Equal(2, RunSheetTemplates.Check(MeetingFormat.WorldCafe, P(rounds: 1, roundMinutes: 500)).Count);
    }

    [Fact]
    public void Rounds_that_do_not_fit_say_by_how_many_minutes_they_overflow_and_what_to_change()
    {
        // 4 rounds of 30 minutes: welcome 15 + 4 × 30 + 3 changes of 5 + harvest 20 = 170 minutes.
        var error = Assert.Throws<RunSheetInputException>(() => RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(120, 4, 30)));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(RunSheetProblemKind.DoesNotFit, problem.Kind);
        Assert.Contains("The 4 rounds of 30 minutes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("need 170 minutes, but the meeting lasts 120 minutes: they overflow by 50 minutes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Lengthen the meeting by 50 minutes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("shorten the rounds by 13 minutes each", problem.Message, StringComparison.Ordinal);
        Assert.Contains("hold 2 rounds fewer", problem.Message, StringComparison.Ordinal);

        // Following each piece of advice gives a sheet.
        Valid(RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(170, 4, 30)));
        Valid(RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(120, 4, 30 - 13)));
        Valid(RunSheetTemplates.Create(MeetingFormat.WorldCafe, P(120, 2, 30)));
    }

    [Fact]
    public void Every_piece_of_advice_in_a_refusal_works()
    {
        var followed = 0;
        foreach (var format in RunSheetTemplates.Formats.Where(f => f != MeetingFormat.DesignSprint))
        {
            var ranges = RunSheetTemplates.Defaults(format);
            var grid = format is MeetingFormat.OpenSpace or MeetingFormat.Unconference;
            FormatParameters Make(int total, int count, int minutes) =>
                grid ? P(total, slots: count, slotMinutes: minutes) : P(total, rounds: count, roundMinutes: minutes);
            for (var count = ranges[0].Min; count <= ranges[0].Max; count++)
            {
                for (var minutes = ranges[1].Min; minutes <= ranges[1].Max; minutes += 11)
                {
                    for (var total = 40; total <= 900; total += 53)
                    {
                        var problems = RunSheetTemplates.Check(format, Make(total, count, minutes));
                        if (problems.Count == 0)
                        {
                            continue;
                        }
                        var message = Assert.Single(problems, p => p.Kind == RunSheetProblemKind.DoesNotFit).Message;
                        var lengthen = Regex.Match(message, @"Lengthen the meeting by (\d+) minute");
                        if (lengthen.Success)
                        {
                            var longer = total + int.Parse(lengthen.Groups[1].Value, CultureInfo.InvariantCulture);
                            Assert.Empty(RunSheetTemplates.Check(format, Make(longer, count, minutes)));
                            // One minute less than advised is not enough: the advice is the least change.
                            Assert.NotEmpty(RunSheetTemplates.Check(format, Make(longer - 1, count, minutes)));
                        }
                        else
                        {
                            Assert.Contains("more than a day", message, StringComparison.Ordinal);
                        }
                        var shorten = Regex.Match(message, @"shorten the [a-z ]+ by (\d+) minutes? each");
                        if (shorten.Success)
                        {
                            Assert.Empty(RunSheetTemplates.Check(format, Make(total, count, minutes - int.Parse(shorten.Groups[1].Value, CultureInfo.InvariantCulture))));
                        }
                        var fewer = Regex.Match(message, @"hold (one|\d+) [a-z ]+ fewer");
                        if (fewer.Success)
                        {
                            var n = fewer.Groups[1].Value == "one" ? 1 : int.Parse(fewer.Groups[1].Value, CultureInfo.InvariantCulture);
                            Assert.Empty(RunSheetTemplates.Check(format, Make(total, count - n, minutes)));
                        }
                        followed++;
                    }
                }
            }
        }
        Assert.True(followed > 200, $"only {followed} refusals checked");
    }

    [Fact]
    public void A_sheet_in_slovenian_has_slovenian_texts()
    {
        foreach (var format in RunSheetTemplates.Formats)
        {
            var en = RunSheetTemplates.Create(format, P());
            var sl = RunSheetTemplates.Create(format, P(language: "sl-SI"));
            Assert.Equal("sl", sl.Language);
            Assert.Equal(en.Blocks.Select(b => (b.Minutes, b.Kind)), sl.Blocks.Select(b => (b.Minutes, b.Kind)));
            Assert.All(en.Blocks.Zip(sl.Blocks), pair =>
            {
                Assert.NotEqual(pair.First.Title, pair.Second.Title);
                Assert.NotEqual(pair.First.Instructions, pair.Second.Instructions);
            });
        }
        var fallback = RunSheetTemplates.Create(MeetingFormat.Circle, P(language: "de"));
        Assert.Equal("en", fallback.Language);
    }

    [Fact]
    public void Every_format_is_explained_in_english_and_slovenian()
    {
        foreach (var format in RunSheetTemplates.Formats)
        {
            var en = RunSheetTemplates.Explain(format, "en");
            var sl = RunSheetTemplates.Explain(format, "sl");
            foreach (var (english, slovenian) in new[] { (en.Name, sl.Name), (en.Purpose, sl.Purpose), (en.HowItRuns, sl.HowItRuns), (en.FacilitatorRole, sl.FacilitatorRole) })
            {
                Assert.False(string.IsNullOrWhiteSpace(english));
                Assert.False(string.IsNullOrWhiteSpace(slovenian));
                Assert.NotEqual(english, slovenian);
            }
            Assert.True(en.HowItRuns.Length > 200, $"{format} explains how it runs");
        }
    }

    [Fact]
    public void Every_text_has_a_slovenian_translation_with_the_same_placeholders()
    {
        var texts = RunSheetTemplates.AllTexts().ToList();
        Assert.True(texts.Count > 100);
        foreach (var (key, english, slovenian) in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(slovenian), $"{key} has no Slovenian text");
            Assert.NotEqual(english, slovenian);
            static string[] Holes(string s) => Regex.Matches(s, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Holes(english), Holes(slovenian!));
        }
    }
}
