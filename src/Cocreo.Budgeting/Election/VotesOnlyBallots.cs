using System.Collections;
using System.Runtime.InteropServices;

namespace Cocreo.Budgeting.Election;

/// <summary>
/// The ballots of a <see cref="BallotDetail.VotesOnly"/> profile, kept as project indices (and points) in flat arrays:
/// about 20 bytes for a ballot of five projects instead of some 120 as objects. A <see cref="Ballot"/> is made each
/// time one is read, with an empty voter id and no extra values.
/// </summary>
internal sealed class VotesOnlyBallots(IReadOnlyList<Project> projects, bool withPoints) : IReadOnlyList<Ballot>
{
    private readonly List<int> _projects = [];
    private readonly List<int>? _points = withPoints ? [] : null;
    private readonly List<int> _starts = [0];

    public int Count => _starts.Count - 1;

    public Ballot this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var (start, length) = (_starts[index], _starts[index + 1] - _starts[index]);
            var chosen = new Project[length];
            var indices = CollectionsMarshal.AsSpan(_projects).Slice(start, length);
            for (var i = 0; i < length; i++)
            {
                chosen[i] = projects[indices[i]];
            }
            var points = _points is null ? null : CollectionsMarshal.AsSpan(_points).Slice(start, length).ToArray();
            return Ballot.FromCheckedArrays(string.Empty, chosen, points, []);
        }
    }

    /// <summary>Adds a ballot: the projects voted for, in order, and with points their points (as many).</summary>
    public void Add(ReadOnlySpan<Project> chosen, ReadOnlySpan<int> points)
    {
        foreach (var project in chosen)
        {
            _projects.Add(project.Index);
        }
        _points?.AddRange(points);
        _starts.Add(_projects.Count);
    }

    /// <summary>Gives back the room the lists grew into beyond what they hold.</summary>
    public void TrimExcess()
    {
        _projects.TrimExcess();
        _points?.TrimExcess();
        _starts.TrimExcess();
    }

    public IEnumerator<Ballot> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
