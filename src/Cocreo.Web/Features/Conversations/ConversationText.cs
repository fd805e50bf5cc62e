using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The strings of conversations (ConversationText.sl.resx).</summary>
public sealed class ConversationText : ILocalizedText;
