using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.AllowDeny;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.AllowDeny.Expect;

namespace Cocreo.Web.Tests.Organisations;

/// <summary>
/// The decisions about an organisation's standing, tried by every kind of person over HTTP: only a platform
/// administrator verifies, suspends and reinstates — not the organisation's own administrator — and only an allowed
/// decision changes the standing and adds to the administrators' log.
/// </summary>
public sealed class OrganisationStandingAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>, IAllowDenyTable
{
    private static readonly string[] Roles = ["anonymous", "participant", "facilitator", "owner (the organisation's administrator)", "other organisation's staff", "admin"];

    private sealed record Row(Endpoint Endpoint, OrganisationStanding Before, string[] Expected);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["admin/organisations Verify"] = new(new("POST", "/admin/organisations", "Verify"), OrganisationStanding.Unverified,
            [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Changed]),
        ["admin/organisations Suspend"] = new(new("POST", "/admin/organisations", "Suspend"), OrganisationStanding.Verified,
            [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Changed]),
        ["admin/organisations Reinstate"] = new(new("POST", "/admin/organisations", "Reinstate"), OrganisationStanding.Suspended,
            [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Changed]),
    };

    public static IEnumerable<Endpoint> Covered => Rows.Values.Select(r => r.Endpoint);

    public static TheoryData<string> Names => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Only_platform_administrators_decide_an_organisations_standing(string name)
    {
        var row = Rows[name];
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var clients = new[] { cast.AnonymousClient, cast.ParticipantClient, cast.FacilitatorClient, cast.OwnerClient, cast.OtherStaffClient, cast.AdminClient };
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            await SetStandingAsync(cast.OrganisationId, row.Before);
            var before = await StateAsync(cast.OrganisationId);
            var response = await clients[i].PostAsync($"{row.Endpoint.Route}?handler={row.Endpoint.Handler}", new()
            {
                ["organisationId"] = cast.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = $"Decision tried by {Roles[i]}",
                ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(clients[i]),
            });
            var after = await StateAsync(cast.OrganisationId);
            if (Check(row.Expected[i], response, before != after) is { } problem)
            {
                failures.Add($"{Roles[i]}: {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    /// <summary>The standing and the organisation's entries in the administrators' log.</summary>
    private Task<string> StateAsync(int organisationId) => app.WithDbAsync(async db =>
        (await db.Set<Organisation>().SingleAsync(o => o.Id == organisationId)).Standing + ":" +
        string.Join(",", await db.Set<AdministratorLogEntry>().Where(e => e.OrganisationId == organisationId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));

    private Task SetStandingAsync(int organisationId, OrganisationStanding standing) => app.WithDbAsync(async db =>
    {
        var organisation = await db.Set<Organisation>().SingleAsync(o => o.Id == organisationId);
        if (organisation.Standing == standing)
        {
            return;
        }
        if (organisation.Standing == OrganisationStanding.Suspended)
        {
            organisation.Reinstate("Set up for the row.", "Test", DateTime.UtcNow);
        }
        if (standing == OrganisationStanding.Verified && organisation.Standing == OrganisationStanding.Unverified)
        {
            organisation.Verify("Set up for the row.", "Test", DateTime.UtcNow);
        }
        if (standing == OrganisationStanding.Suspended)
        {
            organisation.Suspend("Set up for the row.", "Test", DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
    });
}
