using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Assessments;

/// <summary>The strings of the toolkit's shared assessment pages (AssessmentText.sl.resx).</summary>
public sealed class AssessmentText : ILocalizedText;
