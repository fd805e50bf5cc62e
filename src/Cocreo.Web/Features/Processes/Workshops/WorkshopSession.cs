using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Processes;

/// <summary>
/// A facilitator's workshop session (issue 15 item 9): for a few hours, people on site register through its short code
/// (or its link and QR code) and join the process as participants. Registrations through it are exempt from the
/// per-address registration limit (a room shares one Wi-Fi address); the session's own cap applies instead. It holds no
/// personal data: the code, its times, its cap and how many registered.
/// </summary>
public sealed class WorkshopSession
{
    /// <summary>Letters and digits that cannot be mistaken for one another when read aloud or from a screen.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 8;
    public const int MaxHours = 12;
    public const int MaxCap = 500;

    public int Id { get; private set; }
    public int ProcessId { get; private set; }

    /// <summary>The secret that lets people register: <see cref="CodeLength"/> characters of <see cref="Alphabet"/>.</summary>
    public string Code { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public int MaxPeople { get; private set; }
    public int Registered { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static WorkshopSession Start(int processId, DateTime now, int hours, int maxPeople)
    {
        if (hours is < 1 or > MaxHours || maxPeople is < 1 or > MaxCap)
        {
            throw new ProcessRuleException("WorkshopLimits");
        }
        return new WorkshopSession
        {
            ProcessId = processId,
            Code = RandomNumberGenerator.GetString(Alphabet, CodeLength),
            StartedAt = now,
            ExpiresAt = now.AddHours(hours),
            MaxPeople = maxPeople,
        };
    }

    /// <summary>The rule code of why nobody may register through it now (ended, expired, full), or null.</summary>
    public string? Closed(DateTime now) =>
        EndedAt is not null ? "WorkshopEnded" : now >= ExpiresAt ? "WorkshopExpired" : Registered >= MaxPeople ? "WorkshopFull" : null;

    public bool IsOpen(DateTime now) => EndedAt is null && now < ExpiresAt;

    public void End(DateTime now)
    {
        EndedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>Counts one more person registered (against the cap).</summary>
    public void Count()
    {
        Registered++;
        Version = Guid.NewGuid();
    }

    /// <summary>The code as typed by people: case and spaces or dashes do not matter.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).Take(CodeLength * 2).ToArray());

    /// <summary>The code as shown: two groups of four.</summary>
    public string ShownCode => Code.Length == CodeLength ? $"{Code[..4]}-{Code[4..]}" : Code;
}

internal sealed class WorkshopSessionConfiguration : IEntityTypeConfiguration<WorkshopSession>
{
    public void Configure(EntityTypeBuilder<WorkshopSession> session)
    {
        session.Property(s => s.Code).HasMaxLength(WorkshopSession.CodeLength);
        session.HasIndex(s => s.Code).IsUnique();
        session.HasIndex(s => s.ProcessId);
        session.Property(s => s.Version).IsConcurrencyToken();
        session.HasOne<Process>().WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}
