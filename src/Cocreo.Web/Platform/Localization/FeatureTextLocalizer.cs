using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>
/// Finds the text class of the feature a type belongs to (by namespace), so validation attributes on a feature's
/// forms are translated from that feature's resources, falling back to the shared ones.
/// </summary>
public static class FeatureTextLocalizer
{
    private static readonly Type[] TextTypes = typeof(SharedText).Assembly.GetTypes()
        .Where(t => typeof(ILocalizedText).IsAssignableFrom(t) && t.IsClass && t != typeof(SharedText))
        .ToArray();

    private static readonly ConcurrentDictionary<Type, Type?> TextTypeOf = new();

    public static IStringLocalizer For(Type modelType, IStringLocalizerFactory factory)
    {
        var shared = factory.Create(typeof(SharedText));
        var textType = TextTypeOf.GetOrAdd(modelType, FindTextType);
        return textType is null ? shared : new Composite(factory.Create(textType), shared);
    }

    private static Type? FindTextType(Type modelType)
    {
        var ns = modelType.Namespace ?? "";
        return TextTypes
            .Where(t => t.Namespace is not null && (ns == t.Namespace || ns.StartsWith(t.Namespace + ".", StringComparison.Ordinal)))
            .OrderByDescending(t => t.Namespace!.Length)
            .FirstOrDefault();
    }

    private sealed class Composite(IStringLocalizer first, IStringLocalizer second) : IStringLocalizer
    {
        public LocalizedString this[string name]
        {
            get
            {
                var found = first[name];
                return found.ResourceNotFound ? second[name] : found;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var found = first[name, arguments];
                return found.ResourceNotFound ? second[name, arguments] : found;
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            first.GetAllStrings(includeParentCultures).Concat(second.GetAllStrings(includeParentCultures));
    }
}
