using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Errors;
using OpenStackSnapshot.Loading;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// What every cmdlet shares: the views loaded, Ctrl+C cancels the request in flight, client calls run to completion
    /// while their log is written from the pipeline thread, and failures become ErrorRecords.
    /// </summary>
    public abstract class OSCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected override void StopProcessing() => _stopping.Cancel();

        protected override void BeginProcessing() => FormatData.EnsureLoaded(this);

        private PipelineLog? _log;

        /// <summary>The command's request log, written from the pipeline thread while its calls run.</summary>
        private PipelineLog Log => _log ??= NewLog();

        private PipelineLog NewLog()
        {
            var debug = Wanted("Debug", "DebugPreference");
            return new PipelineLog(debug || Wanted("Verbose", "VerbosePreference"), debug); // under -Debug verbose lines go to debug
        }

        /// <summary>Runs a client call and writes its request log into Verbose/Debug (and its warnings) until it completes.</summary>
        internal T Run<T>(Func<CallContext, Task<T>> call) => Finish(Start(call));

        internal void Run(Func<CallContext, Task> call) => Run(async c =>
        {
            await call(c).ConfigureAwait(false);
            return true;
        });

        /// <summary>Starts a client call on the thread pool; Finish writes its log and takes its result.</summary>
        internal Task<T> Start<T>(Func<CallContext, Task<T>> call)
        {
            var log = Log;
            return Task.Run(() => call(new CallContext(_stopping.Token, log)));
        }

        internal T Finish<T>(Task<T> task)
        {
            Log.WriteUntil(task, WriteEntry);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private bool? _verboseAsDebug;
        private bool? _warningAsDebug;

        private void WriteEntry(PipelineLog.Entry entry)
        {
            _verboseAsDebug ??= WouldAsk("Verbose");
            _warningAsDebug ??= WouldAsk("WarningAction");
            if (entry.To == PipelineLog.Stream.Warning && !_warningAsDebug.Value) WriteWarning(entry.Text);
            else if (entry.To == PipelineLog.Stream.Warning) WriteDebug("WARNING: " + entry.Text);
            else if (entry.To == PipelineLog.Stream.Debug || _verboseAsDebug.Value) WriteDebug(entry.Text);
            else WriteVerbose(entry.Text);
        }

        /// <summary>Told of each failure (its ErrorId and record) before it is written or thrown: -Summary counts it there.</summary>
        private protected Action<string, ErrorRecord>? OnFailure { get; set; }

        /// <summary>A line of the command's own (a decision, not a request), where -Verbose shows it, as the request log's lines go.</summary>
        protected internal void WriteVerboseLine(string text) => WriteEntry(new PipelineLog.Entry(PipelineLog.Stream.Verbose, text));

        /// <summary>Per-item failures are written and the pipeline goes on; the rest stop the command.</summary>
        internal void Report(OpenStackException error, object? target)
        {
            var record = ErrorMap.ToRecord(error, target);
            OnFailure?.Invoke(ErrorMap.For(error.Kind).ErrorId, record);
            if (ErrorMap.For(error.Kind).Terminating) ThrowTerminatingError(record);
            else WriteError(record);
        }

        // The log is made only when its stream will be kept: -Debug or -Verbose (or :$false) decides, else the caller's
        // preference variable (GetVariableValue reads the scope the command was called from).
        private bool Wanted(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound)) return ((SwitchParameter)bound).IsPresent;
            // A local "$DebugPreference = 'Continue'" makes a plain string variable, so convert as PowerShell does.
            return LanguagePrimitives.TryConvertTo(GetVariableValue(preferenceVariable), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        // Under -Debug without -Verbose (or -WarningAction), PowerShell sets a compiled cmdlet's verbose (or warning)
        // preference to Inquire, so every such line would stop to ask (and fail with no console). The line goes where
        // -Debug shows it unasked.
        private bool WouldAsk(string parameter) =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && ((SwitchParameter)debug).IsPresent
            && !MyInvocation.BoundParameters.ContainsKey(parameter);

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }

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
