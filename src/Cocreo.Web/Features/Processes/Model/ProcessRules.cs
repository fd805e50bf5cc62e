namespace Cocreo.Web.Features.Processes;

/// <summary>The messages for rules a process enforces (see <see cref="ProcessRuleException"/>).</summary>
public static class ProcessRules
{
    public static string Message(string code) => code switch
    {
        "PhaseEndBeforeStart" => "The planned end cannot be before the planned start.",
        "ProcessClosed" => "The process is closed: it can no longer change.",
        "NotAMember" => "This person is not a member of the process.",
        "LastOwnerCannotLeave" => "A process needs an owner: make someone else owner first.",
        "TranslationSameLanguage" => "This is the language the process is written in; edit the process instead.",
        "UnknownLanguage" => "Choose a language from the list.",
        "UnknownPhase" => "Choose a phase of the policy cycle.",
        "UnknownRole" => "Choose a role from the list.",
        "NoAccount" => "Nobody with this email address has an account yet. Ask them to register first.",
        "NothingToRevert" => "The process is in its first phase: there is no move to revert.",
        "PhaseHasActivity" => "Something already happened in this phase (see the public log): the move can no longer be reverted.",
        "VotingOpen" => "A vote in this process is open: close it before archiving the process.",
        "ProcessHasInput" => "People have already taken part in this process (proposals, comments, answers or contributions): it can no longer be deleted. Archive it instead: it stays public and read-only, with its log.",
        "DeleteConfirmTitle" => "Type the process's title exactly to confirm the deletion.",
        "WorkshopLimits" => "A workshop session lasts 1 to 12 hours and takes 1 to 500 people.",
        "WorkshopEnded" => "This workshop session was ended by its facilitator. Register on the usual page, or ask the facilitator for a new code.",
        "WorkshopExpired" => "This workshop session has expired. Register on the usual page, or ask the facilitator for a new code.",
        "WorkshopFull" => "This workshop session is full. Ask the facilitator to start a new one.",
        "WorkshopUnknown" => "There is no workshop session with this code. Check the code with the facilitator.",
        _ => "This change is not allowed.",
    };
}
