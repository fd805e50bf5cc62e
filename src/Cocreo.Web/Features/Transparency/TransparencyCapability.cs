using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Transparency;

/// <summary>Transparency: every process's public, hash-chained log, its export and API, and reflections written into it.</summary>
public sealed class TransparencyCapability : Capability
{
    public override string Name => "transparency";

    public override Type Text => typeof(TransparencyText);

    public override IReadOnlyList<LogActionText> LogActions => [("reflection.added", "Added a reflection")];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTransparencyApi();
}
