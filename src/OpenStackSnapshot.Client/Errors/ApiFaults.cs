namespace OpenStackSnapshot.Client.Errors
{
    /// <summary>
    /// What one API's error answers mean beyond what every OpenStack service's do: each API (Compute, BlockStorage,
    /// Identity) keeps its own knowledge of its faults next to its requests; <see cref="ErrorTranslator"/> reads the rest.
    /// </summary>
    internal abstract class ApiFaults
    {
        /// <summary>The API's name in messages ("compute", "block-storage", "identity").</summary>
        public abstract string Service { get; }

        /// <summary>The kind, message and advice for an answer only this API gives, or null to read it as any service's.</summary>
        public abstract (OpenStackErrorKind Kind, string Message, string Action)? Classify(int status, string server, ErrorTranslator.Subject subject);

        /// <summary>A 404 for the route itself (not for an item): the endpoint is not the API this module speaks.</summary>
        public abstract (OpenStackErrorKind Kind, string Message, string Action) RouteNotServed(string server);
    }
}
