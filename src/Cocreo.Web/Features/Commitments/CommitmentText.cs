using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Commitments;

/// <summary>The strings of commitments (CommitmentText.sl.resx).</summary>
public sealed class CommitmentText : ILocalizedText;
