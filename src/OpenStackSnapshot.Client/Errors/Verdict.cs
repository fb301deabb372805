
namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>What an error answer means, decided once by the request's faults: the kind, a plain message, what to do.</summary>
    internal sealed class Verdict
    {
        /// <param name="whole">The message already names the answer (as Keystone's refusals do), so the answer's facts are not added to it.</param>
        public Verdict(OpenStackErrorKind kind, string message, string action, SnapshotApi? betterApi = null, bool whole = false)
        {
            Kind = kind;
            Message = message;
            Action = action;
            BetterApi = betterApi;
            Whole = whole;
        }

        public OpenStackErrorKind Kind { get; }
        public string Message { get; }
        public string Action { get; }
        /// <summary>The API that can do what this one could not, when the session's catalog offers it.</summary>
        public SnapshotApi? BetterApi { get; }
        public bool Whole { get; }

        /// <summary>The same verdict, naming the API that can do it.</summary>
        public Verdict Offering(SnapshotApi api) => new Verdict(Kind, Message, Action, api, Whole);

        /// <summary>The exception for the answer, said so.</summary>
        public OpenStackException Exception(Exchange answer) =>
            new OpenStackException(Kind, Whole ? Message : answer.Shown(Message), Action, answer, betterApi: BetterApi);
    }
}
