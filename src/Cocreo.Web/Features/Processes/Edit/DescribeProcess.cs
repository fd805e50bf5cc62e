using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Processes;

/// <summary>The team changes the description, scope, sponsor and visibility; each kind of change is logged with what changed.</summary>
public static class DescribeProcess
{
    public sealed record Command(int ProcessId, ProcessDescription Description) : IProcessCommand;

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Edit;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            var process = change.Target.Process;
            var description = command.Description;
            var before = ProcessForm.From(process);
            process.Describe(description.Content);
            var changed = Changes(before, ProcessForm.From(process));
            if (changed.Count > 0)
            {
                change.Log("process.described", changed);
            }
            var canBefore = process.CanInfluence.ToList();
            var cannotBefore = process.CannotInfluence.ToList();
            process.SetScope(description.CanInfluence, description.CannotInfluence);
            if (!canBefore.SequenceEqual(process.CanInfluence) || !cannotBefore.SequenceEqual(process.CannotInfluence))
            {
                change.Log("process.scope-changed", new { canInfluence = process.CanInfluence, cannotInfluence = process.CannotInfluence });
            }
            if (process.Visibility != description.Visibility)
            {
                process.ChangeVisibility(description.Visibility);
                change.Log("process.visibility-changed", new { visibility = process.Visibility.ToString() });
            }
            return Task.FromResult(new Done());
        }

        private static Dictionary<string, string> Changes(ProcessForm before, ProcessForm after)
        {
            var changes = new Dictionary<string, string>();
            void Compare(string field, string? a, string? b)
            {
                if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                {
                    changes[field] = b ?? "";
                }
            }
            Compare("title", before.Title, after.Title);
            Compare("problemStatement", before.ProblemStatement, after.ProblemStatement);
            Compare("purpose", before.Purpose, after.Purpose);
            Compare("language", before.Language, after.Language);
            Compare("sponsor", before.SponsorName, after.SponsorName);
            Compare("sponsorMandate", before.SponsorMandate, after.SponsorMandate);
            Compare("politicalBacking", before.PoliticalBacking, after.PoliticalBacking);
            return changes;
        }
    }
}
