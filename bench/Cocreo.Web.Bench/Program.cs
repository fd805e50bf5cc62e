// Benchmarks of the web platform, each driven by a script under bench/ that records its figures in docs/benchmarks.md.
//   cocreo-web-bench dashboard [journeys] [iterations] [sqlite|postgres|both]   Co-Renew dashboard (bench/journey-dashboard.sh)
//   cocreo-web-bench search [items] [iterations] [sqlite|postgres|both]         search over 1,000,000 items (bench/search.sh)
//   cocreo-web-bench digest [people] [perPerson] [sqlite|postgres|both]       daily notification digest (docs/benchmarks.md)
//   cocreo-web-bench debate [comments] [readers] [requests] [posts] [sqlite|postgres|both]   a debate of 10,000 comments (bench/debate.sh)
//   cocreo-web-bench proposals [proposals] [readers] [requests] [sqlite|postgres|both]   a list of 10,000 proposals (bench/proposals.sh)
//   cocreo-web-bench harvest [items] [readers] [requests] [sqlite|postgres|both]   a meeting's live harvest of 2,000 items
//   cocreo-web-bench live [pages] [updates] [one|two]                           live updates to open pages (bench/live.sh)
//   cocreo-web-bench tableplan [people] [tables] [rounds] [runs] [sqlite|postgres]  a table plan computed from the page
//   cocreo-web-bench runsheet [devices] [changes] [one|two] [sqlite|postgres] [now|grid]   a run-sheet change reaching the room (bench/runsheet.sh)
//   cocreo-web-bench conversation-prepare PROVIDER CONNECTION STATEMENTS [PARTICIPANTS VOTES_EACH]   (bench/conversations/*.sh)
//   cocreo-web-bench prepare|publish|verify PROVIDER CONNECTION ...              participatory budgeting (bench/budgeting/*.sh)
using Cocreo.Web.Bench;

return args.FirstOrDefault() switch
{
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    "digest" => await DigestBenchmark.RunAsync(args[1..]),
    "debate" => await DebateBenchmark.RunAsync(args[1..]),
    "proposals" => await ProposalListBenchmark.RunAsync(args[1..]),
    "live" => await LiveBenchmark.RunAsync(args[1..]),
    "runsheet" => await RunSheetFanOutBenchmark.RunAsync(args[1..]),
    "tableplan" => await TablePlanBenchmark.RunAsync(args[1..]),
    "harvest" => await HarvestBenchmark.RunAsync(args[1..]),
    "conversation-prepare" => await ConversationBenchmark.RunAsync(args[1..]),
    "conversation-count" => await ConversationBenchmark.CountAsync(args[1..]),
    "conversation-scale" => await ConversationScaleBenchmark.RunAsync(args[1..]),
    "conversation-map" => await ConversationMapBenchmark.RunAsync(args[1..]),
    "prepare" or "publish" or "verify" => await BudgetingBenchmark.RunAsync(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: cocreo-web-bench dashboard [journeys] [iterations] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench search [items] [iterations] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench digest [people] [perPerson] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench debate [comments] [readers] [requests] [posts] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench proposals [proposals] [readers] [requests] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench live [pages] [updates] [one|two]");
    Console.Error.WriteLine("       cocreo-web-bench runsheet [devices] [changes] [one|two] [sqlite|postgres] [now|grid]");
    Console.Error.WriteLine("       cocreo-web-bench tableplan [people] [tables] [rounds] [runs] [sqlite|postgres]");
    Console.Error.WriteLine("       cocreo-web-bench harvest [items] [readers] [requests] [sqlite|postgres|both]");
    Console.Error.WriteLine("       cocreo-web-bench conversation-prepare PROVIDER CONNECTION STATEMENTS [PARTICIPANTS VOTES_EACH]");
    Console.Error.WriteLine("       cocreo-web-bench conversation-scale URL CONVERSATION PARTICIPANTS [BURST NEXT_REQUESTS]");
    Console.Error.WriteLine("       cocreo-web-bench prepare|publish|verify PROVIDER CONNECTION ...");
    return 2;
}
