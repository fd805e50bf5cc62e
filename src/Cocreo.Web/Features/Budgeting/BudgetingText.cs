using System.Globalization;
using Cocreo.Web.Platform.Localization;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>The strings of participatory budgeting (BudgetingText.sl.resx).</summary>
public sealed class BudgetingText : ILocalizedText;

/// <summary>Amounts of money as the reader's culture writes numbers, with the currency code.</summary>
public static class Money
{
    public static string Show(decimal amount, string currency) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture) + "\u00a0" + currency;

    public static Func<decimal, string> In(string currency) => amount => Show(amount, currency);
}
