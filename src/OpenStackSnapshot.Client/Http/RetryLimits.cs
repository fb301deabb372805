using System;
using System.Net.Http;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>
    /// How often and for how long one request may retry: the session's settings, except at the first sign-in. There a
    /// refused or unreachable Keystone is likelier a wrong auth URL than an outage, so unless the caller chose the
    /// retries it is given up on within seconds; a 429 or 503 (Keystone is there, and busy) keeps the session's limits.
    /// </summary>
    internal readonly struct RetryLimits
    {
        /// <summary>A few sends (waits of about 1, 2 and 2 s at the default interval), enough for a Keystone that is restarting.</summary>
        internal static readonly TimeSpan SignInConnectBudget = TimeSpan.FromSeconds(5);
        internal const int SignInConnectRetries = 3;

        private RetryLimits(int statusRetries, int connectRetries, TimeSpan statusBudget, TimeSpan connectBudget, bool firstSignIn)
        {
            StatusRetries = statusRetries;
            ConnectRetries = connectRetries;
            StatusBudget = statusBudget;
            ConnectBudget = connectBudget;
            FirstSignIn = firstSignIn;
        }

        public int StatusRetries { get; }
        public int ConnectRetries { get; }
        public TimeSpan StatusBudget { get; }
        public TimeSpan ConnectBudget { get; }
        /// <summary>The session's first token request, whatever its limits.</summary>
        public bool FirstSignIn { get; }

        public int Retries(RetryPolicy.Cause cause) => cause == RetryPolicy.Cause.Status ? StatusRetries : ConnectRetries;

        public TimeSpan Budget(RetryPolicy.Cause cause) => cause == RetryPolicy.Cause.Status ? StatusBudget : ConnectBudget;

        public static RetryLimits For(HttpRequestMessage? request, ConnectionOptions options)
        {
            var signIn = RequestTags.Find(request)?.FirstSignIn == true;
            var cutShort = signIn && !options.RetriesChosen;
            return new RetryLimits(options.StatusCodeRetries,
                cutShort ? Math.Min(options.ConnectRetries, SignInConnectRetries) : options.ConnectRetries,
                options.RetryBudget,
                cutShort && options.RetryBudget > SignInConnectBudget ? SignInConnectBudget : options.RetryBudget,
                signIn);
        }
    }
}
