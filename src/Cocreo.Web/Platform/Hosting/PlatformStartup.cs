using Cocreo.Web.Data;

namespace Cocreo.Web.Platform.Hosting;

public static class PlatformStartup
{
    /// <summary>
    /// Before the app is built: checks the platform's own settings (the public address links are built from). A wrong
    /// one stops start-up with one line that names the setting; Program then exits with 1.
    /// </summary>
    public static bool Check(WebApplicationBuilder builder)
    {
        if (PlatformOptions.Read(builder.Configuration, builder.Environment).Problem is { } problem)
        {
            return DatabaseStartup.Fail(problem);
        }
        var transparency = builder.Configuration.GetSection(Log.TransparencyOptions.Section).Get<Log.TransparencyOptions>() ?? new Log.TransparencyOptions();
        var key = Log.CheckpointKey.PathOf(transparency, builder.Environment);
        if (builder.Environment.IsProduction() && !File.Exists(key))
        {
            return DatabaseStartup.Fail(Log.CheckpointKey.MissingKey(key));
        }
        var personalData = builder.Configuration.GetSection(PersonalData.PersonalDataOptions.Section).Get<PersonalData.PersonalDataOptions>() ?? new PersonalData.PersonalDataOptions();
        var sealKey = PersonalData.PersonalDataSeal.PathOf(personalData, builder.Environment);
        return !builder.Environment.IsProduction() || File.Exists(sealKey) || DatabaseStartup.Fail(PersonalData.PersonalDataSeal.MissingKey(sealKey));
    }
}
