namespace Cocreo.Web.Tests.AllowDeny;

/// <summary>A state-changing page handler or API endpoint, as the app's endpoint data names it.</summary>
/// <param name="Method">The HTTP method (POST, PUT, DELETE...).</param>
/// <param name="Route">The route template with a leading slash, as declared (<c>/processes/{id:int}/edit</c>).</param>
/// <param name="Handler">The page handler's name (<c>Join</c> for <c>OnPostJoinAsync</c>); empty for the default handler and for endpoints.</param>
public sealed record Endpoint(string Method, string Route, string Handler = "")
{
    public override string ToString() => Handler.Length == 0 ? $"{Method} {Route}" : $"{Method} {Route} ?handler={Handler}";
}

/// <summary>
/// An allow/deny table: a test class that tries state-changing endpoints as every kind of person and asserts both the
/// answer and the effect (the change happened, or nothing changed). <see cref="Covered"/> lists the endpoints it has a
/// row for; <see cref="AllowDenyCoverageTests"/> fails for any state-changing endpoint of the app that no table covers.
/// </summary>
public interface IAllowDenyTable
{
    static abstract IEnumerable<Endpoint> Covered { get; }
}

/// <summary>What a row expects of one person's attempt: the answer, and whether the change happened.</summary>
public static class Expect
{
    /// <summary>Allowed, and the change happened.</summary>
    public const string Changed = "changed";

    /// <summary>Allowed, and nothing needed to change (a repeat: the person already did it, or someone just did).</summary>
    public const string Unchanged = "unchanged";

    public const string Forbidden = "403";
    public const string SignIn = "sign-in";
    public const string NotFound = "404";
    public const string Invalid = "422";

    /// <summary>The answer as a row writes it, from the status (the effect is checked apart).</summary>
    public static string Answer(HttpResponseMessage response) => response.StatusCode switch
    {
        System.Net.HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) => SignIn,
        System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.NoContent => "allowed",
        var other => ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Compares one attempt with what the row expects; null when it matches, else what went wrong.</summary>
    public static string? Check(string expected, HttpResponseMessage response, bool changed)
    {
        var answer = Answer(response);
        var allowed = answer == "allowed";
        var actual = allowed ? (changed ? Changed : Unchanged) : answer;
        if (!allowed && changed)
        {
            return $"answered {answer} but the change happened";
        }
        return actual == expected ? null : $"expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})";
    }
}
