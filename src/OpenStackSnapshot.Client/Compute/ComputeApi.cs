namespace OpenStackSnapshot.Client
{
    /// <summary>Facts about Nova's API that every compute request relies on.</summary>
    public static class ComputeApi
    {
        /// <summary>
        /// os-snapshots exists only up to 2.35 and answers 404 from 2.36 on, so we never negotiate "latest";
        /// 2.1 is served by every Nova with the v2.1 API and the routes do not change before 2.36.
        /// </summary>
        public const string Microversion = "2.1";
    }
}
