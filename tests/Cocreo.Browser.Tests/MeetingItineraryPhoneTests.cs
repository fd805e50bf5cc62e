using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.Profiles;
using Cocreo.Web.Features.Organisations;
using Cocreo.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cocreo.Browser.Tests;

/// <summary>
/// The phone test for meetings (320 px): a resident registers with needs and answers the meeting's attribute,
/// a facilitator checks them in by their code at the door and computes the table plan from those checked in, and the
/// resident sees their own tables round by round. Every page visited passes axe and needs no sideways scrolling.
/// </summary>
public sealed class MeetingItineraryPhoneTests(ServedApp app, Chromium chromium) : IClassFixture<ServedApp>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Register_with_needs_get_checked_in_and_see_the_itinerary_on_a_320_px_phone()
    {
        var lead = await app.CreateUserAsync("Lena Lead");
        var resident = await app.CreateUserAsync("Rok Resident");
        var others = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            others.Add((await app.CreateUserAsync($"Guest {i}")).Id);
        }
        var meetingId = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var city = Organisation.Create("Town of Kras", OrganisationType.Municipality, SizeBand.Small, "SI", ["en", "sl"], now);
            city.AddMember(lead.Id, OrganisationRole.Administrator, now);
            db.Add(city);
            await db.SaveChangesAsync();
            var process = Process.Start(city.Id, new ProcessContent("Streets for people", "Streets are built for cars.", "What the streets are for.", "en", "Lena Lead", "", ""), ProcessVisibility.Public, now);
            process.Join(lead.Id, ProcessRole.Owner, now);
            db.Add(process);
            await db.SaveChangesAsync();
            var start = now.AddDays(3);
            var meeting = Meeting.Plan(city.Id, process.Id, new MeetingDetails("World Café on streets", "Three rounds at small tables.", start, start.AddHours(2),
                MeetingKind.InPerson, new MeetingPlace("Trg 1", "Hall", true, false, true, ""), null, 30, true), now, "en");
            db.Add(meeting);
            await db.SaveChangesAsync();
            var set = MeetingAttributeSet.For(meeting.Id);
            set.Set(MeetingAttributeSet.Parse("Group\nResident | 60\nBusiness | 20\nVisitor | 20"));
            db.Add(set);
            foreach (var id in others)
            {
                var registration = MeetingRegistration.For(meeting.Id, id, MeetingNeeds.None, hasPlace: true, now);
                registration.CheckIn(now);
                db.Add(registration);
            }
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        async Task<(IBrowserContext Context, IPage Page)> PhoneAsync(string email)
        {
            var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 320, Height = 640 },
                IsMobile = true,
                HasTouch = true,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in?culture=en");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(Cocreo.Web.Testing.CocreoApp.TestPassword);
            await page.Locator("#Input_Password").PressAsync("Enter");
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
            return (context, page);
        }
        static async Task CheckAsync(IPage page)
        {
            await page.AssertNoSeriousViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "sideways scrolling on " + page.Url);
        }

        // The resident registers with a need and an answer.
        var (residentContext, page) = await PhoneAsync(resident.Email!);
        await page.GotoAsync($"/meetings/{meetingId}");
        await CheckAsync(page);
        await page.Locator("#Needs_Diet").FillAsync("Vegetarian");
        await page.Locator("#Answers_0").SelectOptionAsync("Visitor");
        await page.Locator("main form[action*='handler=Register'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You are registered.");
        await CheckAsync(page);
        var code = (await page.Locator("main .check-in-code .code").TextContentAsync())!.Trim();

        // At the door the facilitator types the code, then computes the plan from those checked in.
        var (leadContext, door) = await PhoneAsync(lead.Email!);
        await door.GotoAsync($"/meetings/{meetingId}/attendance");
        await CheckAsync(door);
        await door.Locator("#code").FillAsync(code);
        await door.Locator("main form[action*='handler=CheckIn'] button[type=submit]").First.ClickAsync();
        await Assertions.Expect(door.Locator("main")).ToContainTextAsync("Rok Resident is checked in.");
        await CheckAsync(door);
        await door.GotoAsync($"/meetings/{meetingId}/table-plan");
        await CheckAsync(door);
        await door.Locator("#Input_Tables").FillAsync("2");
        await door.Locator("#Input_Rounds").FillAsync("2");
        await door.Locator("#basis-checked-in").CheckAsync();
        await door.Locator("main form[method='post'] button[type=submit]").ClickAsync();
        await Assertions.Expect(door.Locator("#plan-summary")).ToContainTextAsync("6 people seated");
        await CheckAsync(door);
        await door.GotoAsync($"/meetings/{meetingId}/table-plan/cards");
        await CheckAsync(door);

        // The resident sees their own tables.
        await page.GotoAsync($"/meetings/{meetingId}");
        await Assertions.Expect(page.Locator("#my-itinerary li").First).ToContainTextAsync("Round 1 — table");
        Assert.Equal(2, await page.Locator("#my-itinerary li").CountAsync());
        await CheckAsync(page);
        Assert.True(await app.WithDbAsync(db => db.Set<MeetingProfile>().AnyAsync(p => p.MeetingId == meetingId)));

        await residentContext.CloseAsync();
        await leadContext.CloseAsync();
    }
}
