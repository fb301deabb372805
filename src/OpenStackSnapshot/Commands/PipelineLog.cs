using System.Collections.Concurrent;
using System.Collections.Generic;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Collects the client's request log from whatever thread it runs on, so the pipeline thread alone
    /// writes it (PowerShell allows Write* only there) while the request is still in flight.
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

        /// <summary>Ends the stream once the call has finished; later lines (none expected) are dropped.</summary>
        public void Complete() => _entries.CompleteAdding();

        public IEnumerable<Entry> Drain() => _entries.GetConsumingEnumerable();

        private void Add(Entry entry)
        {
            if (!_entries.IsAddingCompleted) _entries.TryAdd(entry);
        }
    }
}
