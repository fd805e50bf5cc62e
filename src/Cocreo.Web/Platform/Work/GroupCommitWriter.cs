using System.Threading.Channels;

namespace Cocreo.Web.Platform.Work;

/// <summary>
/// Group commit: one writer per server takes every item waiting in its queue into one short transaction
/// (<see cref="WriteAsync"/>) and answers each request only after the commit. Requests that would otherwise fight
/// over the database's write lock (SQLite allows one writer at a time) or each pay a commit (a WAL flush on
/// PostgreSQL) share one. The budget's <c>BallotBox</c> and the conversations' <c>VoteBox</c> are the two writers.
/// What was queued before shutdown is still written; nothing new is accepted then. If a batch fails, none of its
/// items is acknowledged (each gets <see cref="NotWritten"/>) and the writer goes on with the next batch.
/// <see cref="WritersAsync"/> can run several writers side by side where the database overlaps their transactions
/// (PostgreSQL: one batch executes while another waits for its commit to be flushed); each takes the next batch.
/// </summary>
/// <typeparam name="TItem">What a request hands in.</typeparam>
/// <typeparam name="TReceipt">What each request is answered.</typeparam>
public abstract class GroupCommitWriter<TItem, TReceipt> : BackgroundService
{
    private const int MaxBatch = 256;
    private const int QueueLimit = 20_000;

    private readonly Channel<(TItem Item, TaskCompletionSource<TReceipt> Done)> queue =
        Channel.CreateBounded<(TItem, TaskCompletionSource<TReceipt>)>(new BoundedChannelOptions(QueueLimit)
        {
            SingleReader = false,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>The answer to an item that was not written (the queue full, the batch failed).</summary>
    protected abstract TReceipt NotWritten { get; }

    /// <summary>Writes a batch in one transaction and says what became of each item, in the batch's order.</summary>
    protected abstract Task<TReceipt[]> WriteAsync(List<TItem> batch);

    /// <summary>How many writers run side by side (1 unless a writer says otherwise).</summary>
    protected virtual Task<int> WritersAsync() => Task.FromResult(1);

    /// <summary>Called after a batch was committed, before its requests are answered.</summary>
    protected virtual void Committed(List<TItem> batch, TReceipt[] receipts)
    {
    }

    /// <summary>A failed batch: log it (its items are answered <see cref="NotWritten"/>).</summary>
    protected abstract void Failed(int count, Exception error);

    /// <summary>Queues an item and waits until it is committed (or refused). Not cancellable once queued: it either lands or not.</summary>
    protected Task<TReceipt> EnqueueAsync(TItem item)
    {
        var done = new TaskCompletionSource<TReceipt>(TaskCreationOptions.RunContinuationsAsynchronously);
        return queue.Writer.TryWrite((item, done)) ? done.Task : Task.FromResult(NotWritten);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = Math.Max(1, await WritersAsync());
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteBatchesAsync, CancellationToken.None)));
    }

    private async Task WriteBatchesAsync()
    {
        var waiting = new List<TaskCompletionSource<TReceipt>>(MaxBatch);
        var batch = new List<TItem>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending.Item);
                waiting.Add(pending.Done);
            }
            if (batch.Count == 0)
            {
                // Another writer took what woke this one.
                continue;
            }
            try
            {
                var receipts = await WriteAsync(batch);
                Committed(batch, receipts);
                for (var i = 0; i < waiting.Count; i++)
                {
                    waiting[i].TrySetResult(receipts[i]);
                }
            }
            catch (Exception error)
            {
                Failed(batch.Count, error);
                foreach (var done in waiting)
                {
                    done.TrySetResult(NotWritten);
                }
            }
            batch.Clear();
            waiting.Clear();
        }
    }
}
