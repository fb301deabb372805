using System;
using System.Net.Http;
using OpenStackSnapshot.Client.Errors;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// One request to an OpenStack API that knows what its error answers mean: its API's faults and what it acts on,
    /// so the sender reads an error once, where it arrives, and nothing passes that knowledge along beside it.
    /// </summary>
    internal sealed class ApiRequest : HttpRequestMessage
    {
        public ApiRequest(HttpMethod method, Uri uri, ApiFaults faults, RequestTarget? target = null)
            : base(method, uri)
        {
            Faults = faults;
            Target = target ?? RequestTarget.None;
        }

        public ApiFaults Faults { get; }
        public RequestTarget Target { get; }

        /// <summary>The failure an error answer to this request means.</summary>
        public OpenStackException Refused(Exchange answer) => Faults.Read(answer, Target).Exception(answer);
    }
}
