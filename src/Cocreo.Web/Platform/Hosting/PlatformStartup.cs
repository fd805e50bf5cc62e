using Cocreo.Web.Data;

namespace Cocreo.Web.Platform.Hosting;

public static class PlatformStartup
{
    /// <summary>
    /// Before the app is built: checks the platform's own settings (the public address links are built from). A wrong
    /// one stops start-up with one line that names the setting; Program then exits with 1.
    /// </summary>
    public static bool Check(WebApplicationBuilder builder) =>
        PlatformOptions.Read(builder.Configuration, builder.Environment).Problem is not { } problem || DatabaseStartup.Fail(problem);
}
