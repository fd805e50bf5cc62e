namespace Cocreo.Assessment.Tests;

public class ServiceComparisonTests
{
    private static readonly Instrument Serve = InstrumentCatalog.Load("co-serve", "1.0");

    [Fact]
    public void Services_are_ranked_by_suitability_and_the_best_is_marked()
    {
        var ranking = ServiceComparison.Rank(Serve,
        [
            Candidate("permits", "many-users=no", "user-profile=no", "many-complaints=no", "digital-use=no", "personal-needs=no"),
            Candidate("home-care"),
            Candidate("library", "many-complaints=no", "heavily-regulated=yes"),
        ]);

        Assert.Equal(["home-care", "library", "permits"], ranking.Standings.Select(s => s.ServiceId));
        Assert.Equal([1, 2, 3], ranking.Standings.Select(s => s.Rank));
        Assert.Equal(["home-care"], ranking.MostSuitable.Select(s => s.ServiceId));
        Assert.Equal([Level.High, Level.High, Level.Low], ranking.Standings.Select(s => s.Suitability!.Value));
    }

    [Fact]
    public void Each_service_gets_a_users_and_an_organisation_score_for_the_chart()
    {
        // Users: 6 criteria, "expert matter" answered yes (reversed: unfavourable) → 5/6. Organisation: 7 criteria, two unfavourable → 5/7.
        var ranking = ServiceComparison.Rank(Serve, [Candidate("library", "expert-matter=yes", "clear-result=yes", "own-authority=no")]);

        var library = ranking.Standings.Single();
        Assert.Equal(new Ratio(5, 6), library.Users.Score);
        Assert.Equal(new Ratio(5, 7), library.Organisation.Score);
        Assert.Equal((Level.High, Level.High), (library.Users.Level!.Value, library.Organisation.Level!.Value));
        Assert.Equal(new Ratio(65, 84), library.CombinedScore); // (5/6 + 5/7) / 2
    }

    [Fact]
    public void Services_equal_on_every_criterion_of_the_rule_share_the_first_rank()
    {
        var ranking = ServiceComparison.Rank(Serve,
        [
            Candidate("waste", "many-complaints=no"),
            Candidate("parking", "digital-use=no"),
            Candidate("permits", "service-continuity=no", "own-authority=no"),
        ]);

        // waste and parking: users 5/6 and organisation 7/7 combine to 11/12; permits: 6/6 and 5/7 combine to 6/7, lower.
        Assert.Equal([("waste", 1), ("parking", 1), ("permits", 3)], ranking.Standings.Select(s => (s.ServiceId, s.Rank)));
        Assert.Equal(["waste", "parking"], ranking.MostSuitable.Select(s => s.ServiceId));
    }

    [Fact]
    public void On_equal_level_and_combined_score_the_organisations_perspective_decides()
    {
        var instrument = Serve;
        string[] Unfavourable(string perspective) =>
            [.. instrument.Node(perspective).Questions.Select(q => $"{q.Id}={(q.Reversed ? "yes" : "no")}")];
        // Users 6/6 and organisation 0/7, against users 0/6 and organisation 7/7: both low, both combine to 1/2.
        var usersOnly = Candidate("users-only", Unfavourable("organisation-perspective"));
        var organisationOnly = Candidate("organisation-only", Unfavourable("users-perspective"));

        var ranking = ServiceComparison.Rank(instrument, [usersOnly, organisationOnly]);

        Assert.Equal([("organisation-only", 1), ("users-only", 2)], ranking.Standings.Select(s => (s.ServiceId, s.Rank)));
        Assert.All(ranking.Standings, s => Assert.Equal((Level.Low, new Ratio(1, 2)), (s.Suitability!.Value, s.CombinedScore!.Value)));
        Assert.Equal(["organisation-only"], ranking.MostSuitable.Select(s => s.ServiceId));
    }

    [Fact]
    public void A_service_without_enough_answers_ranks_last_and_is_never_marked()
    {
        var sparse = new CandidateService("unknown", "Unknown", AnswerSheet.For(Serve).With("many-users", "yes"));

        var ranking = ServiceComparison.Rank(Serve, [sparse, Candidate("permits", "many-users=no", "digital-use=no", "many-complaints=no")]);

        Assert.Equal(["permits", "unknown"], ranking.Standings.Select(s => s.ServiceId));
        Assert.Null(ranking.Standings[1].Suitability);
        Assert.False(ranking.Standings[1].MostSuitable);
    }

    [Fact]
    public void Two_candidates_with_one_id_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceComparison.Rank(Serve, [Candidate("a"), Candidate("a")]));

        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Another_instrument_cannot_compare_services()
    {
        var ready = InstrumentCatalog.Load("co-ready", "1.0");

        Assert.Throws<ArgumentException>(() => ServiceComparison.Rank(ready, []));
    }

    private static CandidateService Candidate(string id, params string[] overrides) =>
        new(id, id.Replace('-', ' '), TinyInstrument.AllFavourable(Serve, overrides));
}
