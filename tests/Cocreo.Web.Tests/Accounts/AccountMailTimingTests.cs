using System.Net;
using System.Net.Sockets;
using Cocreo.Web.Testing;

namespace Cocreo.Web.Tests.Accounts;

/// <summary>
/// The answers that send account mail (forgot password, register, resend confirmation) never wait for the mail server:
/// if they did, a patient attacker could time them and tell an address with an account (mail sent) from one without.
/// The mail server here accepts the connection and then says nothing, as a slow or hung server would.
/// </summary>
public sealed class AccountMailTimingTests(AccountMailTimingTests.SilentSmtpApp app) : IClassFixture<AccountMailTimingTests.SilentSmtpApp>
{
    [Fact]
    public async Task Forgot_password_for_a_known_address_answers_without_waiting_for_the_mail_server()
    {
        var user = await app.CreateUserAsync("Known Person");
        var client = app.NewClient();
        var answer = client.SubmitAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        // The mail server never answers, so a request that waited for it would not finish (MailKit waits two minutes).
        var finished = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == answer, "The answer waited for the mail server.");
        Assert.Equal(HttpStatusCode.OK, (await answer).StatusCode);
        // And the mail was on its way: the background sender connected to the mail server.
        Assert.True(await app.Smtp.ConnectedAsync(TimeSpan.FromSeconds(30)), "Nothing tried to send the reset mail.");
    }

    /// <summary>The app with a mail server that accepts connections and never speaks.</summary>
    public sealed class SilentSmtpApp : SqliteApp
    {
        public SilentSmtp Smtp { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        public override async ValueTask DisposeAsync()
        {
            Smtp.Dispose();
            await base.DisposeAsync();
        }
    }

    public sealed class SilentSmtp : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> accepted = [];
        private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SilentSmtp()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public async Task<bool> ConnectedAsync(TimeSpan within) => await Task.WhenAny(connected.Task, Task.Delay(within)) == connected.Task;

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync();
                    lock (accepted)
                    {
                        accepted.Add(client);
                    }
                    connected.TrySetResult();
                }
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        public void Dispose()
        {
            listener.Stop();
            lock (accepted)
            {
                accepted.ForEach(c => c.Dispose());
            }
        }
    }
}
