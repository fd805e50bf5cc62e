namespace Cocreo.Cli.Tests;

public class RootCommandTests
{
    [Fact]
    public void An_unknown_command_is_refused_with_a_non_zero_exit()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CocreoCommand.Run(["no-such-command"], output, error);

        Assert.NotEqual(0, exit);
        Assert.Contains("no-such-command", error.ToString());
    }
}
