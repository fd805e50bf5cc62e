using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Cocreo.Web.Data;
using Cocreo.Web.Features.Moderation;
using Cocreo.Web.Platform.Changes;
using Microsoft.EntityFrameworkCore;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// The process's team writes (or rewrites) the synthesis of a debate: a summary and the arguments for and against,
/// each citing comments of the same debate that are shown (not deleted, not hidden). The form says which version it
/// was written on: when someone changed the synthesis meanwhile, nothing is saved and the form comes back with what
/// was typed beside the synthesis as it is now. Logged as <c>debate.synthesis-written</c> (where, the version, how many
/// arguments; never the text).
/// </summary>
public static class WriteSynthesis
{
    public sealed record Command(string Kind, int TargetId, string Summary, IReadOnlyList<ArgumentDraft> Arguments, int Version);

    public sealed record Outcome(int Version, bool Changed);

    public sealed record Target(DebateSubject Subject, DebateSynthesis Synthesis) : IChangeTarget
    {
        public int? LogProcessId => Subject.ProcessId;

        public Platform.Log.LogActor Actor => Subject.Actor;
    }

    public sealed class Handler(CocreoDbContext db, DebateTargetDirectory targets, ModerationDirectory moderation) : IChange<Command, Target, Outcome>
    {
        public async Task<Target?> LoadAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (await targets.FindAsync(command.Kind, command.TargetId, user, cancellationToken) is not { } subject)
            {
                return null;
            }
            var synthesis = await db.Set<DebateSynthesis>().SingleOrDefaultAsync(s => s.TargetKind == subject.Kind && s.TargetId == subject.Id, cancellationToken)
                ?? DebateSynthesis.For(subject.Kind, subject.Id, subject.ProcessId);
            return new Target(subject, synthesis);
        }

        public Decision Decide(Target target, Command command) => SynthesisPermissions.Write(target.Subject);

        public async Task<Outcome> RunAsync(Change<Target> change, Command command, CancellationToken cancellationToken)
        {
            var (subject, synthesis) = change.Target;
            if (synthesis.Version != command.Version)
            {
                throw new DebateRuleException("SynthesisChanged", "Input.Summary");
            }
            var cited = command.Arguments.SelectMany(a => a.CommentIds).Distinct().ToList();
            if (cited.Count > 0)
            {
                var found = await db.Set<Comment>().AsNoTracking().Where(c => cited.Contains(c.Id) && c.TargetKind == subject.Kind && c.TargetId == subject.Id && c.DeletedAt == null)
                    .Select(c => c.Id).ToListAsync(cancellationToken);
                var statuses = await moderation.StatusesAsync(DebateComments.Kind, found, cancellationToken);
                var missing = cited.Where(id => !found.Contains(id) || !statuses[id].IsShown).ToList();
                if (missing.Count > 0)
                {
                    throw new DebateRuleException("CitedElsewhere", "Input.Arguments", string.Join(", ", missing.Select(id => "#" + id.ToString(CultureInfo.InvariantCulture))));
                }
            }
            if (!synthesis.Write(command.Summary, command.Arguments, subject.Access.UserId!, change.Now))
            {
                return new Outcome(synthesis.Version, false);
            }
            if (db.Entry(synthesis).State == EntityState.Detached)
            {
                db.Add(synthesis);
            }
            var about = DebateLog.Where(subject);
            about["on"] = subject.Kind;
            about["target"] = subject.Id;
            about["version"] = synthesis.Version;
            about["for"] = synthesis.Arguments.Count(a => a.Side == Alignment.For);
            about["against"] = synthesis.Arguments.Count(a => a.Side == Alignment.Against);
            change.Log("debate.synthesis-written", about);
            return new Outcome(synthesis.Version, true);
        }
    }
}

public static class SynthesisPermissions
{
    /// <summary>The team that moderates a debate (the process's team) writes its synthesis, for as long as people may read it.</summary>
    public static Decision Write(DebateSubject subject) => subject.Read.And(() => subject.Moderates
        ? Decision.Allowed
        : Decision.NotYours("Only the process's team writes the synthesis of a debate.", typeof(DebatePermissions)));
}

/// <summary>
/// An argument as the form writes it: a side, a sentence, and the comments that made it as their numbers (#12 40 …,
/// or their links, which end in #comment-12).
/// </summary>
public static partial class SynthesisInput
{
    [GeneratedRegex(@"^(?:.*#comment-|#)?(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>The arguments of the form (rows left empty are skipped), or the rule the input breaks.</summary>
    public static IReadOnlyList<ArgumentDraft> Check(IReadOnlyList<(Alignment? Side, string? Text, string? Comments)> rows)
    {
        var arguments = new List<ArgumentDraft>();
        var number = 0;
        foreach (var (side, rawText, rawComments) in rows)
        {
            number++;
            var text = (rawText ?? "").Trim();
            var comments = (rawComments ?? "").Trim();
            if (text.Length == 0 && comments.Length == 0)
            {
                continue;
            }
            arguments.Add(Argument(number, side, text, comments.Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(reference =>
                Reference().Match(reference) is { Success: true } match && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                    ? id
                    : throw new DebateRuleException("CitationUnreadable", "Input.Arguments", number, reference)).ToList()));
        }
        return arguments;
    }

    /// <summary>One argument, checked: a side, a sentence of at most the limit, at most so many comments (each once).</summary>
    public static ArgumentDraft Argument(int number, Alignment? side, string? rawText, IReadOnlyList<int>? commentIds)
    {
        var text = (rawText ?? "").Trim();
        if (side is not (Alignment.For or Alignment.Against))
        {
            throw new DebateRuleException("ArgumentSide", "Input.Arguments", number);
        }
        if (text.Length == 0)
        {
            throw new DebateRuleException("ArgumentEmpty", "Input.Arguments", number);
        }
        if (text.Length > SynthesisLimits.Argument)
        {
            throw new DebateRuleException("ArgumentTooLong", "Input.Arguments", number, SynthesisLimits.Argument);
        }
        var ids = (commentIds ?? []).Distinct().ToList();
        if (ids.Count > SynthesisLimits.CommentsPerArgument)
        {
            throw new DebateRuleException("TooManyCitations", "Input.Arguments", number, SynthesisLimits.CommentsPerArgument);
        }
        return new ArgumentDraft(side.Value, text, ids);
    }
}

/// <summary>Reads a debate's synthesis with where each cited comment is: a link that opens its thread on the debate's page.</summary>
public sealed class SynthesisReader(CocreoDbContext db)
{
    public async Task<ShownSynthesis?> ReadAsync(string kind, int targetId, CancellationToken cancellationToken)
    {
        var synthesis = await db.Set<DebateSynthesis>().AsNoTracking().SingleOrDefaultAsync(s => s.TargetKind == kind && s.TargetId == targetId, cancellationToken);
        if (synthesis is null || synthesis.IsEmpty)
        {
            return synthesis is null ? null : new ShownSynthesis(synthesis, new Dictionary<int, string>());
        }
        var cited = synthesis.Arguments.SelectMany(a => a.CommentIds).Distinct().ToList();
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => cited.Contains(c.Id) && c.TargetKind == kind && c.TargetId == targetId)
            .Select(c => new { c.Id, Root = c.ThreadId ?? c.Id }).ToListAsync(cancellationToken);
        var roots = comments.Select(c => c.Root).Distinct().ToList();
        var rootTimes = await db.Set<Comment>().AsNoTracking().Where(c => roots.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PostedAt, cancellationToken);
        return new ShownSynthesis(synthesis, comments.Where(c => rootTimes.ContainsKey(c.Root))
            .ToDictionary(c => c.Id, c => CommentLink(kind, targetId, c.Id, c.Root, rootTimes[c.Root])));
    }

    /// <summary>
    /// The debate's own page from the comment's thread on (oldest first, the page cursor just before its top-level
    /// comment), the thread expanded, at the comment: it is found however many comments came before it.
    /// </summary>
    public static string CommentLink(string kind, int targetId, int commentId, int rootId, DateTime rootPostedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"/debate/{kind}/{targetId}?sort=Oldest&after={rootPostedAt.Ticks}_{rootId - 1}&expand={rootId}#comment-{commentId}");
}

/// <summary>A synthesis as shown: the links of the comments it cites that are still in its debate.</summary>
public sealed record ShownSynthesis(DebateSynthesis Synthesis, IReadOnlyDictionary<int, string> Links);
