using System.Net;
using System.Security.Claims;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Localization;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Capabilities;

/// <summary>
/// A capability that lives in this test assembly joins the platform through one manifest line: its slot shows on the
/// process page, its use case runs through the change runner (permission asked, logged, saved), and the public log
/// describes its action in words and still verifies.
/// </summary>
public sealed class ThrowawayCapabilityTests(ThrowawayCapabilityTests.App app) : IClassFixture<ThrowawayCapabilityTests.App>
{
    public sealed class App : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices((context, services) => services.AddCapability(new ThrowawayCapability(), context.Configuration));
        }
    }

    [Fact]
    public async Task Its_slot_shows_on_the_process_page()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        var page = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.Contains($"Throwaway slot of process {cast.ProcessId}", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_change_is_permitted_logged_described_and_verified()
    {
        var cast = await Scenarios.ProcessWithCastAsync(app);
        await RunAsync(cast.Owner.Id, new NoteSomething.Command(cast.ProcessId, "A note"));

        var log = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/log");
        Assert.Contains("Noted something throwaway", log.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The chain is intact.", log.Body.TextContent, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<RefusedException>(() => RunAsync(cast.Participant.Id, new NoteSomething.Command(cast.ProcessId, "Not mine")));
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal.Kind);
        var after = await cast.AnonymousClient.GetOkPageAsync($"/processes/{cast.ProcessId}/log");
        Assert.DoesNotContain("Not mine", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platform_without_it_shows_no_such_slot()
    {
        await using var plain = new SqliteApp();
        var cast = await Scenarios.ProcessWithCastAsync(plain);
        var (response, page) = await cast.AnonymousClient.GetPageAsync($"/processes/{cast.ProcessId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Throwaway slot", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task RunAsync(string userId, NoteSomething.Command command)
    {
        using var scope = app.Services.CreateScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        await scope.ServiceProvider.GetRequiredService<ChangeRunner>()
            .RunAsync(scope.ServiceProvider.GetRequiredService<NoteSomething.Handler>(), command, user, CancellationToken.None);
    }
}

/// <summary>The manifest: one slot on the process page, one log action.</summary>
public sealed class ThrowawayCapability : Capability
{
    public override string Name => "throwaway";

    public override Type Text => typeof(SharedText);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Sections, typeof(ThrowawaySlotViewComponent), Order: 99)];

    public override IReadOnlyList<LogActionText> LogActions => [("throwaway.noted", "Noted something throwaway")];
}

public sealed class ThrowawaySlotViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ProcessView process) => Content($"Throwaway slot of process {process.Process.Id}");
}

/// <summary>Its one use case: the process's team notes something in the log.</summary>
public static class NoteSomething
{
    public sealed record Command(int ProcessId, string Text) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Edit;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            change.Log("throwaway.noted", new { text = command.Text });
            return Task.FromResult(new Done());
        }
    }
}
