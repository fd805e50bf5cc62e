namespace Cocreo.Web.Features.Assessments;

/// <summary>
/// Where the capability that owns an instrument shows an assessment of it (Co-Ready: its result page; Co-Serve: the
/// comparison the candidate service belongs to). The answering page sends people back there, so the shared machinery
/// does not need to know the capabilities built on it.
/// </summary>
public sealed record AssessmentHome(string InstrumentId, Func<IServiceProvider, OrganisationAssessment, CancellationToken, Task<string>> PathAsync);

public sealed class AssessmentHomes(IEnumerable<AssessmentHome> homes, IServiceProvider services)
{
    public Task<string> PathAsync(OrganisationAssessment assessment, CancellationToken cancellationToken = default) =>
        homes.FirstOrDefault(h => h.InstrumentId == assessment.InstrumentId) is { } home
            ? home.PathAsync(services, assessment, cancellationToken)
            : Task.FromResult($"/organisations/{assessment.OrganisationId}/toolkit");
}

public static class AssessmentHomeRegistration
{
    public static IServiceCollection AddAssessmentHome(this IServiceCollection services, string instrumentId, Func<IServiceProvider, OrganisationAssessment, CancellationToken, Task<string>> pathAsync) =>
        services.AddSingleton(new AssessmentHome(instrumentId, pathAsync));

    public static IServiceCollection AddAssessmentHome(this IServiceCollection services, string instrumentId, Func<OrganisationAssessment, string> path) =>
        services.AddAssessmentHome(instrumentId, (_, assessment, _) => Task.FromResult(path(assessment)));
}
