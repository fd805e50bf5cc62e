using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Meetings.TablePlans;

/// <summary>The strings of table plans, table cards and itineraries (TablePlanText.sl.resx).</summary>
public sealed class TablePlanText : ILocalizedText;
