using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.ParticipatoryTexts;

/// <summary>What someone may do with a process's participatory texts.</summary>
public enum TextAction
{
    /// <summary>Read a published text, its sections, versions and exports.</summary>
    View,

    /// <summary>Create a text, import its draft again, publish a version, close or reopen it; read a draft not yet published.</summary>
    Manage,

    /// <summary>Support a section or withdraw one's support.</summary>
    Support,
}

/// <summary>
/// The one place that decides who may do what with a participatory text, on the process as it is (visible, closed:
/// <see cref="ProcessPermissions"/>) and the text (a draft is the team's until its first version is published; a
/// closed text takes no supports or comments).
/// </summary>
public static class TextPermissions
{
    public static Decision Decide(TextAction action, Process process, ProcessAccess who, ParticipatoryText? text = null)
    {
        var view = ProcessPermissions.Decide(ProcessAction.View, process, who);
        if (!view.IsAllowed)
        {
            return view;
        }
        if (text is not null && text.PublishedVersion == 0 && !who.Runs)
        {
            // A draft under review does not exist for the public.
            return Decision.Hidden;
        }
        if (action == TextAction.Manage)
        {
            // The process's team, while the process is open (archived: every change is refused by the platform's guard).
            return ProcessPermissions.Decide(ProcessAction.Edit, process, who);
        }
        return action switch
        {
            TextAction.View => Decision.Allowed,
            TextAction.Support => !who.IsAuthenticated ? NotYours("Sign in to support a section.")
                : ProcessPermissions.Open(process.IsClosed).And(() => Open(text)),
            _ => NotYours("This change is not allowed."),
        };
    }

    /// <summary>Refused with the reason unless the text is published and open.</summary>
    public static Decision Open(ParticipatoryText? text) => text?.State switch
    {
        null or TextState.Open => Decision.Allowed,
        TextState.Draft => Decision.NotNow("This text is not published yet.", typeof(TextPermissions)),
        _ => Decision.NotNow("This text is closed: it takes no new comments or supports.", typeof(TextPermissions)),
    };

    private static Decision NotYours(string reason) => Decision.NotYours(reason, typeof(TextPermissions));
}
