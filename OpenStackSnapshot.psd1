@{
    # One netstandard2.0 assembly for both editions, named as a constant: no root script to compile at import, and
    # ForEach-Object -Parallel runspaces autoload it reliably (a RootModule that depends on $PSEdition did not).
    RootModule           = 'OpenStackSnapshot.dll'
    # Stamped by the build from Directory.Build.props, the one place that holds the version.
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0c8f7e-3f0a-4d8e-9a55-2d7c6f1e9b41'
    Author               = 'OpenStackSnapshot contributors'
    CompanyName          = 'OpenStackSnapshot contributors'
    Copyright            = '(c) OpenStackSnapshot contributors. MIT licence.'
    Description          = 'Create and manage OpenStack volume snapshots through the Compute API v2.1 os-snapshots endpoints, with Keystone v3 sign-in, typed objects and ErrorRecords a script can act on.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    # No FormatsToProcess: the cmdlets bring OpenStackSnapshot.Format.ps1xml into a runspace when they first run
    # there (Loading/FormatData.cs), so an import does not make PowerShell rebuild its format database.
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-OSCloud'
        'Disconnect-OSCloud'
        'Get-OSCloudConfig'
        'Get-OSSession'
        'Get-OSSnapshot'
        'Get-OSSnapshotCoverage'
        'Get-OSSnapshotRetention'
        'Get-OSVolume'
        'New-OSSnapshot'
        'New-OSVolume'
        'Remove-OSSnapshot'
        'Remove-OSVolume'
        'Restore-OSSnapshot'
        'Select-OSSession'
        'Set-OSSnapshot'
        'Set-OSVolume'
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
