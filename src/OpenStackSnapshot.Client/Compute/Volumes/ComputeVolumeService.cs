using System.Net.Http;
using OpenStackSnapshot.Client.Errors;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Client.Http;

namespace OpenStackSnapshot.Client.Compute.Volumes
{
    /// <summary>
    /// Volumes through Nova's os-volumes proxy: read (the token's project only; metadata is reported, so it is filtered here),
    /// made from snapshots, deleted. Nova's schema would pass a volume type and metadata on, but the module keeps both to
    /// block storage, as it keeps snapshot metadata; the proxy changes no volume and has no revert.
    /// </summary>
    internal sealed class ComputeVolumeService : IVolumeService
    {
        private readonly ComputeEndpoint _compute;

        internal ComputeVolumeService(ComputeEndpoint compute) => _compute = compute;

        public Task<Volume> GetAsync(string id, CallContext call) =>
            _compute.GetAsync(ComputeVolumeUrls.Item(id), ComputeVolumeUrls.ItemName, call, ComputeVolumeResults.ReadOne);

        public Pager<Volume> List(VolumeQuery? query = null)
        {
            ProxyLimits.Check(query);
            var all = OffsetWalk<Volume>.Pager(
                (limit, offset, call) => _compute.ReadAsync(_compute.Request(HttpMethod.Get, ComputeVolumeUrls.List(limit, offset)), call,
                    ComputeVolumeResults.ReadMany),
                volume => volume.Id);
            return query == null ? all : all.Where(query.Matches);
        }

        public VolumeFeatures Features => ProxyLimits.VolumeFeatures;

        /// <summary>The proxy has no route that changes a volume: only an empty change (which reads the volume) is served.</summary>
        public Task UpdateAsync(string id, VolumeChange change, CallContext call) =>
            change.IsEmpty ? GetAsync(id, call) : Task.FromException(ProxyLimits.RefusedForVolumes("change a volume's metadata"));

        /// <summary>Nova requires the size (VolumeFromSnapshot gives the snapshot's) and answers 200 with the new volume.</summary>
        public Task<Volume> CreateAsync(NewVolume volume, CallContext call)
        {
            var snapshotId = VolumeInput.Checked(volume);
            if (volume.Metadata.Count > 0) throw ProxyLimits.RefusedForVolumes("give a volume metadata");
            if (volume.VolumeType != null) throw ProxyLimits.RefusedForVolumes("choose a volume type");
            if (volume.Size is not int size)
                throw new OpenStackException(OpenStackErrorKind.InvalidArgument,
                    "Nova's os-volumes proxy needs the new volume's size. Nothing was sent.");
            var request = _compute.Request(HttpMethod.Post, ComputeVolumeUrls.Collection, RequestTarget.VolumeCreation(snapshotId));
            request.Content = ApiSender.Json(ComputeVolumeBodies.Create(volume, size, snapshotId));
            return _compute.ReadAsync(request, call, ComputeVolumeResults.ReadOne);
        }

        public Task DeleteAsync(string id, CallContext call) =>
            _compute.DeleteAsync(ComputeVolumeUrls.Item(id), ComputeVolumeUrls.ItemName, id, call);

        public Task RevertAsync(string volumeId, string snapshotId, CallContext call) =>
            Task.FromException(ProxyLimits.RefusedForVolumes("revert a volume to a snapshot"));

        /// <summary>Nova's proxy carries no reason for a volume's error: block storage's messages are read through its own API.</summary>
        public Task<string?> FailureReasonAsync(string id, CallContext call) => Task.FromResult<string?>(null);
    }
}
