using System.Data.Common;
using System.Text;
using Cocreo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cocreo.Web.Features.Conversations.Import;

/// <summary>
/// Inserts many rows of one entity in multi-row INSERT statements on the context's connection and inside its current
/// transaction, without the change tracker. Table and column names and each value's conversion and parameter type
/// come from the EF model (the same mapping EF's own saves use), so it works on SQLite and PostgreSQL alike. The ids
/// the database generates are not read back: for rows nothing else refers to (the votes of an import).
/// </summary>
internal static class BulkInsert
{
    /// <summary>Parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int ParametersPerStatement = 5_000;

    public static async Task InsertAsync<T>(CocreoDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("A bulk insert runs inside the change's transaction.");
        var connection = transaction.Connection!;
        var perStatement = Math.Max(1, ParametersPerStatement / properties.Length);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var i = 0; i < count; i++)
            {
                text.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = $"p{i}_{c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(name), getters[c].GetClrValue(rows[start + i]), properties[c].IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
