using System.Text.Json;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Features.Transparency;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Budgeting;

/// <summary>
/// The demo city's participatory budget: a city-wide budget whose vote is counted and published (with anonymous demo
/// ballots from a demo census, a few of them on paper) and whose funded projects are being built, and a district
/// budget that is collecting proposals. Marked as demo; the ballots are generated from a fixed seed.
/// </summary>
public sealed class BudgetingDemo(CocreoDbContext db) : IDemoSeed
{
    public Task SeedAsync(DemoCity city, CancellationToken cancellationToken) =>
        SeedAsync(db, city.OrganisationId, city.Sponsor, city.Facilitator, city.Citizens, city.Log, city.Time, cancellationToken);

    private static async Task SeedAsync(CocreoDbContext db, int cityId, CocreoUser owner, CocreoUser facilitator, IReadOnlyList<CocreoUser> citizens, ProcessLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        DateTime Now() => time.GetUtcNow().UtcDateTime;
        var ownerActor = LogActor.Named(owner.DisplayName, "owner");
        var staffActor = LogActor.Named(facilitator.DisplayName, "facilitator");
        var process = Process.Start(cityId, new ProcessContent(
            "Participatory budget 2027",
            "Residents know best what their streets and parks need, but the city decides most small investments without them.",
            "Residents propose and choose projects for €180,000 of the 2027 budget, counted by the Method of Equal Shares, and follow them as they are built.",
            "en",
            "Ana Kovač, Head of the Mayor's Office",
            "The council set aside **€180,000** for projects chosen by residents: €120,000 city-wide and €60,000 for the Vrtača district and committed to build every funded project in 2027.",
            "Council decision 12/2026."),
            ProcessVisibility.Public, Now(), isDemo: true);
        process.SetScope(["Which projects are funded from the €180,000", "Where small investments go in public spaces"], ["Projects on private land", "The rest of the city budget"]);
        process.Join(owner.Id, ProcessRole.Owner, Now());
        process.Join(facilitator.Id, ProcessRole.Facilitator, Now());
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, ownerActor, "process.created", new { title = process.Title, visibility = "Public", phase = "ProblemDefinition" });

        var settings = new BudgetSettings(
            "City-wide budget 2027", "", "Ideas for the whole city: parks, streets, culture and sport.", 120_000m, "EUR",
            ["Green spaces", "Traffic", "Culture and sport"], CountingRule.EqualShares, EqualSharesCompletionChoice.Add1, false, TieBreak.CostThenVotes,
            BallotForm.Approval, 1, 4, 10, 5, 3, Eligibility.Census, true, null);
        var budget = Budget.Create(process.Id, settings, Now(), isDemo: true, language: process.Language);
        budget.SetQuestions([new DemographicQuestion("Age group", [("16–34", 28m), ("35–64", 50m), ("65 or older", 22m)])]);
        db.Add(budget);
        await log.AppendAsync(process.Id, ownerActor, "budget.created", new { title = budget.Title, amount = budget.Amount, currency = budget.Currency });
        budget.Translate("sl", new BudgetTranslationContent("Mestni proračun 2027", "", "Predlogi za vse mesto: parki, ulice, kultura in šport.",
            ["Zelene površine", "Promet", "Kultura in šport"],
            [new TranslatedQuestion("Starostna skupina", ["16–34 let", "35–64 let", "65 let ali več"])]));
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, staffActor, "budget.translated", new { budget = budget.Id, language = "sl", title = "Mestni proračun 2027" });

        (string Title, decimal Cost, string Category, string Location, bool Feasible)[] ideas =
        [
            ("Shade trees on the market square", 38_000m, "Green spaces", "Market square", true),
            ("A safe crossing at Vrtača school", 45_000m, "Traffic", "Vrtača primary school", true),
            ("Outdoor gym in the river park", 28_000m, "Culture and sport", "River park", true),
            ("Open-air cinema evenings", 12_000m, "Culture and sport", "Castle courtyard", true),
            ("Covered bike parking at the station", 22_000m, "Traffic", "Railway station", true),
            ("Community garden in Nova vas", 16_000m, "Green spaces", "Nova vas", true),
            ("Drinking fountains in five parks", 9_500m, "Green spaces", "City parks", true),
            ("A new swimming pool", 2_400_000m, "Culture and sport", "Sports park", false),
        ];
        var proposals = new List<Proposal>();
        for (var i = 0; i < ideas.Length; i++)
        {
            var idea = ideas[i];
            var proposal = Proposal.Submit(budget, new ProposalContent(idea.Title, $"We propose: {idea.Title.ToLowerInvariant()}.", idea.Location, idea.Category, idea.Cost), citizens[i % citizens.Count].Id, Now());
            db.Add(proposal);
            proposals.Add(proposal);
            await log.AppendAsync(process.Id, LogActor.Private("participant"), "proposal.submitted", new { budget = budget.Id, number = proposal.Number, title = proposal.Title });
        }
        await db.SaveChangesAsync(cancellationToken);
        // Two proposals in Slovenian too: the first translated by the team, the third by its author.
        proposals[0].Translate("sl", new ProposalTranslationContent("Drevesa za senco na tržnici", "Predlagamo: drevesa za senco na tržnici.", "Tržnica"), ProposalTranslator.Team, Now());
        await log.AppendAsync(process.Id, staffActor, "proposal.translated", new { budget = budget.Id, number = proposals[0].Number, language = "sl", by = "team" });
        proposals[2].Translate("sl", new ProposalTranslationContent("Fitnes na prostem v parku ob reki", "Predlagamo: fitnes na prostem v parku ob reki.", "Park ob reki"), ProposalTranslator.Author, Now());
        await log.AppendAsync(process.Id, LogActor.Private("participant"), "proposal.translated", new { budget = budget.Id, number = proposals[2].Number, language = "sl", by = "author" });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (proposal, index) in proposals.Select((p, i) => (p, i)))
        {
            for (var s = 0; s < 2 + index % 4; s++)
            {
                db.Add(new ProposalSupport { ProposalId = proposal.Id, UserId = citizens[(index + s + 1) % citizens.Count].Id });
                proposal.CountSupports(+1);
            }
        }
        await SeedCommentsAsync(db, process.Id, budget.Id, proposals, citizens, staffActor, log, Now, cancellationToken);
        budget.Advance(Now());
        await log.AppendAsync(process.Id, ownerActor, "budget.phase-advanced", new { budget = budget.Id, from = "Proposals", to = "Review" });
        // The process follows its budget through the policy cycle: the residents' proposals are the solutions designed...
        process.AdvancePhase(Now());
        await log.AppendAsync(process.Id, ownerActor, "phase.advanced", new { from = "ProblemDefinition", to = "SolutionDesign" });
        foreach (var (proposal, index) in proposals.Select((p, i) => (p, i)))
        {
            var idea = ideas[index];
            proposal.Review(budget, idea.Feasible, idea.Feasible ? "The responsible department confirmed it can be built in 2027." : "A swimming pool costs more than the whole participatory budget.", idea.Feasible ? idea.Cost : null, Now());
            await log.AppendAsync(process.Id, staffActor, "proposal.reviewed", new { budget = budget.Id, proposal = proposal.Number, feasible = idea.Feasible });
        }

        // A demo census: 400 residents, of whom 236 voted online and 12 on paper.
        var census = Enumerable.Range(1, 400).Select(i => new CensusEntry
        {
            Id = RandomIds.Next(),
            BudgetId = budget.Id,
            Reference = $"DEMO-{i:000}",
            Name = $"Demo resident {i}",
            CodeHash = VotingCodes.Hash(VotingCodes.NewVotingCode()),
        }).ToList();
        db.AddRange(census);
        await log.AppendAsync(process.Id, ownerActor, "budget.census-uploaded", new { budget = budget.Id, people = census.Count });
        budget.Advance(Now());
        proposals.ForEach(p => p.PutOnBallot());
        await log.AppendAsync(process.Id, ownerActor, "budget.voting-opened", new { budget = budget.Id, rule = CountingSettings.Of(budget).PabulibRule, command = "cocreo pb run FILE " + string.Join(' ', CountingSettings.Of(budget).CommandLine()) });

        // One resident lost their letter: the facilitator asked for a new code, the owner confirmed it (and handed it over).
        var reissue = CodeReissueRequest.Make(budget, 1, census[^1].Id, "The letter with the code was lost in the post.", facilitator.Id, facilitator.DisplayName, Now());
        await log.AppendAsync(process.Id, staffActor, "budget.code-reissue-requested", new { budget = budget.Id, request = 1, pending = 1 });
        reissue.Confirm(budget, owner.Id, owner.DisplayName, Now());
        census[^1].CodeHash = VotingCodes.Hash(VotingCodes.NewVotingCode());
        db.Add(reissue);
        await log.AppendAsync(process.Id, ownerActor, "budget.code-reissued", new { budget = budget.Id, request = 1, reissued = 1 });

        var random = new Random(2027);
        // How popular each project is, so the demo outcome is not uniform.
        double[] appeal = [0.46, 0.52, 0.34, 0.30, 0.22, 0.27, 0.40];
        var ballots = new List<BudgetBallot>();
        for (var v = 0; v < 248; v++)
        {
            var chosen = Enumerable.Range(0, appeal.Length).Where(p => random.NextDouble() < appeal[p]).Take(4).Select(p => proposals[p].Number).ToList();
            if (chosen.Count == 0)
            {
                chosen.Add(proposals[random.Next(appeal.Length)].Number);
            }
            var paper = v >= 236;
            // Every ballot has its voter on the marked register, online or marked at a polling station: the reconciliation balances.
            db.Add(new BudgetVoter { Id = RandomIds.Next(), BudgetId = budget.Id, VoterKey = BudgetVoter.ForCensusEntry(census[v].Id), Channel = paper ? VoterChannel.Paper : VoterChannel.Online });
            if (!paper)
            {
                db.Add(new BallotReceiptEntry { Id = RandomIds.Next(), BudgetId = budget.Id, Receipt = VotingCodes.NewReceipt() });
            }
            ballots.Add(new BudgetBallot
            {
                Id = RandomIds.Next(),
                BudgetId = budget.Id,
                Projects = string.Join(',', chosen.Order()),
                Answers = random.Next(5) == 0 ? "" : (random.NextDouble() switch { < 0.2 => 0, < 0.75 => 1, _ => 2 }).ToString(System.Globalization.CultureInfo.InvariantCulture),
                IsPaper = paper,
            });
            if (paper)
            {
                db.Add(new PaperBallotEntry { BudgetId = budget.Id, Serial = $"P-{v - 235:000}", EnteredByUserId = facilitator.Id, EnteredByName = facilitator.DisplayName, EnteredAt = Now(), Counted = true, ConfirmedByName = owner.DisplayName });
                await log.AppendAsync(process.Id, staffActor, "paper-ballot.counted", new { budget = budget.Id, serial = $"P-{v - 235:000}", enteredBy = facilitator.DisplayName, confirmedBy = owner.DisplayName });
            }
        }
        db.AddRange(ballots);
        budget.Advance(Now());
        await log.AppendAsync(process.Id, ownerActor, "budget.voting-closed", new { budget = budget.Id, ballots = ballots.Count, digest = BallotDigest.Of(ballots) });

        var paperView = new BallotPaper(budget.Id, process.Id, budget.Phase, budget.Form, budget.Amount, budget.Currency, budget.MinProjects, budget.MaxProjects,
            budget.PointsToSpend, budget.MaxPointsPerProject, budget.RankDepth, budget.Eligibility, budget.AllowBallotChanges,
            proposals.Where(p => p.OnBallot).Select(p => new BallotProject(p.Number, p.Id, p.Title, p.Cost, p.Category, p.Location)).ToList(),
            [new BallotQuestion("Age group", ["16–34", "35–64", "65 or older"])]);
        var document = Counting.Count(paperView, CountingSettings.Of(budget), ballots);
        budget.RecordPublication(Now());
        db.Add(new BudgetResult { BudgetId = budget.Id, PublishedAt = Now(), Ballots = document.Ballots, PaperBallots = document.PaperBallots, BallotDigest = BallotDigest.Of(ballots), Document = JsonSerializer.Serialize(document, Counting.Json) });
        var funded = document.Projects.Where(p => p.Funded).Select(p => p.Number).ToHashSet();
        proposals.Where(p => p.OnBallot).ToList().ForEach(p => p.RecordOutcome(funded.Contains(p.Number)));
        await log.AppendAsync(process.Id, ownerActor, "budget.results-published", new { budget = budget.Id, ballots = document.Ballots, funded = funded.Order().ToList(), spent = document.Spent });
        budget.Advance(Now());
        await log.AppendAsync(process.Id, ownerActor, "budget.phase-advanced", new { budget = budget.Id, from = "Results", to = "Implementation" });
        // ...and once the results are published, the funded projects are implemented.
        process.AdvancePhase(Now());
        await log.AppendAsync(process.Id, ownerActor, "phase.advanced", new { from = "SolutionDesign", to = "Implementation" });
        var building = proposals.Where(p => p.Funded).Take(2).ToList();
        (int Progress, string Text)[] updates = [(35, "The design is ready and the works were ordered."), (80, "Almost done: the last part is installed next week.")];
        for (var i = 0; i < building.Count; i++)
        {
            building[i].ReportProgress(budget, ImplementationStatus.InProgress, updates[i].Progress, updates[i].Text, facilitator.DisplayName, Now());
            await log.AppendAsync(process.Id, staffActor, "project.progress", new { budget = budget.Id, project = building[i].Number, progress = updates[i].Progress });
        }
        await db.SaveChangesAsync(cancellationToken);
        // The team's words in Slovenian too: the review's answer on the shade trees and their progress update, if funded.
        var slovenianUpdates = new Dictionary<string, string>
        {
            [updates[0].Text] = "Načrt je pripravljen, dela so naročena.",
            [updates[1].Text] = "Skoraj končano: zadnji del namestijo prihodnji teden.",
        };
        proposals[0].Translate("sl", new ProposalTranslationContent("Drevesa za senco na tržnici", "Predlagamo: drevesa za senco na tržnici.", "Tržnica",
            "Pristojni oddelek je potrdil, da jih lahko zgradi leta 2027.", proposals[0].Updates.ToDictionary(u => u.Id, u => slovenianUpdates.GetValueOrDefault(u.Text, ""))),
            ProposalTranslator.Team, Now());
        await log.AppendAsync(process.Id, staffActor, "proposal.translated", new { budget = budget.Id, number = proposals[0].Number, language = "sl", by = "team" });
        await db.SaveChangesAsync(cancellationToken);

        var district = Budget.Create(process.Id, settings with { Title = "Vrtača district budget 2027", District = "Vrtača", Amount = 60_000m, Form = BallotForm.Knapsack, Eligibility = Eligibility.VerifiedAccount }, Now(), isDemo: true, language: process.Language);
        db.Add(district);
        await log.AppendAsync(process.Id, ownerActor, "budget.created", new { title = district.Title, district = district.District, amount = district.Amount, currency = district.Currency });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (title, cost) in new[] { ("Lights on the stream path", 18_000m), ("Benches by the playground", 6_000m), ("A little free library", 2_500m) })
        {
            db.Add(Proposal.Submit(district, new ProposalContent(title, $"We propose: {title.ToLowerInvariant()}.", "Vrtača", "Green spaces", cost), citizens[0].Id, Now()));
            await log.AppendAsync(process.Id, LogActor.Private("participant"), "proposal.submitted", new { budget = district.Id, title });
        }
        // A resident who wrote in Slovenian and added English herself.
        var slovenian = Proposal.Submit(district, new ProposalContent("Pitnik ob otroškem igrišču", "Poleti otroci na igrišču nimajo vode. Predlagamo pitnik ob vhodu na igrišče.", "Vrtača", "Green spaces", 3_000m, "sl"), citizens[1].Id, Now());
        slovenian.Translate("en", new ProposalTranslationContent("A drinking fountain by the playground", "In summer the children at the playground have no water. We propose a drinking fountain at its entrance.", "Vrtača"), ProposalTranslator.Author, Now());
        db.Add(slovenian);
        await log.AppendAsync(process.Id, LogActor.Private("participant"), "proposal.submitted", new { budget = district.Id, title = slovenian.Title });
        await db.SaveChangesAsync(cancellationToken);
        await log.AppendAsync(process.Id, LogActor.Private("participant"), "proposal.translated", new { budget = district.Id, number = slovenian.Number, language = "en", by = "author" });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Comments on the city-wide proposals, with moderation a newcomer can see: one comment hidden by the team with its
    /// reason shown in place, one reported by two residents and waiting in the process's moderation queue.
    /// </summary>
    private static async Task SeedCommentsAsync(CocreoDbContext db, int processId, int budgetId, List<Proposal> proposals, IReadOnlyList<CocreoUser> citizens, LogActor staffActor,
        ProcessLog log, Func<DateTime> now, CancellationToken cancellationToken)
    {
        CocreoUser Citizen(int i) => citizens[i % citizens.Count];
        var participant = LogActor.Private("participant");
        Debate.Comment On(Proposal proposal, CocreoUser author, string body) =>
            Debate.Comment.Post(Debate.DebateKinds.Proposal, proposal.Id, processId, null, author.Id, author.DisplayName, body, Debate.Alignment.Neutral, now());
        var welcome = On(proposals[1], Citizen(3), "Our children cross there every morning. Please!");
        var advert = On(proposals[0], Citizen(4), "Cheap garden furniture, 50 % off this week only: visit our shop on Tržaška street!");
        var rude = On(proposals[2], Citizen(5), "Only lazy people from the east side want this. They should pay for it themselves.");
        db.AddRange(welcome, advert, rude);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (comment, proposal) in new[] { (welcome, proposals[1]), (advert, proposals[0]), (rude, proposals[2]) })
        {
            await log.AppendAsync(processId, participant, "proposal.commented", new { budget = budgetId, proposal = proposal.Number, comment = comment.Id });
        }

        var hidden = ModerationCase.Open(Debate.DebateComments.Kind, advert.Id, processId);
        hidden.Report(Citizen(6).Id, ReportReason.Spam, null, 0, now());
        await log.AppendAsync(processId, participant, "content.reported", ContentTarget.LogEntry(Debate.DebateComments.Kind, advert.Id, new { budget = budgetId, proposal = proposals[0].Number }, ("reason", "Spam")));
        hidden.Hide("Advertising for a shop: not about this proposal.", now());
        await log.AppendAsync(processId, staffActor, "content.hidden", ContentTarget.LogEntry(Debate.DebateComments.Kind, advert.Id, new { budget = budgetId, proposal = proposals[0].Number }, ("reason", hidden.HiddenReason)));

        var reported = ModerationCase.Open(Debate.DebateComments.Kind, rude.Id, processId);
        reported.Report(Citizen(7).Id, ReportReason.Offensive, "It insults the people of a whole district.", 0, now());
        reported.Report(Citizen(8).Id, ReportReason.Offensive, null, 0, now());
        for (var i = 0; i < 2; i++)
        {
            await log.AppendAsync(processId, participant, "content.reported", ContentTarget.LogEntry(Debate.DebateComments.Kind, rude.Id, new { budget = budgetId, proposal = proposals[2].Number }, ("reason", "Offensive")));
        }
        db.AddRange(hidden, reported);
    }
}
