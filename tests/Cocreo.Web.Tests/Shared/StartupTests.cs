using System.Diagnostics;
using Cocreo.Testing;

namespace Cocreo.Web.Tests.Shared;

/// <summary>The real executable, started with a wrong database setting, stops with a message that names the setting.</summary>
public sealed class StartupTests
{
    private static readonly Lazy<string> Key = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"cocreo-startup-key-{Guid.NewGuid():N}.pem");
        Cocreo.Web.Platform.Log.CheckpointKey.Create(path);
        return path;
    });

    private static readonly Lazy<string> PersonalDataKey = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"cocreo-startup-pd-{Guid.NewGuid():N}.keys");
        Cocreo.Web.Platform.PersonalData.PersonalDataSeal.AddKey(path);
        return path;
    });

    [Fact]
    public async Task In_production_the_personal_data_key_must_exist()
    {
        var (exit, output) = await StartAsync(new() { ["PersonalData__KeyPath"] = "/nonexistent/personal-data.keys" });
        Assert.NotEqual(0, exit);
        Assert.Contains("PersonalData:KeyPath names no key file", output, StringComparison.Ordinal);
        Assert.Contains("personal-data create-key", output, StringComparison.Ordinal);
        Assert.False(File.Exists("/nonexistent/personal-data.keys"));
    }

    [Fact]
    public async Task In_production_the_checkpoint_signing_key_must_exist()
    {
        var (exit, output) = await StartAsync(new() { ["Transparency__SigningKeyPath"] = "/nonexistent/key.pem" });
        Assert.NotEqual(0, exit);
        Assert.Contains("Transparency:SigningKeyPath names no key file", output, StringComparison.Ordinal);
        Assert.Contains("transparency create-key", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> StartAsync(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Cocreo.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Platform__PublicUrl"] = "https://cocreo.example.org";
        start.Environment["Transparency__SigningKeyPath"] = Key.Value;
        start.Environment["PersonalData__KeyPath"] = PersonalDataKey.Value;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop on a wrong database setting.");
        }
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task An_unknown_provider_stops_start_up_naming_the_setting()
    {
        var (exit, output) = await StartAsync(new() { ["Database__Provider"] = "Oracle" });
        Assert.NotEqual(0, exit);
        Assert.Contains("Database:Provider", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_stops_start_up_naming_the_connection_string()
    {
        var (exit, output) = await StartAsync(new()
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=3",
        });
        Assert.NotEqual(0, exit);
        Assert.Contains("Database:ConnectionString", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Platform:PublicUrl is required in Production")]
    [InlineData("http://cocreo.example.org", "must use https in Production")]
    [InlineData("https://cocreo.example.org/path", "with no path")]
    public async Task In_production_the_public_address_is_required_and_checked(string publicUrl, string message)
    {
        var (exit, output) = await StartAsync(new() { ["Platform__PublicUrl"] = publicUrl });
        Assert.NotEqual(0, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_PostgreSQL_connection_string_is_named()
    {
        var (exit, output) = await StartAsync(new() { ["Database__Provider"] = "PostgreSql" });
        Assert.NotEqual(0, exit);
        Assert.Contains("Database:ConnectionString is required", output, StringComparison.Ordinal);
    }
}
