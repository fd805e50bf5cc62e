using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>The strings of importing a Polis export (ImportText.sl.resx).</summary>
public sealed class ImportText : ILocalizedText;
