namespace Cocreo.Web.Features.Organisations;

/// <summary>A public body that runs co-creation processes.</summary>
public sealed class Organisation
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
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
        Name = name.Trim();
        Type = type;
        Size = size;
        Country = country.Trim().ToUpperInvariant();
        Languages = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
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
