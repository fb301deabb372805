# Issue 12's Set-OSSnapshot against the real Cinder: renames, merged metadata, removed keys (.. and one with / too)
# read back, and what it writes with and without -PassThru.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    Start-RealTestRun
}

AfterAll { Remove-RealTestSnapshot $script:Created }

Describe 'Set-OSSnapshot on the real Cinder' -Skip:$script:RealSkip {
    BeforeEach { Connect-RealMember @{ Api = 'BlockStorage' } | Out-Null }

    It 'renames and merges metadata with Set-OSSnapshot, then removes a key' {
        $snapshot = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-set-$script:Run"

        Set-OSSnapshot -Id $snapshot.Id -Name "it-renamed-$script:Run" -Metadata @{ tier = 'gold' }
        $renamed = Get-OSSnapshot -Id $snapshot.Id
        $after = $renamed | Set-OSSnapshot -RemoveMetadataKey tier, absent -PassThru -ErrorAction Stop

        $renamed.Name | Should -Be "it-renamed-$script:Run"
        $renamed.Metadata.Keys | Sort-Object | Should -Be @('managed-by', 'tier')
        $after.Metadata.Keys | Should -Be @('managed-by')
        $after.Name | Should -Be "it-renamed-$script:Run"
    }

    It 'removes the key .. and then one with / on the real Cinder, keeping the others (read back)' {
        $metadata = $script:Managed + @{ '..' = 'dots'; 'x/y' = 'slash'; keep = 'k' }
        $snapshot = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-keys-$script:Run" $metadata

        Set-OSSnapshot -Id $snapshot.Id -RemoveMetadataKey '..' -ErrorAction Stop
        $withoutDots = (Get-OSSnapshot -Id $snapshot.Id).Metadata
        Set-OSSnapshot -Id $snapshot.Id -RemoveMetadataKey 'x/y' -ErrorAction Stop
        $withoutSlash = (Get-OSSnapshot -Id $snapshot.Id).Metadata

        $snapshot.Metadata.Keys | Sort-Object | Should -Be @('..', 'keep', 'managed-by', 'x/y')
        $withoutDots.Keys | Sort-Object | Should -Be @('keep', 'managed-by', 'x/y')
        $withoutDots['x/y'] | Should -Be 'slash'
        $withoutSlash.Keys | Sort-Object | Should -Be @('keep', 'managed-by')
        $withoutSlash['keep'] | Should -Be 'k'
        $withoutSlash['managed-by'] | Should -Be "it-$script:Run"
    }

    It 'writes nothing without -PassThru, and the snapshot as the real Cinder has it after the change with -PassThru' {
        $snapshot = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-passthru-$script:Run"

        $quiet = @(Set-OSSnapshot -Id $snapshot.Id -Name "it-quiet-$script:Run" -Metadata @{ tier = 'gold' } -ErrorAction Stop *>&1)
        $written = @(Set-OSSnapshot -Id $snapshot.Id -Name "it-written-$script:Run" -Metadata @{ tier = 'silver' } -PassThru -ErrorAction Stop)
        $read = Get-OSSnapshot -Id $snapshot.Id

        $quiet.Count | Should -Be 0
        $written.Count | Should -Be 1
        $written[0].Id | Should -Be $snapshot.Id
        $written[0].Name | Should -Be "it-written-$script:Run"
        $written[0].Metadata['tier'] | Should -Be 'silver'
        $written[0].ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        $read.Name | Should -Be $written[0].Name
        $read.Metadata.Keys | Sort-Object | Should -Be @('managed-by', 'tier')
    }
}
