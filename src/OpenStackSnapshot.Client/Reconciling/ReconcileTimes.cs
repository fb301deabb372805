using System;

namespace OpenStackSnapshot.Client.Reconciling
{
    /// <summary>How long reconciling a lost create waits at each step; tests shorten them.</summary>
    internal sealed record ReconcileTimes
    {
        public static readonly ReconcileTimes Default = new ReconcileTimes();

        /// <summary>How much earlier than our clock the cloud's clock may say the item was made.</summary>
        public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// Once the service answers again, how long a create it had accepted may take to show in its listing. The API
        /// writes the row before it answers, so only a request a live worker is still carrying out can show later; 10 s
        /// is far above what Nova and Cinder take for a create, and short enough to spend on the few creates an outage cuts.
        /// </summary>
        public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(10);

        /// <summary>How many times one create is sent at most: the first send and the resends after its absence was established.</summary>
        public int MostSends { get; init; } = 3;

        /// <summary>How long a late twin is waited for until the cloud lets it be removed (it may still be creating).</summary>
        public TimeSpan TwinWait { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>How often the twin's status is read meanwhile.</summary>
        public TimeSpan TwinPoll { get; init; } = TimeSpan.FromSeconds(2);
    }
}
