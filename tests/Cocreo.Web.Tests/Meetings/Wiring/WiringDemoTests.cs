using Cocreo.Web.Features.Meetings;
using Cocreo.Web.Features.Meetings.TablePlans;
using Cocreo.Web.Tests.Fuzz;
using Cocreo.Web.Tests.Meetings.RunSheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Meetings.Wiring;

/// <summary>A newcomer to the demo city finds the World Café's table cards with each round's question from its run sheet.</summary>
public sealed class WiringDemoTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    [Fact]
    public async Task The_demo_world_cafe_cards_show_the_run_sheet_questions()
    {
        var cafe = await app.WithDbAsync(db => db.Set<Meeting>().SingleAsync(m => m.IsDemo && m.Title == TablePlanDemo.Title));
        var sheet = (await RunSheetSteps.SheetAsync(app, cafe.Id))!;
        var questions = sheet.Blocks.Where(b => b.Kind == Cocreo.Meetings.RunSheets.BlockKind.Round).Select(b => b.RoundQuestion).ToList();
        Assert.Equal(3, questions.Count);

        await using var scope = app.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<TablePlanReader>().ViewAsync(cafe.Id, CancellationToken.None);

        Assert.NotNull(view);
        Assert.Equal(questions, view.Questions.Select(q => q.Question));
        Assert.Equal(sheet.Blocks.Where(b => b.Kind == Cocreo.Meetings.RunSheets.BlockKind.Round).Select(b => (DateTimeOffset?)b.Start), view.Questions.Select(q => q.Start));
    }
}
