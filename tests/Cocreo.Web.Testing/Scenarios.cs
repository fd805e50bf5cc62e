using System.Net;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Cocreo.Web.Testing;

/// <summary>The people around one process, each with their own signed-in client.</summary>
public sealed record ProcessCast(
    int OrganisationId,
    int ProcessId,
    CocreoUser Owner,
    FormClient OwnerClient,
    CocreoUser Facilitator,
    FormClient FacilitatorClient,
    CocreoUser Participant,
    FormClient ParticipantClient,
    CocreoUser OtherStaff,
    FormClient OtherStaffClient,
    CocreoUser Admin,
    FormClient AdminClient,
    FormClient AnonymousClient);

/// <summary>Sets up what tests start from, through the same forms people use.</summary>
public static class Scenarios
{
    public static Dictionary<string, string> ProcessFields(string title = "A safer way to school") => new()
    {
        ["Input.Title"] = title,
        ["Input.Language"] = "en",
        ["Input.ProblemStatement"] = "Children say the walk to school is dangerous.",
        ["Input.Purpose"] = "Design changes the city will build next year.",
        ["Input.CanInfluence"] = "Where crossings go\nParking rules",
        ["Input.CannotInfluence"] = "The school's location",
        ["Input.SponsorName"] = "Ana Kovač",
        ["Input.SponsorMandate"] = "Up to €180,000.",
        ["Input.PoliticalBacking"] = "Council decision 45/2026.",
        ["Input.Visibility"] = "Public",
    };

    private static int organisations;

    /// <summary>
    /// Registers an organisation through the form. Names are unique on a platform, so the default name is numbered;
    /// the organisation is unverified, as every new one is (see <see cref="VerifyOrganisationAsync"/>).
    /// </summary>
    public static async Task<int> CreateOrganisationAsync(FormClient client, string? name = null)
    {
        name ??= $"Municipality of Testville {Interlocked.Increment(ref organisations)}";
        var response = await client.SubmitAsync("/organisations/new", new()
        {
            ["Input.Name"] = name,
            ["Input.Type"] = "Municipality",
            ["Input.Size"] = "Medium",
            ["Input.Country"] = "SI",
            ["Input.Languages"] = "sl, en",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdFrom(response, "/organisations/");
    }

    /// <summary>A platform administrator verifies the organisation through the administrators' page, so its public processes are listed.</summary>
    public static async Task VerifyOrganisationAsync(CocreoApp app, int organisationId, string reason = "Confirmed with the municipality's office by phone.")
    {
        var admin = await app.CreateUserAsync("Verifying Admin", platformAdmin: true);
        var client = await app.SignedInClientAsync(admin);
        var response = await client.PostAsync("/admin/organisations?handler=Verify", new()
        {
            ["organisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<int> CreateProcessAsync(FormClient client, int organisationId, Dictionary<string, string>? fields = null)
    {
        var response = await client.SubmitAsync($"/organisations/{organisationId}/processes/new", fields ?? ProcessFields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdFrom(response, "/processes/");
    }

    public static int IdFrom(HttpResponseMessage response, string prefix)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No redirect location.");
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return int.Parse(location[prefix.Length..].Split('/', '?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An organisation with a public process, its owner, a facilitator (organisation staff), a participant,
    /// staff of another organisation, a platform admin and an anonymous visitor.</summary>
    public static async Task<ProcessCast> ProcessWithCastAsync(CocreoApp app)
    {
        var owner = await app.CreateUserAsync("Owner Olga");
        var facilitator = await app.CreateUserAsync("Facilitator Fran");
        var participant = await app.CreateUserAsync("Participant Pia");
        var otherStaff = await app.CreateUserAsync("Other Staff Oto");
        var admin = await app.CreateUserAsync("Admin Ada", platformAdmin: true);

        var ownerClient = await app.SignedInClientAsync(owner);
        var organisationId = await CreateOrganisationAsync(ownerClient);
        var processId = await CreateProcessAsync(ownerClient, organisationId);

        var otherClient = await app.SignedInClientAsync(otherStaff);
        await CreateOrganisationAsync(otherClient);

        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Set<Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == organisationId);
            organisation.AddMember(facilitator.Id, OrganisationRole.Staff, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var addFacilitator = await ownerClient.SubmitAsync($"/processes/{processId}/members", new()
        {
            ["Add.Email"] = facilitator.Email!,
            ["Add.Role"] = "Facilitator",
        }, handler: "Add");
        Assert.Equal(HttpStatusCode.Redirect, addFacilitator.StatusCode);

        var participantClient = await app.SignedInClientAsync(participant);
        var join = await participantClient.SubmitAsync($"/processes/{processId}", [], handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, join.StatusCode);

        return new ProcessCast(organisationId, processId,
            owner, ownerClient,
            facilitator, await app.SignedInClientAsync(facilitator),
            participant, participantClient,
            otherStaff, otherClient,
            admin, await app.SignedInClientAsync(admin),
            app.NewClient());
    }

    /// <summary>The antiforgery token of this client's session, to post forms its person cannot open.</summary>
    public static async Task<string> AntiforgeryTokenAsync(FormClient client)
    {
        var (_, fields) = await client.ReadFormAsync("/account/sign-in");
        return fields["__RequestVerificationToken"];
    }
}
