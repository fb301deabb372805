using System;

namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// What one API's error answers mean (Compute, BlockStorage, Identity). Every request carries its API's faults, so an
    /// answer is read once, where it arrives: a refusal of what the request acts on (<see cref="TargetFaults"/>), then
    /// what only this API answers, then what any OpenStack service's answer means (<see cref="ServiceFaults"/>).
    /// </summary>
    internal abstract class ApiFaults
    {
        /// <summary>The API's name in messages ("compute", "block-storage", "identity").</summary>
        public abstract string Service { get; }

        public virtual Verdict Read(Exchange answer, RequestTarget target) =>
            TargetFaults.Read(answer, target, this) ?? Own(answer) ?? ServiceFaults.Read(answer, target, this);

        /// <summary>The meaning of an answer only this API gives, or null to read it as any service's.</summary>
        protected abstract Verdict? Own(Exchange answer);

        /// <summary>A 404 for the route itself (not for an item): the endpoint is not the API this module speaks.</summary>
        public abstract Verdict RouteNotServed(string server);

        /// <summary>
        /// Whether an error answer says that a service behind this API is down (an outage to ride out, in which the request's
        /// fate is unknown) rather than that the request was refused; read from the raw body, before any retry is decided.
        /// </summary>
        public virtual bool SaysOutageBehind(int status, string body) => false;

        /// <summary>Whether an answer with this status may say so, asked first so that no other answer's body is decoded.</summary>
        public virtual bool MayReportOutageBehind(int status) => false;

        /// <summary>How this API says that the volume a request names is missing: a create's 404 that names it.</summary>
        public virtual bool SaysVolumeMissing(Exchange answer, RequestTarget target) =>
            target.Creates && answer.Status == 404 && answer.FaultName == "itemNotFound"
            && answer.Server.StartsWith("Volume", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// How this API says that the state of what a request acts on refuses it: block storage's InvalidVolume to a snapshot's
        /// create, or to a volume's delete (which Nova passes on inside its own 400, "Invalid input received: Invalid volume: ...").
        /// </summary>
        public virtual bool SaysStateRefused(Exchange answer, RequestTarget target) =>
            (target.Creates && answer.Status == 400 && answer.Server.StartsWith("Invalid volume", StringComparison.OrdinalIgnoreCase))
            || (target.DeletesVolume && answer.Status == 400 && answer.Server.IndexOf("Invalid volume", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
