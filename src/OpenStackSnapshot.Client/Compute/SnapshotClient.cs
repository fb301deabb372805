using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Client.Json;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Validation;

namespace OpenStackSnapshot.Client.Compute
{
    /// <summary>Nova's os-snapshots routes: {compute}/os-snapshots[/detail|/{id}].</summary>
    public sealed class SnapshotClient
    {
        private readonly ComputeRequests _compute;

        internal SnapshotClient(ComputeRequests compute) => _compute = compute;

        public async Task<Snapshot> CreateAsync(NewSnapshot snapshot, CallContext call)
        {
            var problem = SnapshotInput.VolumeIdProblem(snapshot.VolumeId)
                ?? SnapshotInput.TextProblem(snapshot.Name, "name")
                ?? SnapshotInput.TextProblem(snapshot.Description, "description");
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);

            var subject = new ErrorTranslator.Subject { VolumeId = snapshot.VolumeId, Force = snapshot.Force };
            using var request = _compute.Request(HttpMethod.Post, "os-snapshots");
            request.Content = ApiSender.Json(SnapshotJson.CreateBody(snapshot, SnapshotInput.CanonicalVolumeId(snapshot.VolumeId)));
            return await _compute.ReadAsync(request, subject, call, SnapshotJson.ReadOne).ConfigureAwait(false);
        }

        public async Task<Snapshot> GetAsync(string id, CallContext call)
        {
            using var request = _compute.Request(HttpMethod.Get, "os-snapshots/" + ItemPath(id, "snapshot id"));
            return await _compute.ReadAsync(request, new ErrorTranslator.Subject { ItemName = "Snapshot" }, call, SnapshotJson.ReadOne).ConfigureAwait(false);
        }

        /// <summary>Every snapshot of the project, page by page, in the server's order.</summary>
        public Pager<Snapshot> List() => new Pager<Snapshot>(ListPageAsync, snapshot => snapshot.Id);

        /// <summary>One page of os-snapshots/detail; Nova has no marker, so pages go by offset.</summary>
        public async Task<IReadOnlyList<Snapshot>> ListPageAsync(int limit, int offset, CallContext call)
        {
            if (limit < 0 || offset < 0) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, "The page limit and offset cannot be negative.");
            var query = string.Format(CultureInfo.InvariantCulture, "os-snapshots/detail?limit={0}&offset={1}", limit, offset);
            using var request = _compute.Request(HttpMethod.Get, query);
            return await _compute.ReadAsync(request, new ErrorTranslator.Subject(), call, SnapshotJson.ReadMany).ConfigureAwait(false);
        }

        /// <summary>DELETE answers 202 and deletes asynchronously.</summary>
        public async Task DeleteAsync(string id, CallContext call)
        {
            using var request = _compute.Request(HttpMethod.Delete, "os-snapshots/" + ItemPath(id, "snapshot id"));
            await _compute.SendAsync(request, new ErrorTranslator.Subject { ItemName = "Snapshot" }, call).ConfigureAwait(false);
        }

        internal static string ItemPath(string id, string what)
        {
            var problem = SnapshotInput.IdProblem(id, what);
            if (problem != null) throw new OpenStackException(OpenStackErrorKind.InvalidArgument, problem);
            return Uri.EscapeDataString(id.Trim());
        }
    }
}
