using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Notifications;

/// <summary>The strings of notifications (NotificationText.sl.resx).</summary>
public sealed class NotificationText : ILocalizedText;
