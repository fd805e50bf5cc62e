using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Log;

/// <summary>
/// What a log action code means, in words. Each capability registers the actions it appends, with the text class
/// that translates them, so the public log reads as sentences in the reader's language.
/// </summary>
public sealed record LogAction(string Code, Type TextType, string Description);

public sealed class LogActionCatalog(IEnumerable<LogAction> actions, IStringLocalizerFactory localizers)
{
    private readonly Dictionary<string, LogAction> byCode = actions.ToDictionary(a => a.Code, StringComparer.Ordinal);

    public string Describe(string code) =>
        byCode.TryGetValue(code, out var action) ? localizers.Create(action.TextType)[action.Description] : code;

    public IReadOnlyCollection<LogAction> All => byCode.Values;
}

public static class LogActionRegistration
{
    public static IServiceCollection AddLogActions(this IServiceCollection services, Type textType, params (string Code, string Description)[] actions)
    {
        foreach (var (code, description) in actions)
        {
            services.AddSingleton(new LogAction(code, textType, description));
        }
        return services;
    }
}
