using System.CommandLine;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Log;

namespace Cocreo.Web.Platform.Hosting;

/// <summary>
/// The server's own commands, run instead of serving when the first argument names one, with the same settings as
/// the server: <c>Cocreo.Web admin create ...</c>, <c>Cocreo.Web transparency create-key ...</c>.
/// </summary>
public static class ServerCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "admin" or "transparency" or "search" or "personal-data";

    public static Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter error, TextReader input)
    {
        var root = new RootCommand("Cocreo.Web: the platform's server, and its administration commands.")
        {
            AdminCommandLine.Command(configuration, environment, input),
            TransparencyCommand(configuration, environment),
            Features.Search.SearchCommandLine.Command(configuration, environment),
            PersonalData.PersonalDataCommandLine.Command(configuration, environment),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command TransparencyCommand(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = new Option<string?>("--path") { Description = "Where to write the key (default: Transparency:SigningKeyPath)." };
        var createKey = new Command("create-key", "Create the key that signs the public logs' checkpoints (once; every instance reads the same file).") { path };
        createKey.SetAction(async (parse, cancellationToken) =>
        {
            var options = configuration.GetSection(TransparencyOptions.Section).Get<TransparencyOptions>() ?? new TransparencyOptions();
            var file = parse.GetValue(path) ?? CheckpointKey.PathOf(options, environment);
            if (File.Exists(file))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{file} exists already: a key that signed checkpoints must not be replaced.");
                return 1;
            }
            CheckpointKey.Create(file);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Created the checkpoint signing key {file} (readable by its owner only). Back it up; publish nothing but its public half, which the platform shows at /api/v1/transparency/signing-key.");
            return 0;
        });
        return new Command("transparency", "The public logs.") { createKey };
    }
}
