using Cocreo.Web.Features.Processes;
using Cocreo.Web.Platform.Changes;

namespace Cocreo.Web.Features.Transparency;

/// <summary>Facilitators and sponsors write a reflection or a learning into the public log: working out loud.</summary>
public static class AddReflection
{
    public enum Kind
    {
        Reflection,
        Learning,
    }

    public sealed record Command(int ProcessId, Kind Kind, string? Title, string Text, Guid SubmissionId) : IProcessCommand, ISubmittedOnce;

    public sealed class Handler(ProcessAccessReader processes) : ProcessChange<Command, Done>(processes)
    {
        protected override ProcessAction Action => ProcessAction.Reflect;

        public override Task<Done> RunAsync(Change<ProcessTarget> change, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Kind))
            {
                throw new TransparencyRuleException("UnknownKind");
            }
            change.Log("reflection.added", new
            {
                kind = command.Kind.ToString().ToLowerInvariant(),
                title = command.Title?.Trim() ?? "",
                text = command.Text.Trim(),
                phase = change.Target.Process.CurrentPhase.ToString(),
            });
            return Task.FromResult(new Done());
        }
    }
}
