using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Gets volumes through Nova's os-volumes proxy, so they pipe into New-OSSnapshot.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolume", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Volume))]
    public sealed class GetOSVolumeCommand : OSSessionCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Volume names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Status { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id)
            {
                try
                {
                    WriteObject(Run(call => Connection.Volumes.GetAsync(id, call)));
                }
                catch (OpenStackException e)
                {
                    Report(e, id);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            var names = (Name ?? Array.Empty<string>()).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var pager = Connection.Volumes.List();
            try
            {
                IReadOnlyList<Volume>? page;
                while ((page = Run(pager.NextAsync)) != null)
                {
                    foreach (var volume in page)
                    {
                        if (names.Count > 0 && !names.Any(n => n.IsMatch(volume.Name ?? string.Empty))) continue;
                        if (Status != null && !Status.Contains(volume.Status, StringComparer.OrdinalIgnoreCase)) continue;
                        WriteObject(volume);
                    }
                }
            }
            catch (OpenStackException e)
            {
                Report(e, null);
            }
        }
    }
}
