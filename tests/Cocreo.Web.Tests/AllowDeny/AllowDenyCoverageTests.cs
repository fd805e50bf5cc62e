using System.Reflection;
using Cocreo.Web.Testing;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.AllowDeny;

/// <summary>
/// Every state-changing page handler and API endpoint of the app, read from its endpoint data, has a row in an
/// allow/deny table; and every row names an endpoint that exists.
/// </summary>
public sealed class AllowDenyCoverageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>POST handlers that change nothing, and why.</summary>
    private static readonly Dictionary<Endpoint, string> NotChanges = new()
    {
        [new("POST", "/error/{code:int}")] = "the error page also answers a POST that was re-executed after a failure",
    };

    [Fact]
    public async Task Every_state_changing_endpoint_has_a_row()
    {
        var endpoints = await StateChangingEndpointsAsync();
        var covered = CoveredByTables().Select(c => c.Endpoint).ToHashSet();
        var missing = endpoints.Where(e => !covered.Contains(e) && !NotChanges.ContainsKey(e)).OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "State-changing endpoints without an allow/deny row:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_row_names_an_endpoint_that_exists()
    {
        var endpoints = (await StateChangingEndpointsAsync()).ToHashSet();
        var unknown = CoveredByTables().Where(c => !endpoints.Contains(c.Endpoint)).Select(c => $"{c.Table}: {c.Endpoint}").ToList();
        Assert.True(unknown.Count == 0, "Rows for endpoints the app does not have:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public async Task The_endpoint_data_is_read_so_this_test_can_fail()
    {
        var endpoints = await StateChangingEndpointsAsync();
        Assert.Contains(new Endpoint("POST", "/processes/{id:int}", "Join"), endpoints);
        Assert.Contains(new Endpoint("POST", "/processes/{id:int}/edit"), endpoints);
        Assert.Contains(new Endpoint("POST", "/api/v1/budgets/{id:int}/ballots"), endpoints);
        Assert.DoesNotContain(new Endpoint("POST", "/processes/{id:int}", "Nothing"), endpoints);
    }

    /// <summary>Page handlers other than GET, and endpoints that take other methods than GET and HEAD.</summary>
    private async Task<List<Endpoint>> StateChangingEndpointsAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                found.AddRange(compiled.HandlerMethods
                    .Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                    .Select(h => new Endpoint(h.HttpMethod.ToUpperInvariant(), route, h.Name ?? "")));
            }
            else if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is { } methods)
            {
                found.AddRange(methods.HttpMethods.Where(m => m is not ("GET" or "HEAD")).Select(m => new Endpoint(m, route)));
            }
        }
        return found.Distinct().ToList();
    }

    private static List<(string Table, Endpoint Endpoint)> CoveredByTables() =>
        typeof(AllowDenyCoverageTests).Assembly.GetTypes()
            .Where(t => t.IsClass && t.GetInterfaces().Contains(typeof(IAllowDenyTable)))
            .SelectMany(t => ((IEnumerable<Endpoint>)t.GetProperty(nameof(IAllowDenyTable.Covered), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
                .Select(e => (t.Name, e)))
            .ToList();
}
