using Cocreo.Web.Data;
using Cocreo.Web.Platform.Hosting;

if (ServerCommands.IsCommand(args))
{
    var settings = WebApplication.CreateBuilder();
    return await ServerCommands.RunAsync(args, settings.Configuration, settings.Environment, Console.Out, Console.Error, Console.In);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCocreoPlatform();
if (!PlatformStartup.Check(builder) || !await DatabaseStartup.PrepareAsync(builder))
{
    return 1;
}

var app = builder.Build();
app.UseCocreoPlatform();
await app.RunAsync();
return 0;

public partial class Program;
