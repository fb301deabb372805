# Issue 12: what a Compute session refuses before sending (the parameters only Cinder serves, naming -Api
# BlockStorage), what it still lets through, and its exact -Name, which ignores case as before.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'What a Compute session refuses before sending' {
    BeforeAll {
        Reset-TestCloud
        $script:Known = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name known).Id
    }

    It '<Command> is a terminating OSInvalidArgument naming -Api BlockStorage, and nothing is sent' -ForEach @(
        @{ Command = 'Get-OSSnapshot -Metadata'; Parameter = '-Metadata'; Run = { Get-OSSnapshot -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Get-OSSnapshot -AllProjects'; Parameter = '-AllProjects'; Run = { Get-OSSnapshot -AllProjects } }
        @{ Command = 'New-OSSnapshot -Metadata (piped)'; Parameter = '-Metadata'
           Run = { $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Set-OSSnapshot -Name'; Parameter = '-Name'; Run = { Set-OSSnapshot -Id $script:Known -Name renamed } }
        @{ Command = 'Set-OSSnapshot -Description'; Parameter = '-Description'; Run = { Set-OSSnapshot -Id $script:Known -Description d } }
        @{ Command = 'Set-OSSnapshot -Metadata'; Parameter = '-Metadata'; Run = { Set-OSSnapshot -Id $script:Known -Metadata @{ tier = 'gold' } } }
        @{ Command = 'Set-OSSnapshot -RemoveMetadataKey'; Parameter = '-RemoveMetadataKey'
           Run = { Get-OSSnapshot -Id $script:Known | Set-OSSnapshot -RemoveMetadataKey tier } }
    ) {
        # Every command's BeginProcessing runs before any item flows, so even the piped Get-OSSnapshot sends nothing.
        $before = Get-RequestTotal
        $failure = $null
        try { & $Run | Out-Null } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be $Parameter
        $failure.ToString() | Should -BeLike "$Parameter cannot be used on this session.*Nothing was sent.*Connect-OSCloud -Api BlockStorage*"
        Get-RequestTotal | Should -Be $before
    }

    It 'lets an empty -Metadata and -AllProjects:$false through, since they ask for nothing the proxy lacks' {
        @(Get-OSSnapshot -Metadata @{} -AllProjects:$false).Id | Should -Be @($script:Known)
        (New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name plain -Metadata @{}).Name | Should -Be 'plain'
    }

    It 'serves Set-OSSnapshot without a change: it reads the snapshot' {
        (Set-OSSnapshot -Id $script:Known -PassThru).Name | Should -Be 'known'
    }
}

Describe 'An exact -Name on a Compute session' {
    BeforeAll {
        Reset-TestCloud
        $script:Lower = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly).Id
    }

    It 'ignores case as it always did, alone or among several names' {
        @(Get-OSSnapshot -Name Nightly -ErrorAction Stop).Id | Should -Be @($script:Lower)
        @(Get-OSSnapshot -Name NIGHTLY, nightly -ErrorAction Stop).Id | Should -Be @($script:Lower)
    }
}
