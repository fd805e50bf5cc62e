using Cocreo.Web.Platform.Log;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cocreo.Web.Features.JourneyMapping;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cocreo.Web.Tests.JourneyMapping.Journeys;

namespace Cocreo.Web.Tests.JourneyMapping;

/// <summary>Co-Renew from the journey model to the renewal plan, on each database.</summary>
public abstract class JourneyMappingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task A_new_map_starts_with_the_usual_stages_and_tags_and_every_change_to_it_is_logged()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        var map = await MapAsync(App, id);
        Assert.Equal(["Find information", "Prepare and apply", "Submit", "Wait", "Decision", "Use and follow-up"], map.ActiveStages.Select(s => s.Name));
        Assert.Equal(["Channels that don't connect", "Hard to navigate", "Inconsistent information", "Jargon", "No help when needed"], map.ActivePainTags.Select(t => t.Name));
        var stages = map.ActiveStages.ToList();

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(cast.FacilitatorClient, id, "AddStage", new() { ["name"] = "Pay the fee" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(cast.FacilitatorClient, id, "ChangeStage", new() { ["stageId"] = Id(stages[2].Id), ["name"] = "Send the application", ["description"] = "Online, by post or at the desk." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(cast.FacilitatorClient, id, "MoveStage", new() { ["stageId"] = Id(stages[1].Id), ["direction"] = "-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(cast.FacilitatorClient, id, "AddTouchpoint", new() { ["stageId"] = Id(stages[0].Id), ["channel"] = "Phone", ["actor"] = "Call centre" })).StatusCode);

        map = await MapAsync(App, id);
        Assert.Equal(["Prepare and apply", "Find information", "Send the application", "Wait", "Decision", "Use and follow-up", "Pay the fee"], map.ActiveStages.Select(s => s.Name));
        var touchpoint = Assert.Single(map.Stage(stages[0].Id).Touchpoints);
        Assert.Equal((Channel.Phone, "Call centre"), (touchpoint.Channel, touchpoint.Actor));
        Assert.Equal(["journey.created", "stage.added", "stage.changed", "stage.moved", "touchpoint.added"], (await LogActionsAsync(App, cast.ProcessId)).Where(a => !a.StartsWith("member.", StringComparison.Ordinal) && a != "process.created"));
        var verification = await App.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(cast.ProcessId));
        Assert.True(verification.IsIntact, verification.Describe());

        // A broken rule shows the page again with the message, and changes nothing.
        var empty = await EditAsync(cast.FacilitatorClient, id, "ChangeStage", new() { ["stageId"] = Id(stages[2].Id), ["name"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Fill in the name: it cannot be empty.", (await FormClient.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Send the application", (await MapAsync(App, id)).Stage(stages[2].Id).Name);
        // What was typed stays in the form, to be fixed rather than typed again.
        var tooLong = new string('x', JourneyLimits.Name + 1);
        var longName = await EditAsync(cast.FacilitatorClient, id, "ChangeStage", new() { ["stageId"] = Id(stages[2].Id), ["name"] = tooLong, ["description"] = "By post only." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longName.StatusCode);
        var longNamePage = await FormClient.ParseAsync(longName);
        Assert.Contains("A text is too long.", longNamePage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, longNamePage.GetElementById($"s{stages[2].Id}-name")!.GetAttribute("value"));
        Assert.Equal("By post only.", longNamePage.GetElementById($"s{stages[2].Id}-description")!.TextContent);
        Assert.Equal("Find information", longNamePage.GetElementById($"s{stages[0].Id}-name")!.GetAttribute("value"));
        Assert.Equal("Send the application", (await MapAsync(App, id)).Stage(stages[2].Id).Name);
        Assert.Equal(5, (await LogActionsAsync(App, cast.ProcessId)).Count(a => a.StartsWith("stage.", StringComparison.Ordinal) || a.StartsWith("touchpoint.", StringComparison.Ordinal) || a == "journey.created"));
    }

    [Fact]
    public async Task A_stage_with_contributions_is_retired_not_deleted_and_keeps_them_while_an_unused_one_is_removed()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var stages = map.ActiveStages.ToList();
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TellAsync(visitor, token, stages[3].Id, 1, pain: "Three weeks without news.")).StatusCode);

        await EditAsync(cast.OwnerClient, id, "RemoveStage", new() { ["stageId"] = Id(stages[3].Id) });
        await EditAsync(cast.OwnerClient, id, "RemoveStage", new() { ["stageId"] = Id(stages[4].Id) });

        map = await MapAsync(App, id);
        Assert.True(map.Stage(stages[3].Id).IsRetired);
        Assert.DoesNotContain(map.Stages, s => s.Id == stages[4].Id);
        Assert.DoesNotContain(map.ActiveStages, s => s.Id == stages[3].Id);
        var kept = await App.WithDbAsync(db => db.Set<StageExperience>().SingleAsync(e => e.JourneyMapId == id));
        Assert.Equal(stages[3].Id, kept.StageId);
        Assert.Equal("Three weeks without news.", kept.PainPoint);

        // The retired stage stays on the dashboard with its contribution, named as retired.
        var dashboard = await cast.OwnerClient.GetOkPageAsync($"/journeys/{id}/dashboard");
        Assert.Contains("Wait (retired)", dashboard.QuerySelector("#curve-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var actions = await LogActionsAsync(App, cast.ProcessId);
        Assert.Contains("stage.retired", actions);
        Assert.Contains("stage.removed", actions);
    }

    [Fact]
    public async Task A_service_user_contributes_without_an_account_and_only_their_role_reaches_the_public_log()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var stages = map.ActiveStages.ToList();
        var visitor = App.NewClient();

        var welcome = await visitor.GetOkPageAsync($"/j/{map.JoinCode.ToLowerInvariant()}");
        Assert.Contains("No account needed", welcome.Body!.TextContent, StringComparison.Ordinal);
        var token = await StartAsync(visitor, map.JoinCode);

        var first = await visitor.Http.GetAsync($"/journeys/c/{token}");
        Assert.Equal($"/journeys/c/{token}?stage={stages[0].Id}", first.Headers.Location!.OriginalString);
        var stagePage = await visitor.GetOkPageAsync(first.Headers.Location.OriginalString);
        Assert.Equal(5, stagePage.QuerySelectorAll("input[name='Input.Rating']").Length);
        Assert.Contains("Very bad", stagePage.QuerySelector("fieldset.rating")!.TextContent, StringComparison.Ordinal);

        var tag = map.ActivePainTags.First(t => t.Name == "Jargon");
        var told = await TellAsync(visitor, token, stages[0].Id, 2, "I read the website.", "The words are legal jargon.", "Plain words, please.", tags: [tag.Id]);
        Assert.Equal($"/journeys/c/{token}?stage={stages[1].Id}", told.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(visitor, token)).StatusCode);

        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().Include(c => c.Experiences).ThenInclude(e => e.PainTags).SingleAsync(c => c.JourneyMapId == id));
        Assert.Null(contribution.UserId);
        Assert.Null(contribution.PublicName);
        Assert.Equal(Gathering.Online, contribution.Gathering);
        Assert.NotNull(contribution.SubmittedAt);
        Assert.NotEqual(token, contribution.TokenHash);
        var experience = Assert.Single(contribution.Experiences);
        Assert.Equal((2, "The words are legal jargon.", "Plain words, please."), (experience.Rating, experience.PainPoint, experience.Idea));
        Assert.Equal(tag.Id, Assert.Single(experience.PainTags).PainPointTagId);

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var submitted = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "contribution.submitted");
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("actorName").ValueKind);
        Assert.Equal("service-user", submitted.GetProperty("actorRole").GetString());
        Assert.DoesNotContain("legal jargon", log.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Plain words", log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_that_identifies_a_device_or_an_address_is_part_of_a_contribution()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<Cocreo.Web.Data.CocreoDbContext>().Model;
        var columns = new[] { typeof(JourneyContribution), typeof(StageExperience), typeof(IdeaSupport), typeof(ProfileAnswer) }
            .SelectMany(t => model.FindEntityType(t)!.GetProperties().Select(p => p.Name)).ToList();
        Assert.Contains("TokenHash", columns);
        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.Ordinal) || c.Contains("Address", StringComparison.Ordinal) ||
            c.Contains("Agent", StringComparison.Ordinal) || c.Contains("Device", StringComparison.Ordinal) || c.Contains("Fingerprint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_contribution_keeps_what_was_entered_and_the_resume_link_goes_on_where_it_stopped()
    {
        var (_, _, map) = await MapWithCastAsync();
        var stages = map.ActiveStages.ToList();
        var phone = App.NewClient();
        var token = await StartAsync(phone, map.JoinCode);
        await TellAsync(phone, token, stages[0].Id, 4, "Found it quickly.");
        await TellAsync(phone, token, stages[1].Id, 2, "The form asked for a paper I did not have.");

        // Later, on another device, with only the link.
        var laptop = App.NewClient();
        var resume = await laptop.Http.GetAsync($"/journeys/c/{token}");
        Assert.Equal($"/journeys/c/{token}?stage={stages[2].Id}", resume.Headers.Location!.OriginalString);
        var back = await laptop.GetOkPageAsync($"/journeys/c/{token}?stage={stages[1].Id}");
        Assert.Equal("The form asked for a paper I did not have.", back.GetElementById("Input_WhatHappened")!.TextContent);
        Assert.True(back.GetElementById("rating-2")!.HasAttribute("checked"));
        Assert.Equal(2, back.QuerySelectorAll(".walk-progress li.told").Length);

        // The browser that started is offered to continue.
        var again = await phone.GetOkPageAsync($"/j/{map.JoinCode}");
        Assert.Contains($"/journeys/c/{token}", again.QuerySelector("a.button")!.GetAttribute("href"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await laptop.Http.GetAsync($"/journeys/c/{new string('x', 43)}")).StatusCode);
    }

    [Fact]
    public async Task Oversize_text_is_refused_with_a_message_and_kept_in_the_form_while_earlier_stages_stay_saved()
    {
        var (_, id, map) = await MapWithCastAsync();
        var stages = map.ActiveStages.ToList();
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        await TellAsync(visitor, token, stages[0].Id, 3);

        var essay = new string('a', JourneyLimits.ContributionText + 1);
        var response = await TellAsync(visitor, token, stages[1].Id, 2, happened: essay);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Contains("at most 2000 characters", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(essay, page.GetElementById("Input_WhatHappened")!.TextContent);
        var saved = await App.WithDbAsync(db => db.Set<StageExperience>().Where(e => e.JourneyMapId == id).Select(e => e.StageId).ToListAsync());
        Assert.Equal([stages[0].Id], saved);

        var noRating = await PostAsync(visitor, $"/journeys/c/{token}?stage={stages[1].Id}&handler=Stage", new Dictionary<string, string> { ["Input.WhatHappened"] = "Short." });
        Assert.Contains("Choose how this stage felt.", await noRating.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_supports_another_persons_idea_once_and_not_their_own()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var stage = map.ActiveStages.First();
        var author = App.NewClient();
        var authorToken = await StartAsync(author, map.JoinCode);
        await TellAsync(author, authorToken, stage.Id, 2, idea: "One page with all the rules.");
        var idea = await App.WithDbAsync(db => db.Set<StageExperience>().SingleAsync(e => e.JourneyMapId == id));

        var reader = App.NewClient();
        var readerToken = await StartAsync(reader, map.JoinCode);
        // Supporting needs a journey of one's own: the page says so (not in the status banner) and nothing is saved.
        var tooEarly = await SupportAsync(reader, id, readerToken, idea.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        var tooEarlyPage = await FormClient.ParseAsync(tooEarly);
        Assert.Contains("Tell us about at least one stage of your own journey", tooEarlyPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(tooEarlyPage.QuerySelector("[role=status]"));
        Assert.Equal(0, await SupportsAsync(idea.Id));

        await TellAsync(reader, readerToken, stage.Id, 3);
        var form = await reader.ReadFormAsync($"/journeys/{id}/ideas/{readerToken}", "Support");
        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reader.PostAsync(form.Action, form.Fields)));
        Assert.All(parallel, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await SupportAsync(reader, id, readerToken, idea.Id);
        var ownIdea = await SupportAsync(author, id, authorToken, idea.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ownIdea.StatusCode);
        Assert.Contains("This is your own idea", await ownIdea.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(1, await SupportsAsync(idea.Id));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<StageExperience>().Where(e => e.Id == idea.Id).Select(e => e.SupportCount).SingleAsync()));
        var page = await reader.GetOkPageAsync($"/journeys/{id}/ideas/{readerToken}");
        Assert.Contains("You support this idea", page.GetElementById($"idea-{idea.Id}")!.TextContent, StringComparison.Ordinal);
        var own = await author.GetOkPageAsync($"/journeys/{id}/ideas/{authorToken}");
        Assert.Contains("Your idea", own.GetElementById($"idea-{idea.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await LogActionsAsync(App, cast.ProcessId), a => a == "idea.supported");
    }

    [Fact]
    public async Task Staff_enter_a_journey_gathered_on_paper_marked_as_assisted_and_the_person_gets_a_link_to_follow_it()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var stages = map.ActiveStages.ToList();
        var response = await cast.FacilitatorClient.SubmitAsync($"/journeys/{id}/assisted", new()
        {
            ["Input.Gathering"] = "Paper",
            ["Input.Stages[3].Rating"] = "1",
            ["Input.Stages[3].PainPoint"] = "Nobody answered the phone.",
            ["Input.Stages[5].Rating"] = "4",
            ["Input.Stages[5].Idea"] = "Renew without a new form.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("entered=", location, StringComparison.Ordinal);
        var confirmation = await cast.FacilitatorClient.GetOkPageAsync(location);
        var link = confirmation.QuerySelector(".resume-link a")!.GetAttribute("href")!;
        Assert.Contains($"/journeys/{id}/plan/", link, StringComparison.Ordinal);

        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().Include(c => c.Experiences).SingleAsync(c => c.JourneyMapId == id));
        Assert.Equal(Gathering.Paper, contribution.Gathering);
        Assert.True(contribution.IsAssisted);
        Assert.Equal(cast.Facilitator.Id, contribution.EnteredByUserId);
        Assert.Equal([stages[3].Id, stages[5].Id], contribution.Experiences.Select(e => e.StageId).Order());
        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var entered = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "contribution.entered");
        Assert.Equal("Facilitator Fran", entered.GetProperty("actorName").GetString());
        Assert.Equal("Paper", entered.GetProperty("data").GetProperty("gathering").GetString());

        var textWithoutRating = await cast.FacilitatorClient.SubmitAsync($"/journeys/{id}/assisted", new() { ["Input.Gathering"] = "Phone", ["Input.Stages[0].PainPoint"] = "Long queue." });
        Assert.Equal(HttpStatusCode.OK, textWithoutRating.StatusCode);
        Assert.Contains("Choose how this stage felt, or leave the stage empty.", await textWithoutRating.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var online = await cast.FacilitatorClient.SubmitAsync($"/journeys/{id}/assisted", new() { ["Input.Gathering"] = "Online", ["Input.Stages[0].Rating"] = "3" });
        Assert.Equal(HttpStatusCode.OK, online.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == id)));
    }

    [Fact]
    public async Task The_dashboard_and_its_export_follow_segment_gathering_and_channel_filters()
    {
        var (cast, id, map) = await MapWithCastAsync();
        await Journeys.PostAsync(cast.OwnerClient, $"/journeys/{id}/questions?handler=AddQuestion", new Dictionary<string, string> { ["text"] = "Age", ["options"] = "Under 65 | 78\n65 or older | 22" });
        map = await MapAsync(App, id);
        var stages = map.ActiveStages.ToList();
        await EditAsync(cast.OwnerClient, id, "AddTouchpoint", new() { ["stageId"] = Id(stages[0].Id), ["channel"] = "Online", ["actor"] = "Website" });
        await EditAsync(cast.OwnerClient, id, "AddTouchpoint", new() { ["stageId"] = Id(stages[0].Id), ["channel"] = "Phone", ["actor"] = "Call centre" });
        map = await MapAsync(App, id);
        var age = map.ActiveQuestions.Single();
        var (young, old) = (age.ActiveOptions.First(), age.ActiveOptions.Last());
        var website = map.Stage(stages[0].Id).Touchpoints.Single(t => t.Channel == Channel.Online);
        var callCentre = map.Stage(stages[0].Id).Touchpoints.Single(t => t.Channel == Channel.Phone);

        async Task ContributeAsync(int rating, int option, int touchpoint, string? idea = null)
        {
            var client = App.NewClient();
            var token = await StartAsync(client, map.JoinCode);
            await TellAsync(client, token, stages[0].Id, rating, idea: idea, touchpoints: [touchpoint]);
            await PostAsync(client, $"/journeys/c/{token}?handler=About", new Dictionary<string, string> { [$"Answers[{age.Id}]"] = Id(option) });
        }
        await ContributeAsync(5, young.Id, website.Id, "=HYPERLINK(\"http://evil\")");
        await ContributeAsync(4, young.Id, website.Id);
        await ContributeAsync(1, old.Id, callCentre.Id);
        await cast.FacilitatorClient.SubmitAsync($"/journeys/{id}/assisted", new() { ["Input.Gathering"] = "InPerson", ["Input.Stages[0].Rating"] = "2", [$"Input.Answers[{age.Id}]"] = Id(old.Id) });

        async Task<JsonElement> FiguresAsync(string query) =>
            await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/journeys/{id}/dashboard{query}");
        double MeanOfFirstStage(JsonElement figures) => figures.GetProperty("stages")[0].GetProperty("mean").GetDouble();

        var everyone = await FiguresAsync("");
        Assert.Equal(4, everyone.GetProperty("contributions").GetInt32());
        Assert.Equal(3.0, MeanOfFirstStage(everyone));
        Assert.Equal(4.5, MeanOfFirstStage(await FiguresAsync($"?segment={young.Id}")));
        Assert.Equal(1.5, MeanOfFirstStage(await FiguresAsync($"?segment={old.Id}")));
        Assert.Equal(2.0, MeanOfFirstStage(await FiguresAsync("?gathering=assisted")));
        Assert.Equal(2.0, MeanOfFirstStage(await FiguresAsync("?gathering=InPerson")));
        Assert.Equal(3.33, MeanOfFirstStage(await FiguresAsync("?gathering=online")), 2);
        Assert.Equal(1.0, MeanOfFirstStage(await FiguresAsync("?channel=Phone")));
        Assert.Equal(0, (await FiguresAsync($"?segment={young.Id}&channel=Phone")).GetProperty("contributions").GetInt32());
        var heat = everyone.GetProperty("heat").EnumerateArray().ToList();
        Assert.Equal(4.5, heat.Single(h => h.GetProperty("channel").GetString() == "Online").GetProperty("mean").GetDouble());

        var page = await cast.OwnerClient.GetOkPageAsync($"/journeys/{id}/dashboard?segment={old.Id}&compare={age.Id}");
        Assert.True(page.QuerySelectorAll("svg[role=img]").Length >= 4);
        Assert.All(page.QuerySelectorAll("svg[role=img]"), svg => Assert.False(string.IsNullOrEmpty(svg.GetAttribute("aria-labelledby"))));
        Assert.Contains("2 contributions", page.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#segment-{age.Id} option[value='{old.Id}'][selected]"));

        var csv = await cast.OwnerClient.Http.GetStringAsync($"/api/v1/journeys/{id}/export.csv?segment={young.Id}");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("contribution,gathering,submitted,public_name,Age,stage_position", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.ParticipantClient.Http.GetAsync($"/api/v1/journeys/{id}/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.OtherStaffClient.Http.GetAsync($"/api/v1/journeys/{id}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task The_team_links_input_to_a_backlog_item_and_its_author_sees_what_became_of_it()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var wait = map.ActiveStages.Single(s => s.Name == "Wait");
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        await TellAsync(visitor, token, wait.Id, 1, pain: "No news for three weeks.", idea: "Tell me the expected date.");
        var experience = await App.WithDbAsync(db => db.Set<StageExperience>().SingleAsync(e => e.JourneyMapId == id));

        var added = await cast.OwnerClient.SubmitAsync($"/journeys/{id}/backlog", new()
        {
            ["Input.Title"] = "Send the expected decision date",
            ["Input.Description"] = "A message on the day you apply.",
            ["Input.StageId"] = Id(wait.Id),
            ["Input.Owner"] = "Traffic Office",
            ["Input.Status"] = "Planned",
        });
        var itemPath = added.Headers.Location!.OriginalString;
        Assert.StartsWith($"/journeys/{id}/backlog/", itemPath, StringComparison.Ordinal);
        var candidates = await cast.OwnerClient.GetOkPageAsync(itemPath + "?kind=Idea");
        Assert.Contains("Tell me the expected date.", candidates.Body!.TextContent, StringComparison.Ordinal);
        var link = await PostAsync(cast.OwnerClient, itemPath + "?handler=Link", new Dictionary<string, string> { ["experienceId"] = Id(experience.Id), ["kind"] = "Idea" });
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        await PostAsync(cast.OwnerClient, itemPath + "?handler=Link", new Dictionary<string, string> { ["experienceId"] = Id(experience.Id), ["kind"] = "Idea" });
        var wrongKind = await PostAsync(cast.OwnerClient, itemPath + "?handler=Link", new Dictionary<string, string> { ["experienceId"] = Id(experience.Id + 1000), ["kind"] = "PainPoint" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);
        var wrongKindPage = await FormClient.ParseAsync(wrongKind);
        Assert.Contains("This input cannot be linked", wrongKindPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        // The item's own form is shown again as it is, not emptied.
        Assert.Equal("Send the expected decision date", wrongKindPage.GetElementById("Input_Title")!.GetAttribute("value"));

        var item = await App.WithDbAsync(db => db.Set<BacklogItem>().Include(i => i.Links).SingleAsync(i => i.JourneyMapId == id));
        Assert.Equal(BacklogStatus.Planned, item.Status);
        Assert.Equal((experience.Id, InputKind.Idea), (Assert.Single(item.Links).StageExperienceId, item.Links[0].Kind));

        var mine = await visitor.GetOkPageAsync($"/journeys/{id}/plan/{token}");
        var yours = mine.QuerySelector(".your-input")!.TextContent;
        Assert.Contains("Tell me the expected date.", yours, StringComparison.Ordinal);
        Assert.Contains("Send the expected decision date", yours, StringComparison.Ordinal);
        Assert.Contains("Not part of a plan item yet.", yours, StringComparison.Ordinal);
        var publicPlan = await App.NewClient().GetOkPageAsync($"/journeys/{id}/plan");
        Assert.Contains("Traffic Office", publicPlan.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(publicPlan.QuerySelector(".your-input"));
        var actions = await LogActionsAsync(App, cast.ProcessId);
        Assert.Equal(1, actions.Count(a => a == "backlog.linked"));
        Assert.Contains("backlog.added", actions);
    }

    [Fact]
    public async Task Backlog_items_added_at_the_same_time_are_each_saved_and_logged_once()
    {
        var (cast, id, _) = await MapWithCastAsync();
        // Each addition appends to the process's log; the ones that lose the race for the log's head are retried.
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => cast.OwnerClient.SubmitAsync($"/journeys/{id}/backlog", new()
        {
            ["Input.Title"] = $"Improvement {i}",
            ["Input.Status"] = "Proposed",
            ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var titles = await App.WithDbAsync(db => db.Set<BacklogItem>().Where(i => i.JourneyMapId == id).Select(i => i.Title).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Improvement {i}").Order(), titles.Order());
        Assert.Equal(12, (await LogActionsAsync(App, cast.ProcessId)).Count(a => a == "backlog.added"));
        Assert.True((await App.WithDbAsync(db => new ProcessLog(db, TimeProvider.System).VerifyAsync(cast.ProcessId))).IsIntact);
    }

    [Fact]
    public async Task A_hidden_contribution_shows_its_public_reason_instead_and_leaves_the_dashboard()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var stage = map.ActiveStages.First();
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        var jargon = map.ActivePainTags.Single(t => t.Name == "Jargon");
        await TellAsync(visitor, token, stage.Id, 1, idea: "Fire the clerk Janez Novak, he is an idiot.", tags: [jargon.Id]);
        var contribution = await App.WithDbAsync(db => db.Set<JourneyContribution>().SingleAsync(c => c.JourneyMapId == id));
        async Task<int> JargonAsync() => (await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/journeys/{id}/dashboard"))
            .GetProperty("painTags").EnumerateArray().Where(t => t.GetProperty("tag").GetString() == "Jargon").Sum(t => t.GetProperty("count").GetInt32());
        Assert.Equal(1, await JargonAsync());

        var noReason = await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Hide", new Dictionary<string, string> { ["contributionId"] = Id(contribution.Id), ["reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason for hiding", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var hide = await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Hide", new Dictionary<string, string> { ["contributionId"] = Id(contribution.Id), ["reason"] = "It insulted a named member of staff." });
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);

        var ideas = await App.NewClient().GetOkPageAsync($"/journeys/{id}/ideas");
        Assert.DoesNotContain("Janez Novak", ideas.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("It insulted a named member of staff.", ideas.Body.TextContent, StringComparison.Ordinal);
        var figures = await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/journeys/{id}/dashboard");
        Assert.Equal(0, figures.GetProperty("contributions").GetInt32());
        // Its tags and touchpoints carry the visibility too: they leave the dashboard with it.
        Assert.Equal(0, await JargonAsync());
        var own = await visitor.GetOkPageAsync($"/journeys/{id}/plan/{token}");
        Assert.Contains("It insulted a named member of staff.", own.QuerySelector(".your-input")!.TextContent, StringComparison.Ordinal);

        var log = await cast.AnonymousClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{cast.ProcessId}/log");
        var hidden = log.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "contribution.hidden");
        Assert.Equal("It insulted a named member of staff.", hidden.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal("Owner Olga", hidden.GetProperty("actorName").GetString());

        await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Show", new Dictionary<string, string> { ["contributionId"] = Id(contribution.Id) });
        Assert.Equal(1, (await cast.OwnerClient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/journeys/{id}/dashboard")).GetProperty("contributions").GetInt32());
        Assert.Equal(1, await JargonAsync());
        // Showing it again twice changes nothing more.
        await PostAsync(cast.OwnerClient, $"/journeys/{id}/contributions?handler=Show", new Dictionary<string, string> { ["contributionId"] = Id(contribution.Id) });
        Assert.Equal(1, (await LogActionsAsync(App, cast.ProcessId)).Count(a => a == "contribution.shown"));
    }

    [Fact]
    public async Task A_refused_change_says_the_real_reason_and_changes_nothing()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var before = await LogActionsAsync(App, cast.ProcessId);

        // Who the person is: a participant does not run the map.
        var participant = await EditAsync(cast.ParticipantClient, id, "AddStage", new() { ["name"] = "Pay" });
        Assert.Equal(HttpStatusCode.Forbidden, participant.StatusCode);
        var text = await participant.Content.ReadAsStringAsync();
        Assert.Contains("Only the process&#x27;s owner and facilitators, and the organisation&#x27;s administrators, change the journey map.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("does not have the role", text, StringComparison.Ordinal);
        var dashboard = await cast.OtherStaffClient.Http.GetAsync($"/journeys/{id}/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        Assert.Contains("see the dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await cast.OtherStaffClient.Http.GetAsync($"/api/v1/journeys/{id}/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("see the dashboard", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The state of things: once the process is closed, even its team cannot change the map.
        await App.WithDbAsync(async db =>
        {
            var process = await db.Set<Cocreo.Web.Features.Processes.Process>().SingleAsync(p => p.Id == cast.ProcessId);
            while (!process.IsClosed)
            {
                process.AdvancePhase(DateTime.UtcNow);
            }
            await new ProcessLog(db, TimeProvider.System).AppendAsync(cast.ProcessId, LogActor.System, "process.closed");
            await db.SaveChangesAsync();
        });
        var closed = await EditAsync(cast.FacilitatorClient, id, "AddStage", new() { ["name"] = "Pay" });
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.Contains("The process is closed: it can no longer change.", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stillThere = await cast.FacilitatorClient.GetOkPageAsync($"/journeys/{id}");
        Assert.Contains(map.ServiceName, stillThere.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal([.. before, "process.closed"], await LogActionsAsync(App, cast.ProcessId));
        Assert.Equal(map.ActiveStages.Count(), (await MapAsync(App, id)).ActiveStages.Count());
    }

    [Fact]
    public async Task A_closed_map_takes_no_more_input_but_keeps_what_it_has()
    {
        var (cast, id, map) = await MapWithCastAsync();
        var visitor = App.NewClient();
        var token = await StartAsync(visitor, map.JoinCode);
        var close = await cast.OwnerClient.SubmitAsync($"/journeys/{id}/edit", new() { ["Input.IsOpen"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);

        var welcome = await App.NewClient().GetOkPageAsync($"/j/{map.JoinCode}");
        Assert.DoesNotContain(welcome.Forms, f => f.Method == "post" && !(f.Action ?? "").Contains("sign-out", StringComparison.Ordinal));
        // Refused with the real reason, to anyone: the map is closed (not "your account does not have the role").
        var refused = await TellAsync(visitor, token, map.ActiveStages.First().Id, 3);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This journey map is not taking contributions now.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<StageExperience>().CountAsync(e => e.JourneyMapId == id)));
        var lateStart = await PostAsync(App.NewClient(), $"/j/{map.JoinCode}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, lateStart.StatusCode);
        Assert.Contains("This journey map is not taking contributions now.", await lateStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<JourneyContribution>().CountAsync(c => c.JourneyMapId == id)));
        Assert.Contains("journey.closed", await LogActionsAsync(App, cast.ProcessId));
    }

    private async Task<int> SupportsAsync(int ideaId) => await App.WithDbAsync(db => db.Set<IdeaSupport>().CountAsync(s => s.StageExperienceId == ideaId));

    private async Task<(ProcessCast Cast, int Id, JourneyMap Map)> MapWithCastAsync()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var id = await CreateAsync(cast.OwnerClient, cast.ProcessId);
        return (cast, id, await MapAsync(App, id));
    }
}

public sealed class JourneyMappingOnSqlite(SqliteApp app) : JourneyMappingTests<SqliteApp>(app);

public sealed class JourneyMappingOnPostgres(PostgresApp app) : JourneyMappingTests<PostgresApp>(app);
