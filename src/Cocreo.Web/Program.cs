using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Platform.Hosting;

if (AdminCommandLine.IsAdminCommand(args))
{
    var settings = WebApplication.CreateBuilder();
    return await AdminCommandLine.RunAsync(args, settings.Configuration, settings.Environment, Console.Out, Console.Error, Console.In);
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
