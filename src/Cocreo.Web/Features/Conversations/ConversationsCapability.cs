using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Capabilities;

namespace Cocreo.Web.Features.Conversations;

/// <summary>Settings of conversations. Bound from <c>Conversations</c>.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A participant's statements beyond this many in <see cref="FloodWindow"/> wait for a moderator (they are not refused).</summary>
    public int StatementsPerWindow { get; set; } = 3;

    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Votes and statements ask the map refresher at once; a read that finds the stored map older than this asks it
    /// too (for changes no vote announced on this server: moderation, another server's votes), and the refresher
    /// computes only if something changed. 0: every read brings the map up to date itself (the tests).
    /// </summary>
    public TimeSpan MapRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The least time from the start of one computation of a conversation's map to the start of the next (a map that
    /// takes longer is followed at once). A change after a quiet moment is computed at once; during a vote storm the
    /// map follows about once a second instead of after every batch of votes (each reads the votes since the last,
    /// 30 s overlap included). 0: no gap.
    /// </summary>
    public TimeSpan MapGap { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Vote writers side by side on PostgreSQL (<see cref="VoteBox"/>); null: 1. SQLite always has one.</summary>
    public int? VoteWriters { get; set; }
}

/// <summary>
/// Conversations: a question in a process, short statements people agree with, disagree with or pass on, one at a
/// time on a phone, and the live opinion map (Cocreo.OpinionMap, Polis' math) of the groups and what they share.
/// </summary>
public sealed class ConversationsCapability : Capability
{
    public override string Name => "conversations";

    public override Type Text => typeof(ConversationText);

    public override Type Permissions => typeof(ConversationPermissions);

    public override Type DemoSeed => typeof(ConversationsDemo);

    public override IReadOnlyList<PageSlot> Slots => [new(ProcessSlots.Links, typeof(ProcessConversationsViewComponent))];

    public override IReadOnlyList<LogActionText> LogActions =>
    [
        ("conversation.created", "Started a conversation"),
        ("conversation.changed", "Changed a conversation's question or settings"),
        ("conversation.closed", "Closed a conversation"),
        ("conversation.reopened", "Opened a conversation again"),
        ("statement.seeded", "Added a seed statement to a conversation"),
        ("statement.added", "A participant added a statement to a conversation"),
        ("statement.pinned", "Pinned a statement"),
        ("statement.unpinned", "Unpinned a statement"),
        ("conversation.imported", "Imported a conversation from a Polis export"),
        ("statement.proposed", "Made a statement into a proposal"),
        ("conversation.translated", "Translated a conversation"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConversationOptions>(configuration.GetSection(ConversationOptions.Section));
        services.Configure<Import.ConversationImportOptions>(configuration.GetSection(Import.ConversationImportOptions.Section));
        services.AddScoped<ConversationAccessReader>();
        services.AddScoped<StatementChecks>();
        services.AddScoped<ConversationMaps>();
        services.AddScoped<StatementRouting>();
        services.AddSingleton<OpenStatements>();
        services.AddScoped<Representativeness>();
        services.AddScoped<StatementProposalLinks>();
        services.AddSingleton<ConversationMapCache>();
        services.AddScoped<VotingPapers>();
        services.AddScoped<CastVote.Handler>();
        services.AddSingleton<VoteBox>();
        services.AddHostedService(provider => provider.GetRequiredService<VoteBox>());
        services.AddSingleton<ConversationMapRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationMapRefresher>());
        services.AddSingleton<Platform.Live.ILiveTopic, ConversationLiveTopic>();
        services.AddScoped<Moderation.IModeratedContent, ConversationStatements>();
        services.AddScoped<Accounts.IPersonalData, ConversationPersonalData>();
        services.AddScoped<IProcessActivity, ConversationProcessActivity>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConversationsApi();
        Import.ConversationImportApi.Map(endpoints);
    }
}
