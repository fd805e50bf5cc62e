using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cocreo.Web.Testing;
using CsCheck;

namespace Cocreo.Web.Tests.Fuzz;

/// <summary>
/// No input makes the server fail. The demo city is crawled as a platform administrator (who reaches every form), every
/// POST form found is submitted with fields replaced by generated hostile values (empty, huge, control characters,
/// numbers at and beyond the limits of their type, malformed dates, markup), and the one JSON API that takes a body
/// gets generated bodies (wrong types, huge arrays, extreme numbers, malformed JSON). Every answer must be below 500:
/// a refusal that says what to fix, or a success. CsCheck shrinks a failure to the smallest input that still fails.
/// </summary>
public sealed partial class InputFuzzTests(InputFuzzTests.DemoApp app) : IClassFixture<InputFuzzTests.DemoApp>
{
    public sealed class DemoApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "true" };
    }

    /// <summary>A POST form as found on a page: where it posts and its fields with the values the page gave them.</summary>
    public sealed record Form(string Page, string Action, IReadOnlyDictionary<string, string> Fields)
    {
        public override string ToString() => $"{Action} (from {Page})";
    }

    private static readonly string[] Hostile =
    [
        "", " ", "0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
        "1e309", "NaN", "-0", "0x10", "1,5", "١٢٣", "2026-02-30", "9999-12-31T23:59:59", "0001-01-01", "31.12.2026",
        "true", "null", "undefined", "[]", "{}", "\u0000", "\t\r\n", "/%09/evil.example", "<script>alert(1)</script>",
        "' OR 1=1 --", "../../etc/passwd", "😀", "\uD800", "Ž\u0301", new string('x', 20_000), new string('9', 400),
        string.Concat(Enumerable.Repeat("a\nb\n", 3_000)),
    ];

    /// <summary>Fields the fuzzer leaves alone: without them the request never reaches the handler.</summary>
    private static bool Kept(string name) => name is "__RequestVerificationToken";

    private static Gen<Dictionary<string, string>> Mutations(Form form)
    {
        var names = form.Fields.Keys.Where(n => !Kept(n)).ToArray();
        var value = Gen.Frequency((3, Gen.OneOf(Hostile)), (1, Gen.String), (1, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var extra = Gen.OneOf("id", "Input.Id", "handler", "Input", "SubmissionId", "Input.SubmissionId", "returnUrl", "Input.Items[999999]", "x[2147483647]");
        return Gen.Select(
            value.Array[names.Length, names.Length],
            Gen.Bool.Array[names.Length, names.Length],
            Gen.Select(extra, value).Array[0, 3],
            (values, replace, extras) =>
            {
                var fields = new Dictionary<string, string>(form.Fields);
                for (var i = 0; i < names.Length; i++)
                {
                    if (replace[i])
                    {
                        fields[names[i]] = values[i];
                    }
                }
                foreach (var (name, v) in extras)
                {
                    fields[name] = v;
                }
                return fields;
            });
    }

    [Fact]
    public async Task No_form_answers_500_whatever_its_fields_hold()
    {
        var admin = await app.SignedInClientAsync(await app.CreateUserAsync("Fuzzing Admin", platformAdmin: true));
        var forms = await CrawlFormsAsync(admin, ["/", "/processes", "/organisations"]);
        // The crawl reaches the capabilities' forms, so the test fails if it stops finding them.
        Assert.True(forms.Count >= 30, $"Only {forms.Count} forms found: {string.Join(", ", forms)}");
        var failures = new List<string>();
        foreach (var form in forms)
        {
            try
            {
                await Mutations(form).SampleAsync(async fields =>
                {
                    var response = await admin.PostAsync(form.Action, fields);
                    Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} from {form.Action}");
                }, iter: 12, threads: 1, print: fields => string.Join("&", fields.Where(f => !Kept(f.Key)).Select(f => $"{f.Key}={Show(f.Value)}")));
            }
            catch (CsCheckException failure)
            {
                failures.Add($"{form}: {failure.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task No_account_form_answers_500_to_an_anonymous_visitor()
    {
        var visitor = app.NewClient();
        var forms = await CrawlFormsAsync(visitor, ["/account/register", "/account/sign-in", "/account/forgot-password", "/account/resend-confirmation"], limit: 8);
        Assert.True(forms.Count >= 4, string.Join(", ", forms));
        foreach (var form in forms)
        {
            await Mutations(form).SampleAsync(async fields =>
            {
                var response = await visitor.PostAsync(form.Action, fields);
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} from {form.Action}");
            }, iter: 25, threads: 1, print: fields => string.Join("&", fields.Select(f => $"{f.Key}={Show(f.Value)}")));
        }
    }

    [Fact]
    public async Task The_ballot_API_answers_every_body_below_500()
    {
        var budgets = (await CrawlLinksAsync(app.NewClient(), ["/processes"], 80))
            .Select(u => BudgetLink().Match(u)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(budgets);
        var number = Gen.OneOf("0", "-1", "1", "2147483647", "-2147483648", "2147483648", "1e400", "1.5", "\"7\"", "null", "true");
        var array = Gen.OneOf(number.Array[0, 6].Select(a => "[" + string.Join(",", a) + "]"), Gen.Const("[" + string.Join(",", Enumerable.Repeat("null", 100_000)) + "]"), Gen.OneOf("null", "{}", "\"x\"", "[[1]]"));
        var text = Gen.OneOf("null", "\"\"", "\"ABCD-EFGH\"", "7", "[]", "\"" + new string('A', 10_000) + "\"");
        var body = Gen.Frequency(
            (6, Gen.Select(text, text, array, array, array, (code, receipt, projects, points, answers) =>
                $"{{\"code\":{code},\"receipt\":{receipt},\"projects\":{projects},\"points\":{points},\"answers\":{answers}}}")),
            (1, Gen.OneOf("", "{", "[]", "null", "{\"projects\":[1,2", "\u0000", "{\"projects\":\"1,2\"}")));
        var client = app.NewClient();
        await Gen.Select(Gen.OneOf(budgets.ToArray()), body).SampleAsync(async (budget, json) =>
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            var response = await client.Http.PostAsync($"/api/v1/budgets/{budget}/ballots", content);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }, iter: 150, threads: 1, print: t => $"budget {t.Item1}: {Show(t.Item2)}");
    }

    // What the fuzzing found, kept as plain regressions.

    [Theory]
    [InlineData("١٢٣")]
    [InlineData("१२३")]
    [InlineData("１２３")]
    public void An_amount_in_another_script_s_digits_is_not_an_amount(string text) =>
        Assert.Null(Cocreo.Web.Features.Budgeting.MoneyInput.Parse(text));

    [Fact]
    public async Task An_organisation_without_languages_is_refused_with_a_message()
    {
        var admin = await app.SignedInClientAsync(await app.CreateUserAsync("Languages Admin", platformAdmin: true));
        var organisation = await Scenarios.CreateOrganisationAsync(admin, $"Municipality of Fuzz {Guid.NewGuid():N}");
        var response = await admin.SubmitAsync($"/organisations/{organisation}/edit", new() { ["Input.Languages"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("List the languages", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Show(string value) => value.Length > 80 ? $"{value[..40]}…({value.Length} chars)" : value;

    /// <summary>Pages reachable from the start pages by links on this site (not downloads, sign-out or the language switch).</summary>
    private static async Task<List<string>> CrawlLinksAsync(FormClient client, string[] start, int limit)
    {
        var seen = new HashSet<string>(start);
        var queue = new Queue<string>(start);
        var pages = new List<string>();
        var parser = new HtmlParser();
        while (queue.Count > 0 && pages.Count < limit)
        {
            var url = queue.Dequeue();
            var response = await client.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages.Add(url);
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var path = WebUtility.HtmlDecode(href).Split('#')[0];
                if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !Skipped().IsMatch(path) && seen.Add(path))
                {
                    queue.Enqueue(path);
                }
            }
        }
        return pages;
    }

    /// <summary>One form per action (ids in paths count as the same action), from the pages the crawl reaches.</summary>
    private static async Task<List<Form>> CrawlFormsAsync(FormClient client, string[] start, int limit = 400)
    {
        var forms = new Dictionary<string, Form>();
        var parser = new HtmlParser();
        foreach (var page in await CrawlLinksAsync(client, start, limit))
        {
            var document = await parser.ParseDocumentAsync(await client.Http.GetStringAsync(page));
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : page;
                if (Skipped().IsMatch(action))
                {
                    continue;
                }
                forms.TryAdd(Digits().Replace(action, "{n}"), new Form(page, action, Fields(form)));
            }
        }
        return forms.Values.ToList();
    }

    private static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("checkbox" or "radio" or "file") || input.IsChecked:
                    fields.TryAdd(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    fields[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields[select.Name!] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }

    /// <summary>Links and forms the crawl leaves: signing out, switching language, downloads.</summary>
    [GeneratedRegex(@"sign-out|^/culture/|\.(csv|json|pb|pem|png|jpg|webp|svg|eml)(\?|$)|/export|/download", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^/budgets/(\d+)")]
    private static partial Regex BudgetLink();
}
