namespace Cocreo.Web.Features.Organisations;

/// <summary>A public body that runs co-creation processes.</summary>
public sealed class Organisation
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>
    /// The name as compared for uniqueness (see <see cref="OrganisationName.Normalize"/>): one organisation per name on
    /// the platform, whatever its case, accents or spacing, so nobody registers a second "Municipality of Novo Mesto".
    /// </summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>Whether a platform administrator has verified the organisation, or suspended it.</summary>
    public OrganisationStanding Standing { get; private set; } = OrganisationStanding.Unverified;

    /// <summary>When the organisation was last verified (kept through a suspension: reinstating restores it).</summary>
    public DateTime? VerifiedAt { get; private set; }

    /// <summary>The last decision about <see cref="Standing"/>: when, by which platform administrator, and why.</summary>
    public DateTime? StandingDecidedAt { get; private set; }

    public string? StandingDecidedBy { get; private set; }

    public string? StandingReason { get; private set; }
    public OrganisationType Type { get; private set; }
    public SizeBand Size { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case.</summary>
    public string Country { get; private set; } = "";

    /// <summary>The languages the organisation works in (ISO 639-1 codes), first one the main language.</summary>
    public List<string> Languages { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }
    public bool IsDemo { get; private set; }
    public List<OrganisationMember> Members { get; private set; } = [];

    private Organisation()
    {
    }

    public static Organisation Create(string name, OrganisationType type, SizeBand size, string country, IEnumerable<string> languages, DateTime now, bool isDemo = false)
    {
        var organisation = new Organisation { CreatedAt = now, IsDemo = isDemo };
        organisation.Update(name, type, size, country, languages);
        return organisation;
    }

    public void Update(string name, OrganisationType type, SizeBand size, string country, IEnumerable<string> languages)
    {
        Name = OrganisationName.Tidy(name);
        NormalizedName = OrganisationName.Normalize(name);
        Type = type;
        Size = size;
        Country = country.Trim().ToUpperInvariant();
        Languages = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
    }

    /// <summary>A platform administrator confirms that the organisation is the public body it says it is.</summary>
    public void Verify(string reason, string administrator, DateTime now)
    {
        if (Standing == OrganisationStanding.Verified)
        {
            throw new OrganisationRuleException("AlreadyVerified");
        }
        if (Standing == OrganisationStanding.Suspended)
        {
            throw new OrganisationRuleException("SuspendedNotVerifiable");
        }
        Decide(OrganisationStanding.Verified, reason, administrator, now);
        VerifiedAt = now;
    }

    /// <summary>A platform administrator takes the organisation down: its processes are hidden and nothing of it changes.</summary>
    public void Suspend(string reason, string administrator, DateTime now)
    {
        if (Standing == OrganisationStanding.Suspended)
        {
            throw new OrganisationRuleException("AlreadySuspended");
        }
        Decide(OrganisationStanding.Suspended, reason, administrator, now);
    }

    /// <summary>A platform administrator lifts a suspension: the organisation is verified again if it was before.</summary>
    public void Reinstate(string reason, string administrator, DateTime now)
    {
        if (Standing != OrganisationStanding.Suspended)
        {
            throw new OrganisationRuleException("NotSuspended");
        }
        Decide(VerifiedAt is null ? OrganisationStanding.Unverified : OrganisationStanding.Verified, reason, administrator, now);
    }

    private void Decide(OrganisationStanding standing, string reason, string administrator, DateTime now)
    {
        var stated = reason.Trim();
        if (stated.Length == 0)
        {
            throw new OrganisationRuleException("ReasonRequired");
        }
        if (stated.Length > OrganisationLimits.Reason)
        {
            throw new OrganisationRuleException("ReasonTooLong");
        }
        Standing = standing;
        StandingReason = stated;
        StandingDecidedBy = administrator;
        StandingDecidedAt = now;
    }

    public OrganisationMember AddMember(string userId, OrganisationRole role, DateTime now)
    {
        var existing = Members.FirstOrDefault(m => m.UserId == userId);
        if (existing is not null)
        {
            if (role > existing.Role)
            {
                existing.Role = role;
            }
            return existing;
        }
        var member = new OrganisationMember { UserId = userId, Role = role, JoinedAt = now };
        Members.Add(member);
        return member;
    }
}

/// <summary>
/// Where an organisation stands with the platform. A new one is unverified: its processes are reachable by their link
/// (marked "Not verified by the platform") but not listed publicly. A verified one is listed. A suspended one is taken
/// down: its processes are hidden from the public, its staff can read but change nothing.
/// </summary>
public enum OrganisationStanding
{
    Unverified,
    Verified,
    Suspended,
}

public enum OrganisationType
{
    Municipality,
    Ministry,
    Agency,
    School,
    Other,
}

/// <summary>Size by number of staff, as used for peer comparison.</summary>
public enum SizeBand
{
    /// <summary>Fewer than 50 staff.</summary>
    Small,

    /// <summary>50 to 249 staff.</summary>
    Medium,

    /// <summary>250 to 999 staff.</summary>
    Large,

    /// <summary>1,000 staff or more.</summary>
    VeryLarge,
}

/// <summary>A person working for an organisation on the platform.</summary>
public sealed class OrganisationMember
{
    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string UserId { get; init; } = "";
    public OrganisationRole Role { get; set; }
    public DateTime JoinedAt { get; init; }
}

/// <summary>Staff can start and run processes; administrators also manage the organisation and invite staff.</summary>
public enum OrganisationRole
{
    Staff,
    Administrator,
}
