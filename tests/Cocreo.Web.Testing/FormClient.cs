using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace Cocreo.Web.Testing;

/// <summary>
/// Uses the app as a browser without JavaScript would: reads a page, fills in one of its forms (keeping its hidden
/// fields: the antiforgery token, the one-time submission id) and submits it.
/// </summary>
public sealed class FormClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }

    public async Task<IHtmlDocument> GetOkPageAsync(string url)
    {
        var (response, document) = await GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return document;
    }

    /// <summary>The form fields, hidden ones included, of a page's form (by handler, else the first POST form).</summary>
    public async Task<(string Action, Dictionary<string, string> Fields)> ReadFormAsync(string pageUrl, string? handler = null)
    {
        var document = await GetOkPageAsync(pageUrl);
        var form = FindForm(document, handler) ?? throw new InvalidOperationException($"No POST form{(handler is null ? "" : " for handler " + handler)} on {pageUrl}");
        return (FormAction(form, pageUrl), Fields(form));
    }

    /// <summary>Reads the page's form, overrides the given fields and posts it. Returns the raw response.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, Dictionary<string, string> fields, string? handler = null)
    {
        var (action, values) = await ReadFormAsync(pageUrl, handler);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        return await PostAsync(action, values);
    }

    public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static IHtmlFormElement? FindForm(IHtmlDocument document, string? handler) =>
        document.Forms.FirstOrDefault(f =>
            string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase) &&
            (handler is null
                ? !(f.GetAttribute("action") ?? "").Contains("sign-out", StringComparison.Ordinal)
                : (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)));

    private static string FormAction(IHtmlFormElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
    }

    private static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields[input.Name] = input.Value;
                        }
                    }
                    else if (!fields.ContainsKey(input.Name) || input.Type != "hidden")
                    {
                        fields[input.Name] = input.Value;
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
            }
        }
        return fields;
    }

    public void Dispose() => http.Dispose();
}
