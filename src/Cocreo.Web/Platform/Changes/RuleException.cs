namespace Cocreo.Web.Platform.Changes;

/// <summary>
/// A rule of the domain was broken (an entity method refused the change). Each capability derives its own with its
/// rule codes and English messages; the change runner turns it into a 422 that keeps the form, and nothing of the
/// change is saved.
/// </summary>
public abstract class RuleException(string code) : Exception(code)
{
    public string Code { get; } = code;

    /// <summary>The English message, a key of the capability's localised text.</summary>
    public abstract string Text { get; }

    /// <summary>Values for the message's placeholders.</summary>
    public virtual object[] Arguments => [];

    /// <summary>The form field the rule is about, when there is one.</summary>
    public virtual string? Field => null;

    public Refusal ToRefusal() => new(RefusalKind.Invalid, Text, GetType(), Arguments, Field);
}
