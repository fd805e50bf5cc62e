using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Hosting;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// A person deletes their own account: every capability's <see cref="IPersonalData"/> forgets its part, in one
/// save; the account row stays without name, address, password or sign-in methods, so that what the person
/// contributed keeps its place as "Former participant". A last owner or administrator must hand over first.
/// Twice, or twice at once, it is done once (the row's concurrency stamp makes the second attempt start again and
/// find the account deleted). No process log is written or rewritten.
/// </summary>
public static class DeleteAccount
{
    /// <summary>The form's one-time submission id (every form has one) makes a repeat of it change nothing.</summary>
    public sealed record Command;

    public sealed record Outcome(bool Deleted);

    /// <summary>What the person must hand over before the account can go, from every capability (empty: nothing).</summary>
    public static async Task<IReadOnlyList<string>> HandOverFirstAsync(IEnumerable<IPersonalData> parts, string userId, CancellationToken cancellationToken)
    {
        var handOver = new List<string>();
        foreach (var part in parts)
        {
            handOver.AddRange(await part.HandOverFirstAsync(userId, cancellationToken));
        }
        return handOver;
    }

    public sealed class Handler(CocreoDbContext db, IEnumerable<IPersonalData> parts) : IChange<Command, AccountTarget, Outcome>
    {
        public async Task<AccountTarget?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            user.UserId() is { } id && await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is { } account ? new AccountTarget(account) : null;

        public Decision Decide(AccountTarget target, Command command) => Decision.Allowed;

        public async Task<Outcome> RunAsync(Change<AccountTarget> change, Command command, CancellationToken cancellationToken)
        {
            var user = change.Target.User;
            if (user.IsDeleted)
            {
                return new Outcome(false);
            }
            var handOver = await HandOverFirstAsync(parts, user.Id, cancellationToken);
            if (handOver.Count > 0)
            {
                throw new AccountRuleException("HandOverFirst", string.Join(" ", handOver));
            }
            foreach (var part in parts)
            {
                await part.ForgetAsync(user.Id, change.Now, cancellationToken);
            }
            return new Outcome(true);
        }
    }
}

/// <summary>A person's own account, as the target of a change to it; no process log records it.</summary>
public sealed class AccountTarget(CocreoUser user) : IChangeTarget
{
    public CocreoUser User => user;

    public int? LogProcessId => null;

    public LogActor Actor => LogActor.Private("participant");
}

/// <summary>A rule about accounts was broken.</summary>
public sealed class AccountRuleException(string code, params object[] arguments) : RuleException(code)
{
    public override string Text => Code switch
    {
        "HandOverFirst" => "Before your account can be deleted, hand over what only you hold: {0}",
        _ => Code,
    };

    public override object[] Arguments => arguments;
}

/// <summary>
/// A deleted account changes nothing more, even from a session that was open elsewhere when it was deleted (until
/// the session's next check of the account ends it).
/// </summary>
public sealed class DeletedAccountGuard(CocreoDbContext db) : IChangeGuard
{
    public async Task<Decision> DecideAsync(IChangeTarget target, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (target is AccountTarget || user.UserId() is not { } id)
        {
            return Decision.Allowed;
        }
        return await db.Users.AnyAsync(u => u.Id == id && u.DeletedAt != null, cancellationToken)
            ? Decision.NotYours("This account was deleted.", typeof(AccountText))
            : Decision.Allowed;
    }
}
