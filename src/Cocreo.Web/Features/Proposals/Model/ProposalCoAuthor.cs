using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Proposals;

/// <summary>
/// An invitation by a proposal's author to write it together, sent to an e-mail address with a secret link (only its
/// hash is kept). Accepted, it names the account that accepted it: a co-author, who may edit the proposal. The
/// invitee's address is personal data (<see cref="ProposalsPersonalData"/>).
/// </summary>
public sealed class ProposalCoAuthor
{
    public int Id { get; private set; }
    public int ProposalId { get; private set; }

    /// <summary>Where the invitation was sent (lower case); emptied once accepted or when the invitee's account is deleted.</summary>
    public string Email { get; private set; } = "";

    /// <summary>SHA-256 of the secret in the link, hex.</summary>
    public string TokenHash { get; private set; } = "";

    public string InvitedByUserId { get; private set; } = "";
    public DateTime InvitedAt { get; private set; }

    /// <summary>The account that accepted the invitation: the co-author.</summary>
    public string? UserId { get; private set; }
    public DateTime? AcceptedAt { get; private set; }

    private ProposalCoAuthor()
    {
    }

    public const int MaxPerProposal = 10;

    /// <summary>A new invitation and the secret for its link (shown once, in the e-mail).</summary>
    public static (ProposalCoAuthor Invitation, string Token) Invite(int proposalId, string email, string invitedBy, DateTime now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (new ProposalCoAuthor { ProposalId = proposalId, Email = email, TokenHash = Hash(token), InvitedByUserId = invitedBy, InvitedAt = now }, token);
    }

    /// <summary>
    /// A co-author by merge: the author (or a co-author) of a duplicate merged into this proposal. No invitation was
    /// sent; the row holds the hash of a secret nobody knows, so no link can ever accept it.
    /// </summary>
    public static ProposalCoAuthor CarriedOver(int proposalId, string userId, DateTime now)
    {
        var (row, _) = Invite(proposalId, "", "", now);
        row.Accept(userId, now);
        return row;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>The signed-in person accepts; accepting again changes nothing (returns false).</summary>
    public bool Accept(string userId, DateTime now)
    {
        if (UserId is not null)
        {
            return UserId == userId ? false : throw new ProposalRuleException("InvitationUsed");
        }
        UserId = userId;
        AcceptedAt = now;
        Email = "";
        return true;
    }

    /// <summary>The account was deleted: the row no longer names anyone.</summary>
    public void Forget() => (Email, UserId) = ("", UserId is null ? null : "");

    /// <summary>The inviter's account was deleted.</summary>
    public void ForgetInviter() => InvitedByUserId = "";

    /// <summary>The address as stored: trimmed, lower case, or the rule it breaks.</summary>
    public static string Address(string? email)
    {
        var value = (email ?? "").Trim().ToLowerInvariant();
        return value.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(value, out var address) || address.Address != value
            ? throw new ProposalRuleException("EmailInvalid", "email")
            : value;
    }
}

internal sealed class ProposalCoAuthorConfiguration : IEntityTypeConfiguration<ProposalCoAuthor>
{
    public void Configure(EntityTypeBuilder<ProposalCoAuthor> coAuthor)
    {
        coAuthor.ToTable("ProposalCoAuthors");
        coAuthor.Property(c => c.Email).HasMaxLength(256);
        coAuthor.Property(c => c.TokenHash).HasMaxLength(64);
        coAuthor.HasIndex(c => c.TokenHash).IsUnique();
        coAuthor.HasIndex(c => new { c.ProposalId, c.UserId });
        coAuthor.HasOne<Budgeting.Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
