namespace Cocreo.Sortition;

/// <summary>A pool of volunteers and the quotas a panel drawn from it must meet.</summary>
/// <param name="Pool">The people.</param>
/// <param name="Quotas">The quotas, panel size and household rule.</param>
public sealed record SelectionInput(Pool Pool, QuotaSet Quotas);
