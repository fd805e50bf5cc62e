using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The engine's refusals in the reader's language. The engine writes precise English (with the numbers and what to
/// change); a reader in English gets that, a reader in another language the translated text of the problem's kind,
/// which says what to change in general, or, for a problem the engine gives a <see cref="RunSheetDetail"/>, the same
/// precise text with its numbers (plural forms) and names; a conflict always gets the web's own text (it says the current plan is
/// shown). The web checks the form's numbers against the format's ranges itself first,
/// so those refusals come with their numbers in every language (<see cref="FormatParameterText"/>).
/// </summary>
public static class RunSheetRefusals
{
    public static string Describe(RunSheetProblem problem, IStringLocalizer<RunSheetText> T) =>
        problem.Kind == RunSheetProblemKind.Conflict ? OfKind(problem.Kind, T)
        : Cultures.Current == "en" ? problem.Message
        : problem.Detail is { } detail ? Detailed(detail, T) ?? OfKind(problem.Kind, T)
        : OfKind(problem.Kind, T);

    /// <summary>
    /// A problem the engine described precisely (<see cref="RunSheetDetail"/>), in the reader's language with the same
    /// numbers and names, counts in plural messages; null for a detail this version does not know.
    /// </summary>
    public static string? Detailed(RunSheetDetail detail, IStringLocalizer<RunSheetText> T)
    {
        var a = detail.Args;
        object At(int i) => i < a.Count ? a[i] : "";
        long Count(int i) => i < a.Count && a[i] is long n ? n : 0;
        return detail.Kind switch
        {
            RunSheetDetailKind.CellTaken => Count(4) > 0
                ? T.Plural("\"{0}\" at {1} already has the session \"{2}\"; choose {4, plural, one {the free space at that time} other {a free space at that time}} ({3}) or another time.", At(0), At(1), At(2), At(3), Count(4))
                : T["\"{0}\" at {1} already has the session \"{2}\"; every space is taken at that time: choose another time or add a space.", At(0), At(1), At(2)],
            RunSheetDetailKind.SpaceHasSessions => T.Plural("The space \"{0}\" has {1, plural, one {# session} other {# sessions}}; move or remove {1, plural, one {it} other {them}} before removing the space.", At(0), Count(1)),
            RunSheetDetailKind.SpaceNameTaken => T["The grid already has a space called \"{0}\"; give the space another name.", At(0)],
            RunSheetDetailKind.UnknownSpace => T["The grid has no space {0} (it may have been removed); reload the page.", Count(0)],
            RunSheetDetailKind.UnknownSession => T["The grid has no session {0} (it may have been removed); reload the page.", Count(0)],
            RunSheetDetailKind.ShortenedTooMuch => T.Plural("The block \"{0}\" lasts {1, plural, one {# minute} other {# minutes}}; it can be shortened by at most {2, plural, one {# minute} other {# minutes}} (skip it instead), not by {3, plural, one {# minute} other {# minutes}}.", At(0), Count(1), Count(2), Count(3)),
            RunSheetDetailKind.ExtendedBeyondADay => T.Plural("The block \"{0}\" would last {1, plural, one {# minute} other {# minutes}}, more than a day; extend it by less.", At(0), Count(1)),
            RunSheetDetailKind.TooManyBlocks => T.Plural("The run sheet has {0, plural, one {# block} other {# blocks}}; it holds at most {1}, so remove {2, plural, one {# block} other {# blocks}} or merge some.", Count(0), Count(1), Count(2)),
            RunSheetDetailKind.TitleTooLong => T.Plural("The title of the block \"{0}\" has {1, plural, one {# character} other {# characters}}; shorten it to at most {2} (put the rest in the purpose or instructions).", At(0), Count(1), Count(2)),
            RunSheetDetailKind.TooShort => T.Plural("The block \"{0}\" lasts {1, plural, one {# minute} other {# minutes}}; give it at least 1 minute, or remove it.", At(0), Count(1)),
            RunSheetDetailKind.LongerThanADay => T.Plural("The block \"{0}\" lasts {1, plural, one {# minute} other {# minutes}}, more than a day ({2} minutes); shorten it.", At(0), Count(1), Count(2)),
            RunSheetDetailKind.TooManyMaterials => T.Plural("The block \"{0}\" lists {1, plural, one {# material} other {# materials}}; list at most {2} (group small items).", At(0), Count(1), Count(2)),
            RunSheetDetailKind.TooManyRoles => T.Plural("The block \"{0}\" has {1, plural, one {# role} other {# roles}}; give it at most {2}.", At(0), Count(1), Count(2)),
            RunSheetDetailKind.SheetLongerThanADay => T.Plural("The run sheet lasts {0, plural, one {# minute} other {# minutes}} ({1} to {2}); a run sheet covers at most one day (1,440 minutes), so shorten it by {3, plural, one {# minute} other {# minutes}} or split the meeting.", Count(0), At(1), At(2), Count(3)),
            _ => null,
        };
    }

    public static string OfKind(RunSheetProblemKind kind, IStringLocalizer<RunSheetText> T) => kind switch
    {
        RunSheetProblemKind.Conflict => T["Someone else changed the run sheet after you opened it, so your change was not made. The current plan is shown: look at it and make your change again."],
        RunSheetProblemKind.UnreadableJson => T["The stored run sheet cannot be read; ask the platform's administrators."],
        RunSheetProblemKind.TooManyBlocks => T["A run sheet has at most 200 blocks; remove some first."],
        RunSheetProblemKind.BadBlockId or RunSheetProblemKind.UnknownBlock => T["That block is no longer in the run sheet; reload the page."],
        RunSheetProblemKind.BadTitle => T["Give the block a title of 1 to 200 characters."],
        RunSheetProblemKind.TextTooLong => T["A text is too long: the purpose and the round question have at most 1,000 characters, the instructions 4,000, a material 200 (at most 30 materials)."],
        RunSheetProblemKind.BadDuration => T["A block lasts from 1 minute to a day (1,440 minutes)."],
        RunSheetProblemKind.Gap or RunSheetProblemKind.Overlap => T["The blocks must follow one another without gaps or overlaps."],
        RunSheetProblemKind.LongerThanADay => T["A run sheet covers at most one day: shorten or remove blocks."],
        RunSheetProblemKind.BadLiveState => T["The run sheet's live state does not add up (a block ended before it started, or two blocks running); reload the page."],
        RunSheetProblemKind.AlreadyStarted => T["That part of the meeting has already started: it can no longer be moved, removed or retimed."],
        RunSheetProblemKind.WrongState => T["That block cannot do this now: only the running block can be finished or extended, only a block that has not started can be skipped, only a skipped one brought back, and a block starts only when every earlier one has started or been skipped."],
        RunSheetProblemKind.BadOrder => T["The new order must name every block once, and a block can only move among those that have not started."],
        RunSheetProblemKind.BadGrid => T["The session grid does not allow this: a cell holds one session, and a slot or space with sessions cannot be removed until they are moved."],
        RunSheetProblemKind.BadParameter => T["One of the format's numbers or round questions is not possible: give one question per round, one for all rounds, or none."],
        RunSheetProblemKind.DoesNotFit => T["The blocks do not fit in the meeting's length: lengthen the meeting, shorten the rounds or sessions, or hold fewer of them."],
        _ => T["The run sheet cannot be changed like this."],
    };
}
