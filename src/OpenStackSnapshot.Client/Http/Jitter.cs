using System;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>A thread-safe random fraction for jitter (System.Random.Shared is not on .NET Framework).</summary>
    internal static class Jitter
    {
        private static readonly Random Seeds = new Random();
        [ThreadStatic] private static Random? _local;

        public static double Next()
        {
            if (_local == null)
            {
                int seed;
                lock (Seeds) seed = Seeds.Next();
                _local = new Random(seed);
            }
            return _local.NextDouble();
        }
    }
}
