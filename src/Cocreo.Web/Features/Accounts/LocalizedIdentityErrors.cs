using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>Identity's error messages in the person's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = t["An account with this email address already exists. Sign in, or reset your password."] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["An account with this email address already exists. Sign in, or reset your password."] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = t["Enter a valid email address, like name@example.org."] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["Enter a valid email address, like name@example.org."] };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["The password must have at least {0} characters.", length] };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = t["The password must use at least {0} different characters.", uniqueChars] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = t["The password must contain a digit."] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = t["The password must contain a lower-case letter."] };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = t["The password must contain an upper-case letter."] };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = t["The password must contain a symbol."] };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = t["This link has expired or was already used. Ask for a new one."] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = t["The current password is not correct."] };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = t["Something went wrong. Try again."] };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = t["Someone else changed this account at the same time. Try again."] };
    public override IdentityError LoginAlreadyAssociated() => new() { Code = nameof(LoginAlreadyAssociated), Description = t["This external sign-in is already linked to another account."] };
}
