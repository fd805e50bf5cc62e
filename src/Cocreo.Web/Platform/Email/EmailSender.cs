using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cocreo.Web.Platform.Email;

/// <summary>How the platform sends email. Bound from <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Cocreo <no-reply@cocreo.localhost>";

    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go when no SMTP server is set (the default outside production).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";
}

/// <summary>
/// An e-mail. <paramref name="Unsubscribe"/>, for mail people may stop (notifications), is the one-click unsubscribe
/// address sent as <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058).
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? Unsubscribe = null);

/// <summary>Sends email through SMTP with MailKit, or drops it in a pickup folder.</summary>
public sealed partial class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        if (message.Unsubscribe is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", "<" + unsubscribe + ">");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.IsPathRooted(settings.PickupDirectory)
                ? settings.PickupDirectory
                : Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
            // Written under a temporary name and renamed, so whoever watches the folder never reads half a message.
            var partial = Path.Combine(folder, name + ".partial");
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(folder, name + ".eml"));
            LogPickedUp(logger, folder);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    // The recipient's address is personal data: it is never logged.
    [LoggerMessage(Level = LogLevel.Information, Message = "Email written to the pickup folder {Folder}")]
    private static partial void LogPickedUp(ILogger logger, string folder);
}
