using OpenStackSnapshot.Client;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>The session Connect-OSCloud made last: the default for every cmdlet without -Session.</summary>
    internal static class SessionStore
    {
        private static readonly object Gate = new object();
        private static OpenStackSession? _default;

        public static OpenStackSession? Default
        {
            get { lock (Gate) return _default; }
            set { lock (Gate) _default = value; }
        }
    }
}
