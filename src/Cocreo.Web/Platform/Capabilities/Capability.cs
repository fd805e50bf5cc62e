using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Platform.Capabilities;

/// <summary>
/// A capability's manifest: everything the platform needs to know about it, declared once in its folder — its name,
/// its localised text, the log actions it appends with their descriptions, its services and endpoints, the slots it
/// fills on other capabilities' pages, its part of the demo city and the class that decides its permissions.
/// Use-case handlers (<see cref="IChange{TCommand,TTarget,TResult}"/>) in its namespace are registered without being
/// listed. Adding a capability is one folder and one line in <see cref="Capabilities.All"/>.
/// </summary>
public abstract class Capability
{
    /// <summary>A stable, lowercase name (also the prefix of its log actions where it has its own).</summary>
    public abstract string Name { get; }

    /// <summary>The class of the capability's localised text (log action descriptions and messages are looked up there).</summary>
    public abstract Type Text { get; }

    /// <summary>The log actions the capability appends, each with its description in English (a key of <see cref="Text"/>).</summary>
    public virtual IReadOnlyList<LogActionText> LogActions => [];

    /// <summary>The slots the capability fills on other pages (the process page, the organisation page).</summary>
    public virtual IReadOnlyList<PageSlot> Slots => [];

    /// <summary>
    /// The capability's part of the demo city: a type implementing <c>Features.Demo.IDemoSeed</c>, run in the order
    /// of <see cref="Capabilities.All"/>; null when it adds nothing.
    /// </summary>
    public virtual Type? DemoSeed => null;

    /// <summary>The one class that decides who may do what in the capability (for readers and the allow/deny tests).</summary>
    public virtual Type? Permissions => null;

    /// <summary>Registers the capability's services (handlers in its namespace are registered already).</summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Maps the capability's API and other endpoints (pages are found by Razor Pages).</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>A log action and its description in English (a key of the capability's text).</summary>
public sealed record LogActionText(string Code, string Description)
{
    public static implicit operator LogActionText((string Code, string Description) action) => new(action.Code, action.Description);
}

/// <summary>
/// A place on another capability's page that a capability fills with a view component, in <paramref name="Order"/>.
/// The page that offers the slot names it (e.g. <c>ProcessSlots.Sections</c>) and says what the component receives.
/// </summary>
public sealed record PageSlot(string Slot, Type ViewComponent, int Order = 0);
