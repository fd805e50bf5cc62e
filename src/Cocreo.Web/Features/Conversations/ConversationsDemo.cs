using System.Security.Claims;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Conversations.Import;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cocreo.Web.Features.Conversations;

/// <summary>
/// The demo city's conversation about its old town's streets: 20 seed statements and the votes of 200 demo
/// participants in three camps (for cars and shops, for walking and cycling, for the residents' quiet), so the map
/// shows groups, what sets each apart and what all share, with a Slovenian translation by the team. Seeded randomness:
/// every start looks the same. Then, in the participatory budget's process, a conversation imported from a small
/// Polis export shipped with the platform (through the import use case), one of whose statements the team made into a
/// proposal of the Vrtača district budget (through the statement-to-proposal use case).
/// </summary>
public sealed class ConversationsDemo(CocreoDbContext db, IServiceProvider services) : IDemoSeed
{
    /// <summary>A statement and how likely each camp (cars, cycling, residents) agrees with it; the rest disagree or pass.</summary>
    private static readonly (string Text, double Cars, double Cycling, double Residents)[] Statements =
    [
        ("The old town should be car-free on weekends.", 0.10, 0.90, 0.60),
        ("Shops in the old town need parking close by to survive.", 0.95, 0.15, 0.40),
        ("Delivery vans should only enter the old town before 10 a.m.", 0.30, 0.85, 0.85),
        ("The main square needs more benches and shade trees.", 0.70, 0.85, 0.90),
        ("A protected cycle lane should run along the river.", 0.20, 0.95, 0.55),
        ("Residents should park for free in their own street.", 0.60, 0.20, 0.95),
        ("Night buses should run on Fridays and Saturdays.", 0.65, 0.80, 0.70),
        ("The speed limit in the old town should be 20 km/h.", 0.15, 0.85, 0.80),
        ("Street cafés should be allowed to stay open until midnight.", 0.75, 0.60, 0.10),
        ("The city should build a park-and-ride at the motorway exit.", 0.80, 0.75, 0.70),
        ("Cars are the only practical way for older people to reach the centre.", 0.85, 0.10, 0.45),
        ("Pavements should be wide enough for a wheelchair everywhere.", 0.80, 0.90, 0.90),
        ("Tourist coaches should not stop in the old town.", 0.20, 0.70, 0.90),
        ("Public bike sharing should be free for the first 30 minutes.", 0.35, 0.95, 0.50),
        ("Noise from bars at night is the biggest problem in the old town.", 0.20, 0.25, 0.95),
        ("Parking fees in the centre should go up to pay for buses.", 0.05, 0.80, 0.40),
        ("The market should stay on the main square.", 0.75, 0.80, 0.70),
        ("Streets should be closed to cars when children go to school.", 0.20, 0.90, 0.65),
        ("The city should ask residents before every big event in the old town.", 0.40, 0.45, 0.95),
        ("More public toilets are needed in the centre.", 0.85, 0.85, 0.80),
    ];

    public async Task SeedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var now = city.Time.Now;
        var process = Process.Start(city.OrganisationId, new ProcessContent(
            "The old town's streets: who are they for?",
            "Shops, residents, cyclists, visitors and drivers all want something different from the narrow streets of the old town, and every change so far has angered someone.",
            "Find what the people of the old town agree on before the city drafts its traffic and public-space plan.",
            "en",
            "Ana Kovač, Head of the Mayor's Office",
            "The Mayor's Office drafts the traffic and public-space plan for the council.",
            "Part of the council's sustainable mobility programme."),
            ProcessVisibility.Public, now, isDemo: true);
        process.Join(city.Sponsor.Id, ProcessRole.Owner, now);
        process.Join(city.Facilitator.Id, ProcessRole.Facilitator, now);
        db.Add(process);
        await db.SaveChangesAsync(cancellationToken);
        city.Name("old-town", process.Id);
        var owner = LogActor.Named(city.Sponsor.DisplayName, "owner");
        var facilitator = LogActor.Named(city.Facilitator.DisplayName, "facilitator");
        await city.Log.AppendAsync(process.Id, owner, "process.created", new { title = process.Title, visibility = "Public", phase = "ProblemDefinition" }, cancellationToken);

        var conversation = Conversation.Start(city.OrganisationId, process.Id, new ConversationSettings(
            "What should the old town's streets be like in five years?",
            "The city will draft a traffic and public-space plan for the old town next year. Before it does, tell us what you think: vote on the statements one at a time, and add your own if something is missing. The map shows the groups of opinion and what everyone shares.",
            ConversationAccess.Link, ParticipantsMayAdd: true, StatementModeration.Post, ConversationLimits.DefaultStatementLength, AskImportance: true), now, isDemo: true);
        db.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        // Two questions about the participants with the city's population shares, for representativeness.
        var questions = new[]
        {
            ConversationQuestion.For(conversation.Id, 0, new QuestionDraft("Age group", ["16–34", "35–64", "65 or older"], [28m, 50m, 22m])),
            ConversationQuestion.For(conversation.Id, 1, new QuestionDraft("Where do you live?", ["In the old town", "Elsewhere in the city", "Outside the city"], [8m, 80m, 12m])),
        };
        db.AddRange(questions);
        await db.SaveChangesAsync(cancellationToken);
        var statements = Statements.Select(s => ConversationStatement.ByTheTeam(conversation, s.Text, seed: true, now)).ToList();
        db.AddRange(statements);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "conversation.created", new
        {
            conversation = conversation.Id,
            question = conversation.Question,
            access = conversation.Access.ToString(),
            participantsMayAdd = true,
            moderation = conversation.Moderation.ToString(),
            statementLimit = conversation.StatementLimit,
            askImportance = true,
            questions = questions.Select(q => q.Text).ToList(),
            seeds = statements.Select(s => new { statement = s.Id, text = s.Text }).ToList(),
        }, cancellationToken);

        var random = new Random(2027);
        var participants = new List<(ConversationParticipant Participant, int Camp)>();
        for (var i = 0; i < 200; i++)
        {
            city.Time.Advance(TimeSpan.FromMinutes(7));
            // Camps of about 40%, 35% and 25%.
            var camp = i % 20 < 8 ? 0 : i % 20 < 15 ? 1 : 2;
            participants.Add((ConversationParticipant.WithKey(conversation.Id, ParticipantKeys.Hash(conversation.Id, ParticipantKeys.New()), city.Time.Now), camp));
        }
        db.AddRange(participants.Select(p => p.Participant));
        await db.SaveChangesAsync(cancellationToken);
        var votes = new List<ConversationVote>();
        foreach (var (participant, camp) in participants)
        {
            var count = random.Next(10, Statements.Length + 1);
            foreach (var index in Enumerable.Range(0, Statements.Length).OrderBy(_ => random.Next()).Take(count))
            {
                var agree = camp switch { 0 => Statements[index].Cars, 1 => Statements[index].Cycling, _ => Statements[index].Residents };
                var roll = random.NextDouble();
                var choice = roll < agree * 0.9 ? ConversationChoice.Agree : roll < 0.9 ? ConversationChoice.Disagree : ConversationChoice.Pass;
                // Some mark what matters most to their camp as important.
                var important = choice != ConversationChoice.Pass && agree is > 0.85 or < 0.15 && random.NextDouble() < 0.3;
                votes.Add(ConversationVote.Cast(conversation.Id, participant.Id, statements[index].Id, choice, participant.CreatedAt.AddSeconds(votes.Count % 300), important));
            }
        }
        db.AddRange(votes);
        // About three quarters answered the questions about themselves (some preferring not to say); the camps lean differently
        // (the residents older and living in the old town, the cyclists younger), and the young are under-represented.
        var answers = new List<ConversationAnswer>();
        foreach (var (participant, camp) in participants)
        {
            if (random.NextDouble() < 0.25)
            {
                continue;
            }
            var roll = random.NextDouble();
            int? age = roll < 0.05 ? null : camp switch
            {
                0 => roll < 0.25 ? 0 : roll < 0.7 ? 1 : 2,
                1 => roll < 0.45 ? 0 : roll < 0.8 ? 1 : 2,
                _ => roll < 0.2 ? 0 : roll < 0.6 ? 1 : 2,
            };
            var where = random.NextDouble();
            int? home = where < 0.05 ? null : camp == 2 ? (where < 0.6 ? 0 : where < 0.85 ? 1 : 2) : where < 0.25 ? 0 : where < 0.75 ? 1 : 2;
            answers.Add(ConversationAnswer.Given(conversation.Id, participant.Id, questions[0].Id, age, participant.CreatedAt));
            answers.Add(ConversationAnswer.Given(conversation.Id, participant.Id, questions[1].Id, home, participant.CreatedAt));
        }
        db.AddRange(answers);
        await db.SaveChangesAsync(cancellationToken);
        statements[3].Pin(true);
        await db.SaveChangesAsync(cancellationToken);
        await city.Log.AppendAsync(process.Id, facilitator, "statement.pinned", new { conversation = conversation.Id, statement = statements[3].Id }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The team's Slovenian translation: the question, the context and the questions about the participants.
        city.Time.Advance(TimeSpan.FromHours(2));
        var slovenian = ConversationTranslation.For(conversation.Id, "sl");
        slovenian.Set(conversation, questions, new ConversationTranslationContent(
            "Kakšne naj bodo ulice starega mestnega jedra čez pet let?",
            "Mesto bo prihodnje leto pripravilo načrt prometa in javnih površin za staro mestno jedro. Preden ga, nam povejte, kaj mislite: glasujte o izjavah, eno za drugo, in dodajte svojo, če kaj manjka. Zemljevid pokaže skupine mnenj in to, kar si delijo vsi. Izjave so zapisane v jeziku, v katerem so jih napisali.",
            [
                new TranslatedConversationQuestion("Starostna skupina", ["16–34 let", "35–64 let", "65 let ali več"]),
                new TranslatedConversationQuestion("Kje živite?", ["V starem mestnem jedru", "Drugje v mestu", "Zunaj mesta"]),
            ]), city.Time.Now);
        db.Add(slovenian);
        await city.Log.AppendAsync(process.Id, facilitator, "conversation.translated", new { conversation = conversation.Id, language = "sl", question = slovenian.Question }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await SeedImportedAsync(city, cancellationToken);
    }

    /// <summary>
    /// The participatory budget's process gets a conversation imported from a small Polis export (13 statements,
    /// 48 participants, about 460 votes) through the import use case, as the team would on the import page; then the
    /// team makes one of its shared statements into a proposal of the Vrtača district budget, so the map links to the
    /// proposal and the proposal back to the statement. Both run through the change runner (with the demo's clock),
    /// as the facilitator, so their log entries are the ones a real team leaves.
    /// </summary>
    private async Task SeedImportedAsync(DemoCity city, CancellationToken cancellationToken)
    {
        var district = await db.Set<Budgeting.Budget>().AsNoTracking()
            .Where(b => b.IsDemo && b.District == "Vrtača" && b.Phase == Budgeting.BudgetPhase.Proposals)
            .Select(b => new { b.Id, b.ProcessId }).FirstOrDefaultAsync(cancellationToken);
        if (district is null)
        {
            return;
        }
        city.Time.Advance(TimeSpan.FromHours(1));
        var runner = ActivatorUtilities.CreateInstance<ChangeRunner>(services, city.Log, (TimeProvider)city.Time);
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, city.Facilitator.Id), new Claim(ClaimTypes.Name, city.Facilitator.DisplayName)], "demo"));
        PolisExportFile export;
        await using (var zip = typeof(ConversationsDemo).Assembly.GetManifestResourceStream(PolisExportFile.Resource)
            ?? throw new InvalidOperationException($"The demo's Polis export ({PolisExportFile.Resource}) is not embedded."))
        {
            export = new PolisExportFile(await PolisUpload.ReadAsync([new UploadedFile("vrtaca-polis-export.zip", zip)],
                services.GetRequiredService<IOptions<ConversationImportOptions>>().Value, services.GetRequiredService<IStringLocalizer<ImportText>>(), cancellationToken));
        }
        var imported = await runner.RunAsync(services.GetRequiredService<ImportConversation.Handler>(), new ImportConversation.Command(district.ProcessId,
            new ConversationSettings(
                "What should the Vrtača district budget pay for?",
                "Imported from the district's earlier Polis conversation (October 2026): the residents' statements and votes, so the map can be read again here.",
                ConversationAccess.Link, ParticipantsMayAdd: true, StatementModeration.Post, ConversationLimits.DefaultStatementLength),
            export.Export, "Rejected in the imported conversation"), staff, cancellationToken);
        var conversation = await db.Set<Conversation>().SingleAsync(c => c.Id == imported.ConversationId, cancellationToken);
        conversation.MarkDemo();
        await db.SaveChangesAsync(cancellationToken);

        city.Time.Advance(TimeSpan.FromHours(1));
        var trees = await db.Set<ConversationStatement>().AsNoTracking()
            .Where(s => s.ConversationId == conversation.Id && s.Text == "Trees should be planted along the main road.")
            .Select(s => s.Id).SingleAsync(cancellationToken);
        await runner.RunAsync(services.GetRequiredService<MakeProposal.Handler>(), new MakeProposal.Command(conversation.Id, trees, "budget", district.Id,
            new ProposalDraft("Trees along the main road", "Trees should be planted along the main road (a statement of the district's conversation that both groups of opinion agreed with).",
                "Main road, Vrtača", "Green spaces", 24_000m, "en")), staff, cancellationToken);
    }

    /// <summary>The demo's Polis export, embedded in the platform (Features/Conversations/Demo/vrtaca-polis-export.zip).</summary>
    private sealed record PolisExportFile(Cocreo.OpinionMap.Polis.PolisExport Export)
    {
        public const string Resource = "Cocreo.Web.Demo.vrtaca-polis-export.zip";
    }
}
