using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Organisations;

/// <summary>The strings of organisations (OrganisationText.sl.resx).</summary>
public sealed class OrganisationText : ILocalizedText;
