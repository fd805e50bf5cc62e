using Cocreo.Web.Data;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team translates the process's content so readers see it in their language.</summary>
public static class TranslateProcess
{
    public sealed record Command(int ProcessId, string Language, ProcessTranslationContent Content) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes, CocreoDbContext db) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Edit;

        public override async Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            if (!ContentLanguages.IsKnown(command.Language))
            {
                throw new ProcessRuleException("UnknownLanguage");
            }
            await db.Entry(process).Collection(p => p.Translations).LoadAsync(cancellationToken);
            process.Translate(command.Language, command.Content);
            change.Log("translation.updated", new { language = command.Language, title = command.Content.Title.Trim() });
            return new Done();
        }
    }
}
