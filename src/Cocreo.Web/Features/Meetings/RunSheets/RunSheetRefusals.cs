using Cocreo.Meetings.RunSheets;
using Cocreo.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Meetings.RunSheets;

/// <summary>
/// The engine's refusals in the reader's language. The engine writes precise English (with the numbers and what to
/// change); a reader in English gets that, a reader in another language the translated text of the problem's kind,
/// which says what to change in general; a conflict always gets the web's own text (it says the current plan is
/// shown). The web checks the form's numbers against the format's ranges itself first,
/// so those refusals come with their numbers in every language (<see cref="FormatParameterText"/>).
/// </summary>
public static class RunSheetRefusals
{
    public static string Describe(RunSheetProblem problem, IStringLocalizer<RunSheetText> T) =>
        Cultures.Current == "en" && problem.Kind != RunSheetProblemKind.Conflict ? problem.Message : OfKind(problem.Kind, T);

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
