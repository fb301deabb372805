@{
    # The root script picks the build for this PowerShell (see there why not the manifest).
    RootModule           = 'OpenStackSnapshot.psm1'
    # Stamped by the build from Directory.Build.props, the one place that holds the version.
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0c8f7e-3f0a-4d8e-9a55-2d7c6f1e9b41'
    Author               = 'OpenStackSnapshot contributors'
    CompanyName          = 'OpenStackSnapshot contributors'
    Copyright            = '(c) OpenStackSnapshot contributors. MIT licence.'
    Description          = 'Create and manage OpenStack volume snapshots through the Compute API v2.1 os-snapshots endpoints, with Keystone v3 sign-in, typed objects and ErrorRecords a script can act on.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('OpenStackSnapshot.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-OSCloud'
        'Disconnect-OSCloud'
        'Get-OSCloudConfig'
        'Get-OSSession'
        'Get-OSSnapshot'
        'Get-OSVolume'
        'New-OSSnapshot'
        'Remove-OSSnapshot'
        'Wait-OSSnapshot'
    )
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Nova', 'Cinder', 'Snapshot', 'Volume', 'Cloud', 'Backup', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/OpenStackSnapshot/OpenStackSnapshot'
            LicenseUri   = 'https://github.com/OpenStackSnapshot/OpenStackSnapshot/blob/main/LICENSE'
            # Stamped by the build from this version's section of CHANGELOG.md.
            ReleaseNotes = ''
        }
    }
}
