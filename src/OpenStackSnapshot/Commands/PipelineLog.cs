using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Collects the client's request log from whatever thread it runs on, so the pipeline thread alone
    /// writes it (PowerShell allows Write* only there) while requests are still in flight. One per command.
    /// </summary>
    internal sealed class PipelineLog : IRequestLog
    {
        internal readonly struct Entry
        {
            public Entry(bool isDebug, string text)
            {
                IsDebug = isDebug;
                Text = text;
            }

            public bool IsDebug { get; }
            public string Text { get; }
        }

        private readonly BlockingCollection<Entry> _entries = new BlockingCollection<Entry>();

        public PipelineLog(bool debugEnabled) => DebugEnabled = debugEnabled;

        public bool DebugEnabled { get; }

        public void Verbose(string line) => Add(new Entry(false, line));

        public void Debug(string text) => Add(new Entry(true, text));

        /// <summary>Writes the entries as they come (from any call in flight) until the task has ended, then what is left.</summary>
        public void WriteUntil(Task task, Action<Entry> write)
        {
            using (var ended = new CancellationTokenSource())
            {
                task.ContinueWith(_ => Cancel(ended), TaskScheduler.Default);
                try
                {
                    while (true) write(_entries.Take(ended.Token));
                }
                catch (OperationCanceledException)
                {
                    // the task has ended
                }
            }
            while (_entries.TryTake(out var entry)) write(entry);
        }

        private static void Cancel(CancellationTokenSource ended)
        {
            try
            {
                ended.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the writer already saw the task end
            }
        }

        private void Add(Entry entry) => _entries.Add(entry);
    }
}
