using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>The strings of accounts: registration, sign-in, passwords (AccountText.sl.resx).</summary>
public sealed class AccountText : ILocalizedText;
