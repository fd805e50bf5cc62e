namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// That someone voted in a budget (the marked register). It says who, never what: there is no reference to a
/// ballot, no time, and the identifier is random, so neither its value nor the table's order follows the order of
/// voting. Its unique key (budget, voter) is what makes a second ballot of the same voter impossible.
/// </summary>
public sealed class BudgetVoter
{
    /// <summary>Random (see <see cref="RandomIds"/>); on SQLite it is the row id, so there is no hidden sequence either.</summary>
    public long Id { get; init; }

    public int BudgetId { get; init; }

    /// <summary><c>a:</c> and an account id, or <c>c:</c> and a census entry id.</summary>
    public string VoterKey { get; init; } = "";

    /// <summary>How they voted: online (a ballot of the ballot box) or on paper (marked at a polling station), for the reconciliation.</summary>
    public VoterChannel Channel { get; init; }

    public static string ForAccount(string userId) => "a:" + userId;

    public static string ForCensusEntry(long censusEntryId) => "c:" + censusEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a voter on the marked register voted; each channel's voters are reconciled with its ballots (<see cref="Reconciliation"/>).</summary>
public enum VoterChannel
{
    Online,
    Paper,
}

/// <summary>
/// What one voter chose, apart from who they are, once voting has closed (and paper ballots as they are counted).
/// Nothing here points to a voter or to a receipt: internet ballots arrive here only when voting closes, opened from
/// their <see cref="SealedBallot"/>s and written again in random order in one transaction. No time, random identifier.
/// </summary>
public sealed class BudgetBallot
{
    public long Id { get; init; }
    public int BudgetId { get; init; }

    /// <summary>Project numbers, comma-separated; best first on a ranked ballot.</summary>
    public string Projects { get; set; } = "";

    /// <summary>Points per project in the order of <see cref="Projects"/> (cumulative ballots), comma-separated; null otherwise.</summary>
    public string? Points { get; set; }

    /// <summary>The answers to the budget's questions: option numbers, comma-separated, empty where not answered.</summary>
    public string Answers { get; set; } = "";

    public bool IsPaper { get; init; }
}

/// <summary>
/// An internet ballot while voting is open: its choices are encrypted with the budget's election key, which is held
/// outside the database (<see cref="ElectionKeys"/>) and destroyed once the ballots are opened at close. A copy of the
/// database, its write-ahead log, a replica or a backup taken during voting can tell that a voter's marker and a
/// sealed ballot were written together, but not what the ballot says. Every sealed ballot of a budget has the same
/// length (<see cref="BallotSeal"/> pads them).
/// </summary>
public sealed class SealedBallot
{
    public long Id { get; init; }
    public int BudgetId { get; init; }

    /// <summary>The voter's receipt: published (in a list of its own, apart from the ballots) when voting closes.</summary>
    public string Receipt { get; init; } = "";

    /// <summary>SHA-256 of the change code only the voter got (hex); null where ballots cannot be changed.</summary>
    public string? ChangeCodeHash { get; init; }

    /// <summary>Nonce, ciphertext and tag (AES-256-GCM).</summary>
    public byte[] Sealed { get; set; } = [];
}

/// <summary>
/// The receipt of a counted internet ballot, after voting closed: the list anyone can search for their receipt. It is
/// written in its own random order, with nothing that joins it to a ballot (or the ballot to a voter).
/// </summary>
public sealed class BallotReceiptEntry
{
    public long Id { get; init; }
    public int BudgetId { get; init; }
    public string Receipt { get; init; } = "";
}

/// <summary>A person on the census list of a budget: who may vote. Their one-time voting code is stored only as a hash.</summary>
public sealed class CensusEntry
{
    public long Id { get; init; }
    public int BudgetId { get; init; }

    /// <summary>The organisation's own identifier of the person (unique within the census).</summary>
    public string Reference { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Upper-case; a signed-in person with this confirmed email votes as this entry.</summary>
    public string Email { get; init; } = "";

    /// <summary>SHA-256 of the one-time voting code (hex), or empty until codes are issued.</summary>
    public string CodeHash { get; set; } = "";
}

/// <summary>
/// A paper ballot as entered by staff. It counts only when a second person has entered the same ballot again
/// without seeing the first entry (double entry); its serial (printed on the paper) can be counted once.
/// </summary>
public sealed class PaperBallotEntry
{
    public int Id { get; private set; }
    public int BudgetId { get; init; }
    public string Serial { get; init; } = "";

    /// <summary>The first entry's projects and points, kept only until the second entry agrees (then cleared).</summary>
    public string Projects { get; set; } = "";

    public string? Points { get; set; }
    public string EnteredByUserId { get; init; } = "";
    public string EnteredByName { get; init; } = "";
    public DateTime EnteredAt { get; init; }
    public bool Counted { get; set; }
    public string? ConfirmedByName { get; set; }
}

/// <summary>The published results of a budget: the engine's outcome with what voters need to understand it.</summary>
public sealed class BudgetResult
{
    public int BudgetId { get; init; }
    public DateTime PublishedAt { get; init; }
    public int Ballots { get; init; }
    public int PaperBallots { get; init; }

    /// <summary>SHA-256 over the counted ballots (see <see cref="BallotDigest"/>), also in the public log.</summary>
    public string BallotDigest { get; init; } = "";

    /// <summary>A <see cref="ResultsDocument"/> as JSON.</summary>
    public string Document { get; init; } = "";
}
