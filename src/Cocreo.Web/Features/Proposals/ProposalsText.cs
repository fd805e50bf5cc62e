using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>The strings of a process's proposals (ProposalsText.sl.resx).</summary>
public sealed class ProposalsText : ILocalizedText;
