using System.Buffers.Text;
using System.Security.Cryptography;
using Cocreo.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.ProcessQuality;

/// <summary>
/// A link (and its QR code) through which participants answer a Co-Master survey anonymously, without an account.
/// Staff can close it; a closed link accepts nothing more.
/// </summary>
public sealed class ResponseLink
{
    public int Id { get; private set; }
    public int AssessmentId { get; private set; }

    /// <summary>The random part of the link's address (128 bits): whoever has it may answer, so it cannot be guessed.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The role people answer in through this link (Co-Master: participant).</summary>
    public string Role { get; private set; } = "";

    public string OpenedByUserId { get; private set; } = "";
    public DateTime OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    private ResponseLink()
    {
    }

    public static ResponseLink Open(int assessmentId, string role, string userId, DateTime now) => new()
    {
        AssessmentId = assessmentId,
        Role = role,
        Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
        OpenedByUserId = userId,
        OpenedAt = now,
    };

    public bool IsOpen => ClosedAt is null;

    public void Close(DateTime now) => ClosedAt ??= now;

    public string Path => $"/respond/{Token}";
}

internal sealed class ResponseLinkConfiguration : IEntityTypeConfiguration<ResponseLink>
{
    public void Configure(EntityTypeBuilder<ResponseLink> link)
    {
        link.ToTable("AssessmentResponseLinks");
        link.Property(l => l.Token).HasMaxLength(64).IsRequired();
        link.HasIndex(l => l.Token).IsUnique();
        link.Property(l => l.Role).HasMaxLength(AssessmentLimits.Id).IsRequired();
        link.Property(l => l.OpenedByUserId).HasMaxLength(450).IsRequired();
        link.HasOne<OrganisationAssessment>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        link.HasMany<Respondent>().WithOne().HasForeignKey(r => r.ResponseLinkId).OnDelete(DeleteBehavior.Restrict);
    }
}
