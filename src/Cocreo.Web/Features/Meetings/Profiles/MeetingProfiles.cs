using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Meetings.Profiles;

/// <summary>Reads and writes a meeting's mixing attributes and the answers people gave to them.</summary>
public sealed class MeetingProfiles(CocreoDbContext db)
{
    public async Task<IReadOnlyList<MixingAttribute>> AttributesAsync(int meetingId, CancellationToken cancellationToken) =>
        (await db.Set<MeetingAttributeSet>().AsNoTracking().SingleOrDefaultAsync(s => s.MeetingId == meetingId, cancellationToken))?.Attributes ?? [];

    /// <summary>Each active registration's answers (registration id → attribute → value), for the organisers.</summary>
    public async Task<Dictionary<int, IReadOnlyDictionary<string, string>>> AnswersAsync(int meetingId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingProfile>().AsNoTracking().Where(p => p.MeetingId == meetingId).ToListAsync(cancellationToken);
        return rows.ToDictionary(p => p.RegistrationId, p => p.Values);
    }

    public async Task<IReadOnlyDictionary<string, string>> AnswersOfAsync(int registrationId, CancellationToken cancellationToken) =>
        (await db.Set<MeetingProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.RegistrationId == registrationId, cancellationToken))?.Values
        ?? new Dictionary<string, string>();

    /// <summary>
    /// The answers as chosen in a form (one per attribute, in order; empty: prefer not to say), checked against the
    /// attributes: throws <see cref="MixingRuleException"/> for a value that is not offered.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyList<MixingAttribute> attributes, IReadOnlyList<string?>? chosen)
    {
        var answers = new Dictionary<string, string>();
        for (var i = 0; i < attributes.Count; i++)
        {
            var value = chosen is not null && i < chosen.Count ? chosen[i]?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            var offered = attributes[i].Values.FirstOrDefault(v => v.Label == value) ?? throw new MixingRuleException("UnknownAnswer");
            answers[attributes[i].Name] = offered.Label;
        }
        return answers;
    }

    /// <summary>The answers by attribute name (as the API sends them), checked the same way.</summary>
    public static IReadOnlyDictionary<string, string> Check(IReadOnlyList<MixingAttribute> attributes, IReadOnlyDictionary<string, string?>? byName)
    {
        if (byName is not null && byName.Keys.Any(k => attributes.All(a => a.Name != k)))
        {
            throw new MixingRuleException("UnknownAnswer");
        }
        return Check(attributes, attributes.Select(a => byName is not null && byName.TryGetValue(a.Name, out var v) ? v : null).ToList());
    }

    /// <summary>As <see cref="Check(IReadOnlyList{MixingAttribute}, IReadOnlyList{string})"/>, refusing (422) outside a change.</summary>
    public static IReadOnlyDictionary<string, string> CheckOrRefuse(IReadOnlyList<MixingAttribute> attributes, IReadOnlyList<string?>? chosen)
    {
        try
        {
            return Check(attributes, chosen);
        }
        catch (MixingRuleException e)
        {
            throw new Platform.Changes.RefusedException(e.ToRefusal());
        }
    }

    /// <summary>As <see cref="Check(IReadOnlyList{MixingAttribute}, IReadOnlyDictionary{string, string})"/>, refusing (422) outside a change.</summary>
    public static IReadOnlyDictionary<string, string> CheckOrRefuse(IReadOnlyList<MixingAttribute> attributes, IReadOnlyDictionary<string, string?>? byName)
    {
        try
        {
            return Check(attributes, byName);
        }
        catch (MixingRuleException e)
        {
            throw new Platform.Changes.RefusedException(e.ToRefusal());
        }
    }

    /// <summary>Stores the answers of a registration (tracked; the caller saves). No answer at all: no row.</summary>
    public async Task SetAsync(int meetingId, int registrationId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        var profile = await db.Set<MeetingProfile>().SingleOrDefaultAsync(p => p.RegistrationId == registrationId, cancellationToken);
        if (answers.Count == 0)
        {
            if (profile is not null)
            {
                db.Remove(profile);
            }
            return;
        }
        if (profile is null)
        {
            profile = MeetingProfile.For(meetingId, registrationId);
            db.Add(profile);
        }
        profile.Set(answers);
    }

    /// <summary>Deletes the answers of a registration (cancelled) (tracked; the caller saves).</summary>
    public async Task ForgetAsync(int registrationId, CancellationToken cancellationToken)
    {
        if (await db.Set<MeetingProfile>().SingleOrDefaultAsync(p => p.RegistrationId == registrationId, cancellationToken) is { } profile)
        {
            db.Remove(profile);
        }
    }
}
