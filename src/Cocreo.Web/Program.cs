var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Cocreo");
app.Run();

public partial class Program;
