using Cocreo.Web.Data;
using Cocreo.Web.Features.Demo;
using Cocreo.Web.Shared.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCocreoPlatform();

var app = builder.Build();
app.UseCocreoPlatform();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}
await app.SeedDemoAsync();
await app.RunAsync();
return 0;

public partial class Program;
