using Cocreo.Web.Data;
using Cocreo.Web.Features.Accounts;
using Cocreo.Web.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// Every column that holds an account id (a foreign key to the accounts, or a string column named <c>...UserId</c>)
/// is answered for by some capability's <see cref="IPersonalData"/>: it is in the person's download and handled when
/// the account is deleted. A new table with a user id and no part fails here.
/// </summary>
public sealed class PersonalDataCoverageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>String columns named ...Id that hold something else than an account id.</summary>
    private static readonly HashSet<string> NotAccountIds = new(StringComparer.Ordinal)
    {
        "AspNetRoleClaims.RoleId",
        "AssessmentAnswers.QuestionId",
        "AssessmentAnswers.OptionId",
        "Assessments.InstrumentId",
        "ProcessLogCheckpoints.KeyId",
    };

    [Fact]
    public void Every_column_holding_an_account_id_is_covered_by_a_personal_data_part()
    {
        var covered = Parts().SelectMany(p => p.Columns).ToHashSet(StringComparer.Ordinal);
        var missing = AccountColumns().Where(c => !covered.Contains(c)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Columns with account ids that no IPersonalData covers:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_covered_column_exists()
    {
        var columns = AllColumns();
        var unknown = Parts().SelectMany(p => p.Columns.Select(c => $"{p.Part}: {c}")).Where(c => !columns.Contains(c[(c.IndexOf(": ", StringComparison.Ordinal) + 2)..])).ToList();
        Assert.True(unknown.Count == 0, "Covered columns the model does not have:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_model_is_read_so_this_test_can_fail()
    {
        var columns = AccountColumns();
        Assert.Contains("Comments.AuthorUserId", columns);
        Assert.Contains("AspNetUserLogins.UserId", columns);
        Assert.Contains("JourneyContribution.EnteredByUserId", columns);
        Assert.Contains("AdministratorLog.AdministratorId", columns);
        Assert.DoesNotContain("AspNetUsers.Id", columns);
    }

    [Fact]
    public void Each_capability_has_one_part_with_its_own_name()
    {
        var names = Parts().Select(p => p.Part).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private List<IPersonalData> Parts()
    {
        var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IPersonalData>().ToList();
    }

    private HashSet<string> AccountColumns()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Model;
        var users = model.FindEntityType(typeof(CocreoUser))!;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && e != users))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var byKey = entity.GetForeignKeys().Where(k => k.PrincipalEntityType == users).SelectMany(k => k.Properties);
            // Any other string column named ...Id may hold an account id too (AdministratorId): it is covered, or said not to be one.
            var byName = entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Id", StringComparison.Ordinal) && !p.IsPrimaryKey()
                && !NotAccountIds.Contains($"{entity.GetTableName()}.{p.GetColumnName(table)}"));
            foreach (var property in byKey.Concat(byName))
            {
                found.Add($"{entity.GetTableName()}.{property.GetColumnName(table)}");
            }
        }
        return found;
    }

    private HashSet<string> AllColumns()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<CocreoDbContext>().Model;
        return model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))}"))
            .ToHashSet(StringComparer.Ordinal);
    }
}
