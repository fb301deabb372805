using System;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client;

namespace OpenStackSnapshot.Errors
{
    /// <summary>
    /// The ErrorId, category and reach of every failure kind. Decided once: scripts match on these.
    /// Terminating ones mean nothing else in the pipeline can succeed either (no sign-in, no endpoint).
    /// </summary>
    internal static class ErrorMap
    {
        internal sealed class Entry
        {
            public Entry(string errorId, ErrorCategory category, bool terminating, string? parameterAdvice = null)
            {
                ErrorId = errorId;
                Category = category;
                Terminating = terminating;
                ParameterAdvice = parameterAdvice;
            }

            public string ErrorId { get; }
            public ErrorCategory Category { get; }
            public bool Terminating { get; }
            /// <summary>What to do in PowerShell's words, after the client's advice in OpenStack's.</summary>
            public string? ParameterAdvice { get; }
        }

        private static readonly Dictionary<OpenStackErrorKind, Entry> Entries = new Dictionary<OpenStackErrorKind, Entry>
        {
            [OpenStackErrorKind.BadRequest] = new Entry("OSBadRequest", ErrorCategory.InvalidArgument, false),
            [OpenStackErrorKind.AuthenticationFailed] = new Entry("OSAuthenticationFailed", ErrorCategory.AuthenticationError, true,
                "Connect-OSCloud signs in again."),
            [OpenStackErrorKind.Forbidden] = new Entry("OSForbidden", ErrorCategory.PermissionDenied, false),
            [OpenStackErrorKind.QuotaExceeded] = new Entry("OSQuotaExceeded", ErrorCategory.QuotaExceeded, false),
            [OpenStackErrorKind.NotFound] = new Entry("OSNotFound", ErrorCategory.ObjectNotFound, false,
                "Get-OSSnapshot lists the snapshots, Get-OSVolume the volumes."),
            [OpenStackErrorKind.VolumeNotFound] = new Entry("OSVolumeNotFound", ErrorCategory.ObjectNotFound, false,
                "Get-OSVolume lists the volumes."),
            [OpenStackErrorKind.VolumeNotAvailable] = new Entry("OSVolumeNotAvailable", ErrorCategory.InvalidOperation, false,
                "New-OSSnapshot -Force snapshots an attached volume; Get-OSVolume shows its status."),
            [OpenStackErrorKind.ApiNotAvailable] = new Entry("OSApiNotAvailable", ErrorCategory.NotImplemented, true),
            [OpenStackErrorKind.EndpointNotFound] = new Entry("OSEndpointNotFound", ErrorCategory.ObjectNotFound, true,
                "Connect-OSCloud -Region and -Interface choose another endpoint."),
            [OpenStackErrorKind.MethodNotAllowed] = new Entry("OSMethodNotAllowed", ErrorCategory.InvalidOperation, false),
            [OpenStackErrorKind.UnsupportedMediaType] = new Entry("OSUnsupportedMediaType", ErrorCategory.InvalidOperation, false),
            [OpenStackErrorKind.OverLimit] = new Entry("OSOverLimit", ErrorCategory.LimitsExceeded, false),
            [OpenStackErrorKind.ServerError] = new Entry("OSServerError", ErrorCategory.InvalidResult, false),
            [OpenStackErrorKind.ServiceUnavailable] = new Entry("OSServiceUnavailable", ErrorCategory.ResourceUnavailable, false),
            [OpenStackErrorKind.Timeout] = new Entry("OSTimeout", ErrorCategory.OperationTimeout, false,
                "Connect-OSCloud -TimeoutSec sets how long a request may take; "
                + "-Timeout of Wait-OSSnapshot and New-OSSnapshot -Wait how long to wait."),
            // An outage: the circuit fails later items fast.
            [OpenStackErrorKind.ConnectionFailed] = new Entry("OSConnectionFailed", ErrorCategory.ConnectionError, false,
                "Get-OSCloudConfig shows the auth URL in use; Connect-OSCloud -AuthUrl gives another, -RetryBudgetSec a longer wait."),
            [OpenStackErrorKind.TlsFailure] = new Entry("OSTlsFailure", ErrorCategory.SecurityError, true,
                "With Connect-OSCloud: -CACertificatePath <bundle.pem>, or -SkipCertificateCheck for a test cloud only."),
            [OpenStackErrorKind.InvalidResponse] = new Entry("OSInvalidResponse", ErrorCategory.InvalidData, false),
            [OpenStackErrorKind.InvalidArgument] = new Entry("OSInvalidArgument", ErrorCategory.InvalidArgument, false),
            [OpenStackErrorKind.SnapshotFailed] = new Entry("OSSnapshotFailed", ErrorCategory.InvalidResult, false,
                "Remove-OSSnapshot deletes it."),
            [OpenStackErrorKind.SnapshotNotAvailable] = new Entry("OSSnapshotNotAvailable", ErrorCategory.InvalidOperation, false,
                "Wait-OSSnapshot -Id <id> | Remove-OSSnapshot waits until it is available, then removes it; "
                + "New-OSSnapshot -Wait writes snapshots once available."),
            [OpenStackErrorKind.NotConnected] = new Entry("OSNotConnected", ErrorCategory.InvalidOperation, true),
            [OpenStackErrorKind.InvalidConfiguration] = new Entry("OSInvalidConfiguration", ErrorCategory.InvalidData, true,
                "Get-OSCloudConfig shows every setting and where it came from; Connect-OSCloud -Cloud <name> uses a cloud of clouds.yaml."),
            [OpenStackErrorKind.CloudNotFound] = new Entry("OSCloudNotFound", ErrorCategory.ObjectNotFound, true,
                "Connect-OSCloud -Cloud <Tab> completes the names of the clouds in use."),
            [OpenStackErrorKind.VolumeAttached] = new Entry("OSVolumeAttached", ErrorCategory.InvalidOperation, false,
                "Get-OSVolume -VolumeId <id> shows its Attachments."),
            [OpenStackErrorKind.VolumeHasSnapshots] = new Entry("OSVolumeHasSnapshots", ErrorCategory.InvalidOperation, false,
                "Get-OSSnapshot -VolumeId <id> | Remove-OSSnapshot -Wait deletes its snapshots first."),
            [OpenStackErrorKind.VolumeBusy] = new Entry("OSVolumeBusy", ErrorCategory.ResourceBusy, false,
                "Get-OSVolume -VolumeId <id> shows its status."),
            [OpenStackErrorKind.RevertRefused] = new Entry("OSRevertRefused", ErrorCategory.InvalidOperation, false,
                "New-OSVolume -SnapshotId <id> makes a new volume from any available snapshot instead."),
            [OpenStackErrorKind.VolumeFailed] = new Entry("OSVolumeFailed", ErrorCategory.InvalidResult, false,
                "Get-OSVolume -VolumeId <id> shows it; Remove-OSVolume deletes a volume that failed to be made."),
        };

        /// <summary>This layer's own failure, which no cloud answers: a session asked for by a name this runspace does not have.</summary>
        public static readonly Entry SessionNotFound = new Entry("OSSessionNotFound", ErrorCategory.ObjectNotFound, false,
            "Get-OSSession lists this runspace's sessions; Connect-OSCloud -Name makes one.");

        /// <summary>This layer's own: Select-OSSession given two sessions, of which only one can be the default.</summary>
        public static readonly Entry OneDefaultSession = new Entry("OSOneDefaultSession", ErrorCategory.InvalidArgument, true,
            "Select-OSSession <name> makes one session the default.");

        // Exhaustive by construction: a kind added to the client without an entry here fails the first use of this
        // class (every test), instead of surfacing later as a KeyNotFoundException in a user's pipeline.
        static ErrorMap()
        {
            foreach (OpenStackErrorKind kind in Enum.GetValues(typeof(OpenStackErrorKind)))
            {
                if (!Entries.ContainsKey(kind)) throw new InvalidOperationException($"ErrorMap has no ErrorId for OpenStackErrorKind.{kind}.");
            }
        }

        public static Entry For(OpenStackErrorKind kind) => Entries[kind];

        public static ErrorRecord ToRecord(OpenStackException error, object? target)
        {
            var entry = For(error.Kind);
            return new ErrorRecord(error, entry.ErrorId, entry.Category, target)
            {
                ErrorDetails = new ErrorDetails(error.Message)
                {
                    RecommendedAction = Sentences.Join(error.RecommendedAction, entry.ParameterAdvice, ApiAdvice(error)),
                },
            };
        }

        /// <summary>The record of one of this layer's own failures, which has no client error kind.</summary>
        public static ErrorRecord OwnRecord(Entry entry, Exception error, object? target) =>
            new ErrorRecord(error, entry.ErrorId, entry.Category, target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = entry.ParameterAdvice },
            };

        /// <summary>
        /// A parameter the session's API cannot serve, refused before anything is sent: the message names the
        /// parameter and the API that serves it, since it is what the user sees first.
        /// </summary>
        public static ErrorRecord ToParameterRecord(OpenStackException error, string parameter)
        {
            var record = ToRecord(error, parameter);
            record.ErrorDetails = new ErrorDetails(Sentences.Join($"{parameter} cannot be used on this session", error.Message, ApiAdvice(error)))
            {
                RecommendedAction = record.ErrorDetails.RecommendedAction,
            };
            return record;
        }

        /// <summary>When another API can do it (the proxy is off or refused, or lacks metadata), how to use that one.</summary>
        private static string? ApiAdvice(OpenStackException error) => error.BetterApi switch
        {
            SnapshotApi.BlockStorage =>
                "Connect-OSCloud -Api BlockStorage (or snapshot_api: block-storage in clouds.yaml) uses the block-storage API.",
            SnapshotApi.Compute => "Connect-OSCloud -Api Compute uses the compute API.",
            _ => null,
        };
    }
}
