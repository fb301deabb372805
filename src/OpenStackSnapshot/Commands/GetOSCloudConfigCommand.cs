using System.Management.Automation;
using OpenStackSnapshot.Client.Config;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Completion;

namespace OpenStackSnapshot.Commands
{
    /// <summary>The settings Connect-OSCloud would use, and where each came from; no secret, only whether one is present.</summary>
    [Cmdlet(VerbsCommon.Get, "OSCloudConfig", HelpUri = HelpLinks.Docs + "Get-OSCloudConfig.md")]
    [OutputType(typeof(CloudConfig))]
    public sealed class GetOSCloudConfigCommand : OSCmdlet
    {
        /// <summary>A cloud of clouds.yaml; without it, what Connect-OSCloud with no parameters would use.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CloudNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Cloud { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var environment = ConfigEnvironment.FromProcess(SessionState.Path.CurrentFileSystemLocation.ProviderPath);
                var config = CloudConfigResolver.Resolve(new CloudConfigRequest { Cloud = Cloud }, environment);
                WriteObject(config);
                // The settings are shown even when they would not work; what would stop Connect-OSCloud is said beside them.
                if (config.Problem() is { } problem) WriteError(Errors.ErrorMap.ToRecord(problem, Cloud ?? config.Name));
            }
            catch (OpenStackException e)
            {
                ThrowTerminatingError(Errors.ErrorMap.ToRecord(e, Cloud));
            }
        }
    }
}
