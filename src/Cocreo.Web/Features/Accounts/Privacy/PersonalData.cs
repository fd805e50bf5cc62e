using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cocreo.Web.Features.Accounts;

/// <summary>
/// A capability's part of what the platform holds about a person, for their own download and for the deletion of
/// their account. Each capability that stores an account id registers one
/// (<c>services.AddScoped&lt;IPersonalData, ...&gt;()</c>), the way content registers <c>IModeratedContent</c>; a test
/// fails when a column that holds an account id is not named by some part's <see cref="Columns"/>.
/// </summary>
public interface IPersonalData
{
    /// <summary>The part's name in the download: the capability (<c>budgeting</c>).</summary>
    string Part { get; }

    /// <summary>Every column holding an account id that this part answers for, as <c>Table.Column</c>.</summary>
    IReadOnlyCollection<string> Columns { get; }

    /// <summary>What this part holds about the person, ready to be written as JSON; null when it holds nothing. Never a ballot's choices.</summary>
    Task<object?> ExportAsync(string userId, CancellationToken cancellationToken);

    /// <summary>What the person must hand over to someone else before their account can go (localised sentences); empty when nothing.</summary>
    Task<IReadOnlyList<string>> HandOverFirstAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes or anonymises this part's personal data of the person on the tracked context, inside the deletion's
    /// change (the change runner saves everything once). What others need stays, without the person's name.
    /// </summary>
    Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken);
}

/// <summary>A part with nothing to hand over and, unless it says otherwise, nothing to forget (records kept for the team, naming nobody once the account is gone).</summary>
public abstract class PersonalDataPart : IPersonalData
{
    public abstract string Part { get; }

    public abstract IReadOnlyCollection<string> Columns { get; }

    public abstract Task<object?> ExportAsync(string userId, CancellationToken cancellationToken);

    public virtual Task<IReadOnlyList<string>> HandOverFirstAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public virtual Task ForgetAsync(string userId, DateTime now, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>All a person's data, as one JSON document: each capability's part under its name.</summary>
public sealed class PersonalDataExport(IEnumerable<IPersonalData> parts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public IReadOnlyList<IPersonalData> Parts { get; } = parts.ToList();

    public async Task<byte[]> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["note"] = "Everything Cocreo holds about your account. Ballots are not here: a ballot cannot be linked to its voter, only that you voted.",
        };
        foreach (var part in Parts.OrderBy(p => p.Part == "accounts" ? 0 : 1).ThenBy(p => p.Part, StringComparer.Ordinal))
        {
            document[part.Part] = await part.ExportAsync(userId, cancellationToken);
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
