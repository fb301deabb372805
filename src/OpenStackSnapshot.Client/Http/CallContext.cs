using System.Threading;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// Receives one line per HTTP exchange when VerboseEnabled (and, when DebugEnabled, the whole exchange with secrets
    /// redacted). Rare lines (a retry, a reconciled create) are sent either way; warnings are what the user must see
    /// without asking (a long wait on retries, the session's circuit opening).
    /// </summary>
    public interface IRequestLog
    {
        bool VerboseEnabled { get; }
        bool DebugEnabled { get; }
        void Verbose(string line);
        void Debug(string text);
        void Warning(string line);
    }

    /// <summary>What every client call carries: the caller's cancellation and where its request log goes.</summary>
    public sealed class CallContext
    {
        public CallContext(CancellationToken cancellation, IRequestLog? log = null)
        {
            Cancellation = cancellation;
            Log = log;
        }

        public CancellationToken Cancellation { get; }
        public IRequestLog? Log { get; }

        public static CallContext None { get; } = new CallContext(CancellationToken.None);
    }
}
