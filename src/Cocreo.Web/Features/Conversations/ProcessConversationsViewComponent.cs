using Cocreo.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Conversations;

/// <summary>The link to a process's conversations, on the process page.</summary>
public sealed class ProcessConversationsViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(ProcessView process) => View("/Features/Conversations/_ProcessLink.cshtml", process.Process.Id);
}
