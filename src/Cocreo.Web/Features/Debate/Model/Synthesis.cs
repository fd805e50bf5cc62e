using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cocreo.Web.Features.Debate;

/// <summary>
/// What the organisation makes of a debate: a short summary and the main arguments for and against, each linking to
/// the comments that made them. Written and kept by people (the target's moderators, i.e. the process's team); an
/// automated draft could one day fill the same form, but what is published is always what a person wrote and signed
/// off. One per debate (a kind and an id, as <see cref="Comment"/>). <see cref="Version"/> moves with every change, so
/// two people editing at once cannot overwrite each other unseen.
/// </summary>
public sealed class DebateSynthesis
{
    public int Id { get; private set; }

    public string TargetKind { get; init; } = "";

    public int TargetId { get; init; }

    public int ProcessId { get; init; }

    /// <summary>Markdown.</summary>
    public string Summary { get; private set; } = "";

    public List<SynthesisArgument> Arguments { get; private set; } = [];

    public DateTime WrittenAt { get; private set; }

    /// <summary>Who last changed it (a member of the team); empty once they deleted their account.</summary>
    public string WrittenByUserId { get; private set; } = "";

    public int Version { get; private set; }

    public bool IsEmpty => Summary.Length == 0 && Arguments.Count == 0;

    public static DebateSynthesis For(string kind, int targetId, int processId) => new() { TargetKind = kind, TargetId = targetId, ProcessId = processId };

    /// <summary>Replaces the summary and the arguments (in the order given); false when nothing changed.</summary>
    public bool Write(string summary, IReadOnlyList<ArgumentDraft> arguments, string userId, DateTime now)
    {
        var text = (summary ?? "").Trim();
        if (text.Length > SynthesisLimits.Summary)
        {
            throw new DebateRuleException("SynthesisTooLong", "Input.Summary", SynthesisLimits.Summary);
        }
        if (arguments.Count > SynthesisLimits.Arguments)
        {
            throw new DebateRuleException("TooManyArguments", "Input.Arguments", SynthesisLimits.Arguments);
        }
        var same = text == Summary && arguments.Count == Arguments.Count
            && arguments.Zip(Arguments.OrderBy(a => a.Position)).All(p => p.First.Side == p.Second.Side && p.First.Text == p.Second.Text && p.First.CommentIds.SequenceEqual(p.Second.CommentIds));
        if (same)
        {
            return false;
        }
        Summary = text;
        Arguments.Clear();
        for (var i = 0; i < arguments.Count; i++)
        {
            Arguments.Add(new SynthesisArgument { Position = i, Side = arguments[i].Side, Text = arguments[i].Text, CommentIds = [.. arguments[i].CommentIds] });
        }
        WrittenAt = now;
        WrittenByUserId = userId;
        Version++;
        return true;
    }

    public void ForgetWriter() => WrittenByUserId = "";
}

/// <summary>One argument of a synthesis: for or against, in a sentence or two, with the comments that made it.</summary>
public sealed class SynthesisArgument
{
    public int Id { get; private set; }

    public int SynthesisId { get; private set; }

    public int Position { get; init; }

    /// <summary><see cref="Alignment.For"/> or <see cref="Alignment.Against"/>.</summary>
    public Alignment Side { get; init; }

    public string Text { get; init; } = "";

    /// <summary>The comments of the same debate that made the argument, in the order given.</summary>
    public List<int> CommentIds { get; init; } = [];
}

/// <summary>An argument as written in the form or sent to the API, checked.</summary>
public sealed record ArgumentDraft(Alignment Side, string Text, IReadOnlyList<int> CommentIds);

public static class SynthesisLimits
{
    public const int Summary = 4_000;
    public const int Argument = 500;
    public const int Arguments = 30;
    public const int CommentsPerArgument = 20;
}

internal sealed class DebateSynthesisConfiguration : IEntityTypeConfiguration<DebateSynthesis>
{
    public void Configure(EntityTypeBuilder<DebateSynthesis> synthesis)
    {
        synthesis.ToTable("DebateSyntheses");
        synthesis.Property(s => s.TargetKind).HasMaxLength(30).IsRequired();
        synthesis.Property(s => s.Summary).HasMaxLength(SynthesisLimits.Summary);
        synthesis.Property(s => s.WrittenByUserId).HasMaxLength(450);
        synthesis.Property(s => s.Version).IsConcurrencyToken();
        synthesis.HasIndex(s => new { s.TargetKind, s.TargetId }).IsUnique();
        synthesis.HasIndex(s => s.WrittenByUserId);
        synthesis.HasMany(s => s.Arguments).WithOne().HasForeignKey(a => a.SynthesisId).OnDelete(DeleteBehavior.Cascade);
        synthesis.Navigation(s => s.Arguments).AutoInclude();
    }
}

internal sealed class SynthesisArgumentConfiguration : IEntityTypeConfiguration<SynthesisArgument>
{
    public void Configure(EntityTypeBuilder<SynthesisArgument> argument)
    {
        argument.ToTable("DebateSynthesisArguments");
        argument.Property(a => a.Side).HasConversion<string>().HasMaxLength(10);
        argument.Property(a => a.Text).HasMaxLength(SynthesisLimits.Argument).IsRequired();
        // A short list of ids, read and written whole with the argument: "12,40,41".
        argument.Property(a => a.CommentIds).HasConversion(
            ids => string.Join(',', ids),
            text => text.Length == 0 ? new List<int>() : text.Split(',', StringSplitOptions.None).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, i) => HashCode.Combine(h, i)), l => l.ToList()))
            .HasMaxLength(400);
    }
}
