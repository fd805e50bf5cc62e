using Microsoft.AspNetCore.Mvc;

namespace Cocreo.Web.Features.Debate;

/// <summary>The synthesis above a debate (wherever the debate is shown), and for the team the way to write it.</summary>
public sealed class DebateSynthesisViewComponent(SynthesisReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DebateSubject subject)
    {
        var shown = await reader.ReadAsync(subject.Kind, subject.Id, HttpContext.RequestAborted);
        return View("/Features/Debate/_Synthesis.cshtml", new SynthesisView(subject, shown is { Synthesis.IsEmpty: false } ? shown : null));
    }
}

public sealed record SynthesisView(DebateSubject Subject, ShownSynthesis? Shown)
{
    public bool MayWrite => SynthesisPermissions.Write(Subject).IsAllowed;

    public string EditLink => $"/debate/{Subject.Kind}/{Subject.Id}/synthesis";
}
