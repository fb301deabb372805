# Issue 12's Set-OSSnapshot against the real Cinder: renames, merged metadata, removed keys (.. and one with / too)
# read back, and what it writes with and without -PassThru.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
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
}
