namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// A permission class's answer to "may this person do this, to this, now?": allowed; hidden (the person may not even
/// see it, so it does not exist for them); or refused with the real reason, in English, looked up in the text of
/// the capability that <see cref="Origin"/> belongs to. A refusal because of who the person is sends an anonymous
/// person to sign in; a refusal because of the state of things (the phase, a closed process) says so to anyone.
/// </summary>
public readonly record struct Decision(DecisionKind Kind, string? Reason = null, Type? Origin = null)
{
    public static Decision Allowed { get; } = new(DecisionKind.Allowed);

    public static Decision Hidden { get; } = new(DecisionKind.Hidden);

    public bool IsAllowed => Kind == DecisionKind.Allowed;

    /// <summary>Refused because of who the person is (their role); anonymous people are asked to sign in first.</summary>
    public static Decision NotYours(string reason, Type origin) => new(DecisionKind.NotYours, reason, origin);

    /// <summary>Refused because of the state of what they act on (its phase, a closed process), whoever they are.</summary>
    public static Decision NotNow(string reason, Type origin) => new(DecisionKind.NotNow, reason, origin);

    /// <summary>Allowed only if <paramref name="next"/> allows too: the first refusal wins.</summary>
    public Decision And(Func<Decision> next) => IsAllowed ? next() : this;

    /// <summary>The decision as a refusal for this person, or null when allowed.</summary>
    public Refusal? ToRefusal(bool isAuthenticated) => Kind switch
    {
        DecisionKind.Allowed => null,
        DecisionKind.Hidden => Refusal.NotFound,
        DecisionKind.NotYours when !isAuthenticated => Refusal.SignIn,
        DecisionKind.NotYours => new Refusal(RefusalKind.Forbidden, Reason, Origin),
        _ => new Refusal(RefusalKind.Forbidden, Reason, Origin),
    };
}

public enum DecisionKind
{
    Allowed,
    Hidden,
    NotYours,
    NotNow,
}
