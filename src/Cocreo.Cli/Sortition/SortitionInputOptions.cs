using System.CommandLine;
using Cocreo.Sortition;

namespace Cocreo.Cli.Sortition;

/// <summary>The options every command that reads a pool shares: the two files, the panel size, the id and household columns.</summary>
internal sealed class SortitionInputOptions
{
    public Option<FileInfo> Quotas { get; } = new("--quotas")
    {
        Description = "The quota file: the paper's categories.csv (category,feature,min,max) or the Sortition Foundation's features.csv (feature,value,min,max[,min_flex,max_flex])",
        Required = true,
    };

    public Option<FileInfo> Pool { get; } = new("--pool")
    {
        Description = "The pool file (respondents.csv or candidates.csv): one column per feature, an optional id column, other columns are carried contact details and never shown",
        Required = true,
    };

    public Option<int> PanelSize { get; } = new("--panel-size", "-k")
    {
        Description = "The number of people on the panel",
        Required = true,
    };

    public Option<string?> IdColumn { get; } = new("--id-column")
    {
        Description = "The column holding each person's id (default: a column named id or ending in _id; otherwise people are numbered 1, 2, ...)",
    };

    public Option<string[]> HouseholdColumns { get; } = new("--household-columns")
    {
        Description = "Address columns that define a household (e.g. primary_address1,primary_zip); at most one person per household is selected",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    public void AddTo(Command command)
    {
        command.Add(Quotas);
        command.Add(Pool);
        command.Add(PanelSize);
        command.Add(IdColumn);
        command.Add(HouseholdColumns);
    }

    /// <summary>Reads the pool and quotas; bad files throw <see cref="InputFormatException"/> naming file, line and column.</summary>
    public SelectionInput Read(ParseResult parse)
    {
        var quotas = parse.GetRequiredValue(Quotas);
        var pool = parse.GetRequiredValue(Pool);
        var options = new PoolReadOptions
        {
            IdColumn = parse.GetValue(IdColumn),
            HouseholdColumns = parse.GetValue(HouseholdColumns) ?? [],
        };
        // FileInfo.ToString() is the path as typed, which is what error messages should name.
        return PoolFiles.Read(quotas.ToString(), pool.ToString(), parse.GetValue(PanelSize), options);
    }
}
