using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Snapshots;
using OpenStackSnapshot.Client.Volumes;
using OpenStackSnapshot.Completion;
using OpenStackSnapshot.Pipeline;
using OpenStackSnapshot.Validation;

namespace OpenStackSnapshot.Commands
{
    /// <summary>Deletes volumes: by id, by name (wildcards allowed) or as objects; attached volumes and volumes with snapshots are refused.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = ObjectSet, HelpUri = HelpLinks.Docs + "Remove-OSVolume.md")]
    [OutputType(typeof(Volume))]
    public sealed class RemoveOSVolumeCommand : OSSessionCmdlet
    {
        private const string IdSet = "Id";
        private const string NameSet = "Name";
        private const string ObjectSet = "InputObject";

        private Waiter _waiter = null!;
        private Removals<Volume> _removals = null!;
        private readonly List<string> _names = new List<string>();

        /// <summary>Returns only when each volume is gone; one already gone (or being deleted) is then no error.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [RefuseNumberAsSpan]
        public TimeSpan Timeout { get; set; } = Waiter.DefaultTimeout;

        /// <summary>Writes each volume that was deleted, as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many removals of this pipeline may be in flight at once; output stays in input order.</summary>
        [Parameter]
        [ValidateRange(1, InFlightQueue.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = InFlightQueue.DefaultThrottleLimit;

        /// <summary>Volume ids; from the pipeline, strings and objects that name a volume, but never a snapshot.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [Alias("VolumeId", "volume_id")]
        [VolumeArgument]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Volume names; wildcards allowed (each volume that matches is removed, asked one by one).</summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Volume[] InputObject { get; set; } = Array.Empty<Volume>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _waiter = new Waiter(this, Wait, Timeout, ThrottleLimit);
            _removals = new Removals<Volume>(this, "volume", ThrottleLimit, _waiter, PassThru, v => v.Name,
                Connection.Volumes.GetAsync, Connection.Volumes.DeleteAsync);
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ObjectSet:
                    foreach (var volume in InputObject) Remove(volume.Id, volume);
                    break;
                case IdSet:
                    foreach (var id in Id) Remove(id.Trim(), null);
                    break;
                default:
                    _names.AddRange(Name);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (_names.Count > 0) RemoveByName();
            _removals.FinishAll();
            _waiter.ForVolumes(Connection.Volumes, WaitGoal.Deleted, reached: null);
        }

        // One listing for every name given; a name without wildcards that matches nothing is OSNotFound, as Get-OSVolume says it.
        private void RemoveByName()
        {
            IReadOnlyList<Volume> all;
            try
            {
                all = Run(Connection.Volumes.List().ReadAllAsync);
            }
            catch (OpenStackException e)
            {
                Report(e, null);
                return;
            }
            var patterns = _names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var matched = all.Where(v => patterns.Any(p => p.IsMatch(v.Name ?? string.Empty))).ToList();
            foreach (var name in _names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)
                && !matched.Any(v => string.Equals(v.Name, n, StringComparison.OrdinalIgnoreCase))))
            {
                Report(new OpenStackException(OpenStackErrorKind.NotFound, $"No volume named '{name}' exists in this project.",
                    "Check the name; Get-OSVolume lists the project's volumes."), name);
            }
            foreach (var volume in matched) Remove(volume.Id, volume);
        }

        private void Remove(string id, Volume? known) => _removals.Remove(id, known, (_, shown) =>
        {
            if (PassThru && shown != null) WriteObject(shown);
        });
    }
}
