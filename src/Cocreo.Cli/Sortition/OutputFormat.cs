using System.CommandLine;

namespace Cocreo.Cli.Sortition;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

internal static class OutputFormatOption
{
    public static Option<OutputFormat> Create() => new("--format")
    {
        Description = "table (for people), json or csv (for programs)",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}
