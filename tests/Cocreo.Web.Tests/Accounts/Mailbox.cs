using System.Text.RegularExpressions;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>Reads the e-mails the app wrote to its pickup folder, as their recipients would.</summary>
internal static partial class Mailbox
{
    /// <summary>The newest mail to this address whose body contains <paramref name="containing"/>, waiting a little for it.</summary>
    public static async Task<string> LatestAsync(CocreoApp app, string address, string containing = "")
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await FindAsync(app, address, containing) is { } body)
            {
                return body;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No mail to {address} containing '{containing}'");
    }

    /// <summary>The newest mail to this address containing the text, or null at once.</summary>
    public static async Task<string?> FindAsync(CocreoApp app, string address, string containing = "")
    {
        if (!Directory.Exists(app.MailFolder))
        {
            return null;
        }
        foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) &&
                (message.TextBody ?? "").Contains(containing, StringComparison.Ordinal))
            {
                return message.TextBody ?? "";
            }
        }
        return null;
    }

    /// <summary>
    /// The first written mail that matches, waiting a little for it: an instance's own dispatcher may have claimed the
    /// mail a moment before the test's batch and still be writing it.
    /// </summary>
    public static async Task<MimeKit.MimeMessage> WaitForAsync(CocreoApp app, Func<MimeKit.MimeMessage, bool> match)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var file in Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (match(message))
                {
                    return message;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("No mail written to " + app.MailFolder + " matches");
    }

    /// <summary>The path and query of the first link in a mail that contains <paramref name="path"/>.</summary>
    public static string LinkTo(string body, string path) =>
        new Uri(Links().Matches(body).Select(m => m.Value).First(l => l.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
