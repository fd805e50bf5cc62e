using System.Reflection;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace Cocreo.Web.Platform.Capabilities;

public static class CapabilityRegistration
{
    /// <summary>
    /// Registers a capability from its manifest: the manifest itself (pages and the demo ask for all of them), its
    /// services, its use-case handlers, its log actions, and its assembly as a part of the app when it lives in
    /// another one (a capability in a test assembly, say).
    /// </summary>
    public static IServiceCollection AddCapability(this IServiceCollection services, Capability capability, IConfiguration configuration)
    {
        services.AddSingleton(capability);
        var type = capability.GetType();
        var area = type.Namespace ?? "";
        foreach (var handler in type.Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && InArea(t, area) && IsChangeHandler(t)))
        {
            services.AddScoped(handler);
        }
        foreach (var action in capability.LogActions)
        {
            services.AddSingleton(new LogAction(action.Code, capability.Text, action.Description));
        }
        if (type.Assembly != typeof(Capability).Assembly)
        {
            var parts = services.AddMvcCore().PartManager.ApplicationParts;
            if (!parts.OfType<AssemblyPart>().Any(p => p.Assembly == type.Assembly))
            {
                parts.Add(new AssemblyPart(type.Assembly));
            }
        }
        capability.AddServices(services, configuration);
        return services;
    }

    /// <summary>Maps every registered capability's endpoints; their API answers refusals with problem details.</summary>
    public static void MapCapabilities(this WebApplication app)
    {
        var endpoints = app.MapGroup("").AddEndpointFilter<RefusalEndpointFilter>();
        foreach (var capability in app.Services.GetServices<Capability>())
        {
            capability.MapEndpoints(endpoints);
        }
    }

    /// <summary>The slots of one page that registered capabilities fill, in order.</summary>
    public static IEnumerable<PageSlot> SlotsOf(this IEnumerable<Capability> capabilities, string slot) =>
        capabilities.SelectMany(c => c.Slots).Where(s => s.Slot == slot).OrderBy(s => s.Order);

    private static bool InArea(Type type, string area) =>
        type.Namespace is { } ns && (ns == area || ns.StartsWith(area + ".", StringComparison.Ordinal));

    private static bool IsChangeHandler(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IChange<,,>));
}
