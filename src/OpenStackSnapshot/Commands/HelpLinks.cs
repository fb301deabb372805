namespace OpenStackSnapshot.Commands
{
    /// <summary>Where Get-Help -Online goes: each cmdlet's page of docs/ in the repository (the manifest's ProjectUri).</summary>
    internal static class HelpLinks
    {
        internal const string Docs = "https://github.com/OpenStackSnapshot/OpenStackSnapshot/blob/main/docs/";
    }
}
