using System.Diagnostics;

namespace Cocreo.Sortition;

/// <summary>
/// Measures the processor time of the whole process between start and <see cref="Elapsed"/>: on a shared machine the
/// wall clock also counts the time spent waiting for a core, which says nothing about the work.
/// </summary>
internal readonly struct ProcessorClock
{
    private readonly TimeSpan start;

    private ProcessorClock(TimeSpan start) => this.start = start;

    public static ProcessorClock Start() => new(Now());

    public TimeSpan Elapsed => Now() - start;

    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
