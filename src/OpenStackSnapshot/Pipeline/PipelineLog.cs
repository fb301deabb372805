using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// Collects the client's request log and warnings from whatever thread it runs on, so the pipeline thread alone
    /// writes them (PowerShell allows Write* only there) while requests are still in flight. One per command.
    /// </summary>
    internal sealed class PipelineLog : IRequestLog
    {
        /// <summary>Which of PowerShell's streams an entry goes to.</summary>
        internal enum Stream
        {
            Verbose,
            Debug,
            Warning,
        }

        internal readonly struct Entry
        {
            public Entry(Stream stream, string text)
            {
                To = stream;
                Text = text;
            }

            public Stream To { get; }
            public string Text { get; }
        }

        // A monitor rather than a blocking collection taken with a cancellation token: that threw and caught an
        // OperationCanceledException at the end of every call.
        private readonly object _gate = new object();
        private readonly Queue<Entry> _entries = new Queue<Entry>();

        public PipelineLog(bool verboseEnabled, bool debugEnabled)
        {
            VerboseEnabled = verboseEnabled;
            DebugEnabled = debugEnabled;
        }

        public bool VerboseEnabled { get; }

        public bool DebugEnabled { get; }

        public void Verbose(string line) => Add(new Entry(Stream.Verbose, line));

        public void Debug(string text) => Add(new Entry(Stream.Debug, text));

        public void Warning(string line) => Add(new Entry(Stream.Warning, line));

        /// <summary>Writes the entries as they come (from any call in flight) until the task has ended, then what is left.</summary>
        public void WriteUntil(Task task, Action<Entry> write)
        {
            if (!task.IsCompleted)
                task.ContinueWith(Wake, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            var batch = new List<Entry>();
            while (true)
            {
                bool ended;
                lock (_gate)
                {
                    // The task's end is checked under the gate and Wake pulses under it, so no wake-up is missed.
                    while (_entries.Count == 0 && !task.IsCompleted) Monitor.Wait(_gate);
                    while (_entries.Count > 0) batch.Add(_entries.Dequeue());
                    ended = task.IsCompleted;
                }
                foreach (var entry in batch) write(entry);
                batch.Clear();
                if (ended) return;
            }
        }

        private static void Wake(Task task, object? state)
        {
            var log = (PipelineLog)state!;
            lock (log._gate) Monitor.PulseAll(log._gate);
        }

        private void Add(Entry entry)
        {
            lock (_gate)
            {
                _entries.Enqueue(entry);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
