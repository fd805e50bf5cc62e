using Cocreo.Web.Data;
using Cocreo.Web.Shared.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCocreoPlatform();
if (!await DatabaseStartup.PrepareAsync(builder))
{
    return 1;
}

var app = builder.Build();
app.UseCocreoPlatform();
await app.RunAsync();
return 0;

public partial class Program;
