using Xunit;

namespace Cocreo.Testing;

/// <summary>
/// Finds the conformance data that lives beside the repository (<c>../shared/data</c>) or where
/// <c>COCREO_SHARED_DATA</c> points. When it is missing, a test is skipped with the reason, except
/// under <c>CI=true</c>, where its absence fails the run.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> LocatedRoot = new(Locate);

    /// <summary>The data folder, or null when it cannot be found.</summary>
    public static string? Root => LocatedRoot.Value;

    /// <summary>The repository root (the folder holding Cocreo.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cocreo.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Cannot find Cocreo.slnx above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// The full path of a file or folder of the conformance data, e.g. <c>Require("pabulib/Poland_Lodz_2022.pb")</c>.
    /// Skips the calling test when the data is absent (fails it under CI=true).
    /// </summary>
    public static string Require(string relativePath)
    {
        var root = Root;
        var path = root is null ? null : Path.Combine(root, relativePath);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var reason = root is null
            ? "Conformance data not found: expected ../shared/data beside the repository or COCREO_SHARED_DATA."
            : $"Conformance data file missing: {path}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI=true: the data must be present)");
        }
        Assert.Skip(reason);
        return string.Empty; // not reached: Assert.Skip throws
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("COCREO_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }
        try
        {
            var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
