using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Commands
{
    /// <summary>
    /// Gets snapshots by id, or lists every snapshot of the project (all pages, in the server's order) and
    /// filters them here, since Nova has no server-side filters.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "OSSnapshot", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Snapshot))]
    public sealed class GetOSSnapshotCommand : OSSessionCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotId", "snapshot_id")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Snapshot names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(SnapshotStatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? VolumeId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet) GetById();
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet) List();
        }

        private void GetById()
        {
            foreach (var id in Id)
            {
                try
                {
                    WriteObject(Run(call => Connection.Snapshots.GetAsync(id, call)));
                }
                catch (OpenStackException e)
                {
                    Report(e, id);
                }
            }
        }

        private void List()
        {
            var names = (Name ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var exactNamesFound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pager = Connection.Snapshots.List();
            try
            {
                IReadOnlyList<Snapshot>? page;
                while ((page = Run(pager.NextAsync)) != null)
                {
                    foreach (var snapshot in page.Where(s => Matches(s, names)))
                    {
                        if (snapshot.Name != null) exactNamesFound.Add(snapshot.Name);
                        WriteObject(snapshot);
                    }
                }
            }
            catch (OpenStackException e)
            {
                Report(e, null);
                return;
            }
            // As Get-Process does: a name without wildcards that matched nothing is an error; a pattern is not.
            foreach (var name in (Name ?? Array.Empty<string>()).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !exactNamesFound.Contains(n)))
            {
                Report(new OpenStackException(OpenStackErrorKind.NotFound, $"No snapshot named '{name}' matches the filters in this project.",
                    "Check the name; Get-OSSnapshot without -Name lists every snapshot."), name);
            }
        }

        private bool Matches(Snapshot snapshot, List<WildcardPattern> names) =>
            (names.Count == 0 || names.Any(n => n.IsMatch(snapshot.Name ?? string.Empty))) &&
            (Status == null || Status.Contains(snapshot.Status, StringComparer.OrdinalIgnoreCase)) &&
            (VolumeId == null || VolumeId.Contains(snapshot.VolumeId, StringComparer.OrdinalIgnoreCase));
    }
}
