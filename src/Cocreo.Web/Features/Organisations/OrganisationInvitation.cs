using System.Security.Cryptography;
using System.Text;

namespace Cocreo.Web.Features.Organisations;

/// <summary>An invitation to join an organisation as staff. Only a hash of its token is stored.</summary>
public sealed class OrganisationInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public OrganisationRole Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private OrganisationInvitation()
    {
    }

    /// <summary>Creates an invitation and returns the secret token to send (never stored).</summary>
    public static (OrganisationInvitation Invitation, string Token) Create(int organisationId, string email, OrganisationRole role, string invitedBy, DateTime now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var invitation = new OrganisationInvitation
        {
            OrganisationId = organisationId,
            Email = email.Trim(),
            Role = role,
            TokenHash = HashToken(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(DateTime now) => AcceptedAt = now;

    public void Revoke(DateTime now) => RevokedAt = now;
}
