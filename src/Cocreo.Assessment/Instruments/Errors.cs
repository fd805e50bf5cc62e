namespace Cocreo.Assessment;

/// <summary>An instrument file is not valid; the message names the file and the place to fix.</summary>
public sealed class InstrumentFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Answers or results belong to another instrument or another version than the one they are being scored or
/// compared with. Results keep the version they were scored with; they are never re-scored silently.
/// </summary>
public sealed class InstrumentVersionMismatchException(
    string expectedId, string expectedVersion, string actualId, string actualVersion, string what)
    : Exception(
        expectedId == actualId
            ? $"The {what} belong to {actualId} version {actualVersion}, but the instrument given is version {expectedVersion}. " +
              $"Answers are never re-scored with another version: load {actualId} {actualVersion} to score them, or answer version {expectedVersion} anew."
            : $"The {what} belong to instrument {actualId} {actualVersion}, not {expectedId} {expectedVersion}.")
{
    /// <summary>The instrument id that was expected.</summary>
    public string ExpectedId { get; } = expectedId;

    /// <summary>The instrument version that was expected.</summary>
    public string ExpectedVersion { get; } = expectedVersion;

    /// <summary>The instrument id the answers or results name.</summary>
    public string ActualId { get; } = actualId;

    /// <summary>The instrument version the answers or results name.</summary>
    public string ActualVersion { get; } = actualVersion;
}

/// <summary>Answers do not fit their instrument (an unknown question or option, a wrong role, a malformed file); the message says what to fix.</summary>
public sealed class AnswerSheetException(string message, Exception? inner = null) : Exception(message, inner);
