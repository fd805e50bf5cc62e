using System.Text.RegularExpressions;

namespace Cocreo.Browser.Tests;

/// <summary>The test server's pickup folder, read as a person reads their mailbox.</summary>
public static partial class Mailbox
{
    /// <summary>The link of the confirmation e-mail sent to <paramref name="email"/> (waits up to 5 s for it).</summary>
    public static async Task<string> ConfirmationLinkAsync(string mailFolder, string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(mailFolder))
            {
                foreach (var file in Directory.GetFiles(mailFolder, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email) && message.TextBody is { } body && body.Contains("confirm-email", StringComparison.Ordinal))
                    {
                        return Link().Match(body).Value;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("No confirmation email for " + email);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
