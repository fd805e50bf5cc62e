namespace Cocreo.Web.Platform.Changes;

/// <summary>Why a request was not carried out, as pages and the API answer it.</summary>
public enum RefusalKind
{
    /// <summary>404: it does not exist, or this person may not see it.</summary>
    NotFound,

    /// <summary>Sign in first (an anonymous person may well have the right once signed in).</summary>
    SignIn,

    /// <summary>403 with the real reason.</summary>
    Forbidden,

    /// <summary>409: the change cannot be made on the current state, which changed meanwhile.</summary>
    Conflict,

    /// <summary>422: what was sent breaks a rule; the form is shown again with what was typed and the message.</summary>
    Invalid,

    /// <summary>410: it existed and was deleted (a deleted process); the message says when and by whom.</summary>
    Gone,
}

/// <summary>
/// A refusal with its message: an English text looked up in the localised text of the capability that
/// <see cref="Origin"/> belongs to (see <see cref="Localization.FeatureTextLocalizer"/>), with its arguments, and the
/// form field it is about, if any.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string? Text = null, Type? Origin = null, object[]? Arguments = null, string? Field = null)
{
    public static Refusal NotFound { get; } = new(RefusalKind.NotFound);

    public static Refusal SignIn { get; } = new(RefusalKind.SignIn);

    public static Refusal Invalid(string text, Type origin, string? field = null, params object[] arguments) =>
        new(RefusalKind.Invalid, text, origin, arguments, field);

    public static Refusal Gone(string text, Type origin, params object[] arguments) =>
        new(RefusalKind.Gone, text, origin, arguments);

    public static Refusal Conflict(string text, Type origin, params object[] arguments) =>
        new(RefusalKind.Conflict, text, origin, arguments);
}

/// <summary>
/// Thrown to refuse a request from anywhere in a page handler or an endpoint (a read that finds nothing, a change the
/// runner refused); the page filter and the endpoint filter turn it into the answer, so no handler repeats that.
/// </summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Text ?? refusal.Kind.ToString())
{
    public Refusal Refusal { get; } = refusal;

    /// <summary>Refuses with 404 unless <paramref name="found"/> is there.</summary>
    public static T IfMissing<T>(T? found) where T : class => found ?? throw new RefusedException(Refusal.NotFound);

    /// <summary>Refuses unless the decision allows.</summary>
    public static void Unless(Decision decision, bool isAuthenticated)
    {
        if (decision.ToRefusal(isAuthenticated) is { } refusal)
        {
            throw new RefusedException(refusal);
        }
    }
}
