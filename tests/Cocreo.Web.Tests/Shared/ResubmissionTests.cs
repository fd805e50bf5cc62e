using System.Net;
using Cocreo.Web.Features.Budgeting;
using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;
using Cocreo.Web.Platform.Email;
using Cocreo.Web.Platform.Log;
using Cocreo.Testing;
using Cocreo.Web.Testing;
using Cocreo.Web.Tests.Budgeting;
using Microsoft.EntityFrameworkCore;
using static Cocreo.Web.Tests.Budgeting.BudgetingScenario;

namespace Cocreo.Web.Tests.Shared;

/// <summary>
/// Every form carries a one-time submission id (issue 15 item 6): sending the same form again — the Back button, a
/// double click, a browser retry — does nothing and shows the first result, for each kind of write; a form copied
/// from another person's page gives its sender nothing of theirs.
/// </summary>
public abstract class ResubmissionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CocreoApp
{
    protected TApp App
    {
        get
        {
            app.RequireAvailable();
            return app;
        }
    }

    [Fact]
    public async Task Every_form_that_posts_carries_a_new_submission_id()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var first = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/edit");
        var second = await cast.OwnerClient.ReadFormAsync($"/processes/{cast.ProcessId}/edit");
        Assert.True(Guid.TryParse(first.Fields[FormSubmission.Field], out var one));
        Assert.True(Guid.TryParse(second.Fields[FormSubmission.Field], out var two));
        Assert.NotEqual(one, two);
        var page = await cast.OwnerClient.GetOkPageAsync($"/processes/{cast.ProcessId}");
        Assert.All(page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)),
            form => Assert.NotNull(form.QuerySelector($"input[type=hidden][name={FormSubmission.Field}]")));
    }

    /// <summary>The tag helper writes the id into every form; a page's own hidden id field would be a second one that the runner ignores.</summary>
    [Fact]
    public void No_page_writes_its_own_submission_id_field()
    {
        var own = new System.Text.RegularExpressions.Regex(@"<input[^>]*type=""hidden""[^>]*name=""[^""]*Submission(Id|Name)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var pages = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "src", "Cocreo.Web", "Features"), "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        Assert.Empty(pages.Where(p => own.IsMatch(File.ReadAllText(p))).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Publishing_an_announcement_again_with_Back_logs_it_once_and_mails_each_member_once()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var url = $"/processes/{cast.ProcessId}/announcements/new";
        var (action, fields) = await cast.OwnerClient.ReadFormAsync(url);
        fields["Input.Title"] = "Meeting on Monday";
        fields["Input.Body"] = "In the library at six.";
        // The page's own id is sent fresh, as a page that had forgotten it would: the form's id alone must hold.
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        var mails = await MailCountAsync("Meeting on Monday");

        var first = await AnswerAsync(cast.OwnerClient, action, fields);
        fields["Input.SubmissionId"] = Guid.NewGuid().ToString();
        var again = await AnswerAsync(cast.OwnerClient, action, fields);

        Assert.Equal(first, again);
        Assert.Single(await LogAsync(cast.ProcessId, "announcement.published"));
        // Members are told through their notifications (e-mailed at once or in a digest, as each chose): once each.
        await Cocreo.Web.Tests.Notifications.NotificationScenario.FanOutAsync(App);
        var told = await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Notifications.Notification>()
            .Where(n => n.ProcessId == cast.ProcessId && n.Event == "announcement.published").Select(n => n.UserId).ToListAsync());
        Assert.Equal(await MemberCountAsync(cast.ProcessId), told.Count);
        Assert.Equal(told.Count, told.Distinct().Count());
        Assert.True(await MailCountAsync("Meeting on Monday") - mails <= told.Count);
    }

    [Fact]
    public async Task Joining_again_with_Back_after_leaving_does_not_join_again()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var url = $"/processes/{cast.ProcessId}";
        var join = await cast.OtherStaffClient.ReadFormAsync(url, "Join");
        var joined = await AnswerAsync(cast.OtherStaffClient, join.Action, join.Fields);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync(url, [], handler: "Leave")).StatusCode);

        var again = await AnswerAsync(cast.OtherStaffClient, join.Action, join.Fields);

        Assert.Equal(joined, again);
        Assert.Contains("You joined the process", again.Status, StringComparison.Ordinal);
        Assert.False(await IsMemberAsync(cast.ProcessId, cast.OtherStaff.Id));
    }

    [Fact]
    public async Task An_earlier_edit_sent_again_does_not_undo_a_later_one()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var url = $"/processes/{cast.ProcessId}/edit";
        var (action, fields) = await cast.OwnerClient.ReadFormAsync(url);
        fields["Input.Title"] = "First title";
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.PostAsync(action, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OwnerClient.SubmitAsync(url, new() { ["Input.Title"] = "Second title" })).StatusCode);

        var again = await cast.OwnerClient.PostAsync(action, fields);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second title", await App.WithDbAsync(db => db.Set<Process>().Where(p => p.Id == cast.ProcessId).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_support_sent_again_after_withdrawing_it_does_not_support_again()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var park = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        var url = $"/proposals/{park}";
        var support = await cast.OtherStaffClient.ReadFormAsync(url, "Support");
        var supported = await AnswerAsync(cast.OtherStaffClient, support.Action, support.Fields);
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.SubmitAsync(url, [], handler: "Withdraw")).StatusCode);

        var again = await AnswerAsync(cast.OtherStaffClient, support.Action, support.Fields);

        Assert.Equal(supported, again);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == park)));
    }

    [Fact]
    public async Task A_budget_phase_move_sent_twice_moves_once_and_says_so_both_times()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var (action, fields) = await cast.OwnerClient.ReadFormAsync($"/budgets/{budgetId}/phases", "Advance");

        var first = await cast.OwnerClient.PostAsync(action, fields);
        var firstStatus = await StatusAfterAsync(cast.OwnerClient, first);
        var again = await cast.OwnerClient.PostAsync(action, fields);

        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(firstStatus, await StatusAfterAsync(cast.OwnerClient, again));
        Assert.Contains("moved to the phase", firstStatus, StringComparison.Ordinal);
        Assert.Single(await LogAsync(cast.ProcessId, "budget.phase-advanced"));
    }

    [Fact]
    public async Task A_double_click_sends_two_copies_at_once_and_the_comment_is_posted_once()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var budgetId = await CreateBudgetAsync(cast.OwnerClient, cast.ProcessId);
        var park = await ProposeAsync(cast.ParticipantClient, budgetId, new Idea("A pocket park", 40_000m));
        var (action, fields) = await cast.OtherStaffClient.ReadFormAsync($"/proposals/{park}", "Comment");
        fields["Comment"] = "Yes, with benches.";
        fields["CommentSubmissionId"] = Guid.NewGuid().ToString();
        var copy = new Dictionary<string, string>(fields) { ["CommentSubmissionId"] = Guid.NewGuid().ToString() };

        var answers = await Task.WhenAll(cast.OtherStaffClient.PostAsync(action, fields), cast.OtherStaffClient.PostAsync(action, copy));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<Cocreo.Web.Features.Debate.Comment>().CountAsync(c => c.TargetKind == "proposal" && c.TargetId == park)));
    }

    [Fact]
    public async Task A_form_copied_from_someone_else_gives_nothing_of_theirs_and_runs_as_its_sender()
    {
        var cast = await Scenarios.ProcessWithCastAsync(App);
        var url = $"/processes/{cast.ProcessId}";
        var join = await cast.OtherStaffClient.ReadFormAsync(url, "Join");
        Assert.Equal(HttpStatusCode.Redirect, (await cast.OtherStaffClient.PostAsync(join.Action, join.Fields)).StatusCode);
        var joins = (await LogAsync(cast.ProcessId, "member.joined")).Count;

        // The admin sends the other staff member's form, id included (with their own anti-forgery token).
        var fields = new Dictionary<string, string>(join.Fields) { ["__RequestVerificationToken"] = await Scenarios.AntiforgeryTokenAsync(cast.AdminClient) };
        var theirs = await cast.AdminClient.PostAsync(join.Action, fields);

        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.True(await IsMemberAsync(cast.ProcessId, cast.Admin.Id));
        Assert.Equal(joins + 1, (await LogAsync(cast.ProcessId, "member.joined")).Count);
    }

    /// <summary>Posts a form and follows its redirect: where it led and the status message shown there.</summary>
    private static async Task<(string? Location, string Status)> AnswerAsync(FormClient client, string action, Dictionary<string, string> fields)
    {
        var response = await client.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response.Headers.Location?.OriginalString, await StatusAfterAsync(client, response));
    }

    /// <summary>The status message the page the redirect leads to shows (read once, as TempData is).</summary>
    private static async Task<string> StatusAfterAsync(FormClient client, HttpResponseMessage response) =>
        (await client.GetOkPageAsync(response.Headers.Location!.OriginalString)).QuerySelector("[role=status]")?.TextContent.Trim() ?? "";

    private Task<List<ProcessLogEntry>> LogAsync(int processId, string action) =>
        App.WithDbAsync(db => db.Set<ProcessLogEntry>().Where(e => e.ProcessId == processId && e.Action == action).ToListAsync());

    private Task<int> MailCountAsync(string subject) => App.WithDbAsync(db => db.Set<OutgoingEmail>().CountAsync(e => e.Subject.Contains(subject)));

    private Task<int> MemberCountAsync(int processId) => App.WithDbAsync(db => db.Set<ProcessMember>().CountAsync(m => m.ProcessId == processId));

    private Task<bool> IsMemberAsync(int processId, string userId) => App.WithDbAsync(db => db.Set<ProcessMember>().AnyAsync(m => m.ProcessId == processId && m.UserId == userId));
}

public sealed class ResubmissionOnSqlite(BudgetingSqliteApp app) : ResubmissionTests<BudgetingSqliteApp>(app);

public sealed class ResubmissionOnPostgres(BudgetingPostgresApp app) : ResubmissionTests<BudgetingPostgresApp>(app);
