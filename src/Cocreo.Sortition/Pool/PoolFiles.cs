namespace Cocreo.Sortition;

/// <summary>
/// Reads a pool and its quotas from the two published formats:
/// the paper's (Flanigan et al. 2021) <c>categories.csv</c> (category,feature,min,max) with <c>respondents.csv</c>,
/// and the Sortition Foundation's <c>features.csv</c> (feature,value,min,max[,min_flex,max_flex]) with <c>candidates.csv</c>.
/// The quota file's header tells which format it is; the pool file is read the same way for both: one column per
/// feature, an optional id column, and any other column carried as contact details.
/// </summary>
public static class PoolFiles
{
    /// <summary>Reads the quota file and the pool file from disk; errors name the file by the path given.</summary>
    /// <exception cref="InputFormatException">A file cannot be read as it is.</exception>
    public static SelectionInput Read(string quotasPath, string poolPath, int panelSize, PoolReadOptions? options = null)
    {
        using var quotas = Open(quotasPath);
        using var pool = Open(poolPath);
        return Read(quotas, quotasPath, pool, poolPath, panelSize, options);
    }

    /// <summary>Reads a quota file and a pool file from readers (e.g. uploads); the names are used in error messages.</summary>
    /// <exception cref="InputFormatException">A file cannot be read as it is.</exception>
    public static SelectionInput Read(TextReader quotas, string quotasName, TextReader pool, string poolName, int panelSize, PoolReadOptions? options = null)
    {
        options ??= new PoolReadOptions();
        if (panelSize <= 0)
        {
            throw new InputFormatException(quotasName, null, null, null, $"the panel size must be at least 1, not {panelSize}");
        }
        var quotaTable = CsvTable.Read(quotas, quotasName);
        var (features, quotaList) = ReadQuotas(quotaTable);
        var people = ReadPeople(CsvTable.Read(pool, poolName), quotaTable.Name, features, options);
        return new SelectionInput(new Pool(features, people), new QuotaSet(features, quotaList, panelSize, options.HouseholdColumns.Count > 0));
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputFormatException(path, null, null, null, "cannot open the file: " + exception.Message);
        }
    }

    private static (List<Feature>, List<Quota>) ReadQuotas(CsvTable table)
    {
        // The paper calls the feature a "category" and its value a "feature".
        var paper = table.IndexOf("category") >= 0;
        if (!paper && table.IndexOf("feature") < 0)
        {
            throw new InputFormatException(table.Name, 1, null, null,
                $"not a quota file: expected the header category,feature,min,max (the paper's format) or feature,value,min,max,min_flex,max_flex (the Sortition Foundation's); found {string.Join(",", table.Header)}");
        }
        var featureColumn = table.Require(paper ? "category" : "feature");
        var valueColumn = table.Require(paper ? "feature" : "value");
        var minColumn = table.Require("min");
        var maxColumn = table.Require("max");
        var minFlexColumn = table.IndexOf("min_flex");
        var maxFlexColumn = table.IndexOf("max_flex");

        var valuesByFeature = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var quotas = new List<Quota>();
        var lineOf = new Dictionary<(string, string), int>();
        foreach (var row in table.Rows)
        {
            var feature = table.Field(row, featureColumn);
            var value = table.Field(row, valueColumn);
            if (feature.Length == 0)
            {
                throw table.Error(row, featureColumn, "the feature name is empty");
            }
            if (value.Length == 0)
            {
                throw table.Error(row, valueColumn, "the value is empty");
            }
            if (!lineOf.TryAdd((feature, value), row.Line))
            {
                throw table.Error(row, valueColumn, $"{feature}={value} is listed twice (also on line {lineOf[(feature, value)]})");
            }
            var min = table.Count(row, minColumn)!.Value;
            var max = table.Count(row, maxColumn)!.Value;
            if (min > max)
            {
                throw table.Error(row, minColumn, $"min {min} is greater than max {max} for {feature}={value}");
            }
            var minFlex = minFlexColumn >= 0 ? table.Count(row, minFlexColumn, optional: true) : null;
            var maxFlex = maxFlexColumn >= 0 ? table.Count(row, maxFlexColumn, optional: true) : null;
            if (minFlex > min)
            {
                throw table.Error(row, minFlexColumn, $"min_flex {minFlex} is greater than min {min}; it is the lowest acceptable relaxed minimum");
            }
            if (maxFlex < max)
            {
                throw table.Error(row, maxFlexColumn, $"max_flex {maxFlex} is less than max {max}; it is the highest acceptable relaxed maximum");
            }
            if (!valuesByFeature.TryGetValue(feature, out var values))
            {
                valuesByFeature[feature] = values = [];
                order.Add(feature);
            }
            values.Add(value);
            quotas.Add(new Quota(feature, value, min, max, minFlex, maxFlex));
        }
        if (order.Count == 0)
        {
            throw new InputFormatException(table.Name, null, null, null, "the file lists no quotas");
        }
        return (order.Select(name => new Feature(name, valuesByFeature[name])).ToList(), quotas);
    }

    private static List<Person> ReadPeople(CsvTable table, string quotasName, IReadOnlyList<Feature> features, PoolReadOptions options)
    {
        var featureColumns = features.Select(f => table.IndexOf(f.Name) is var i and >= 0
            ? i
            : throw new InputFormatException(table.Name, 1, null, f.Name, $"missing column '{f.Name}' (a feature of {quotasName}); the header has: {string.Join(", ", table.Header)}")).ToArray();
        var idColumn = FindIdColumn(table, options);
        var householdColumns = options.HouseholdColumns.Select(table.Require).ToArray();
        var contactColumns = Enumerable.Range(0, table.Header.Length)
            .Where(c => c != idColumn && !featureColumns.Contains(c))
            .ToArray();

        var people = new List<Person>();
        var lineById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = idColumn >= 0 ? table.Field(row, idColumn) : (people.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (id.Length == 0)
            {
                throw table.Error(row, idColumn, "the id is empty");
            }
            if (!lineById.TryAdd(id, row.Line))
            {
                throw table.Error(row, idColumn, $"the id '{id}' is used twice (also on line {lineById[id]})");
            }
            var values = new int[features.Count];
            for (var f = 0; f < features.Count; f++)
            {
                var text = table.Field(row, featureColumns[f]);
                values[f] = features[f].IndexOf(text);
                if (values[f] < 0)
                {
                    throw table.Error(row, featureColumns[f], UnknownValue(text, features[f], quotasName));
                }
            }
            var household = householdColumns.Length > 0 ? Household.Key(householdColumns.Select(c => table.Field(row, c))) : null;
            var contact = new ContactDetails(contactColumns.Select(c => KeyValuePair.Create(table.Header[c], c < row.Fields.Length ? row.Fields[c].Trim() : "")));
            people.Add(new Person(id, values, household, contact));
        }
        return people;
    }

    private static int FindIdColumn(CsvTable table, PoolReadOptions options)
    {
        if (options.IdColumn is not null)
        {
            return table.Require(options.IdColumn);
        }
        var exact = table.IndexOf("id");
        if (exact >= 0)
        {
            return exact;
        }
        var suffixed = Enumerable.Range(0, table.Header.Length).Where(c => table.Header[c].EndsWith("_id", StringComparison.OrdinalIgnoreCase)).ToArray();
        return suffixed.Length == 1 ? suffixed[0] : -1;
    }

    private static string UnknownValue(string text, Feature feature, string quotasName)
    {
        var message = text.Length == 0
            ? $"the value of {feature.Name} is empty"
            : $"'{text}' is not a value of {feature.Name} in {quotasName}";
        var nearby = feature.Values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        return message + (nearby is null ? $" (its values: {string.Join(", ", feature.Values)})" : $" (did you mean '{nearby}'?)");
    }
}
