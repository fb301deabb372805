# Issue 12 against the real Keystone, Nova and Cinder: the issue's examples through -Api BlockStorage (metadata on
# create, the metadata filter, retention over the tagged snapshots, an administrator's -AllProjects), one store seen
# through both APIs, and what a Compute session refuses. Set-OSSnapshot is in RealSetOSSnapshot.Tests.ps1.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    Start-RealTestRun
}

AfterAll { Remove-RealTestSnapshot $script:Created }

Describe 'The block-storage API on the real cloud' -Skip:$script:RealSkip {
    BeforeAll {
        $credential = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
        $member = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_PROJECT
        $headers = @{ 'X-Auth-Token' = $member.Token; 'OpenStack-API-Version' = 'volume 3.44' }
        $url = "$($env:OSS_REAL_CINDER_URL)/attachments/$($env:OSS_REAL_VOLUME_INUSE_ATTACHMENT_ID)"
        $attachment = Send-Raw -Method Get -Url $url -Headers $headers
        $script:ServerId = $attachment.Json.attachment.instance
    }
    BeforeEach { $script:Session = Connect-RealMember @{ Api = 'BlockStorage' } }

    It 'connects to Cinder''s endpoint from the catalog at volume 3.31' {
        $script:Session.Api | Should -Be 'BlockStorage'
        $script:Session.EndpointUrl.AbsoluteUri.TrimEnd('/') | Should -Be $env:OSS_REAL_CINDER_URL.TrimEnd('/')
        $script:Session.BlockStorageApiVersion | Should -Be '3.31'
    }

    It 'snapshots a server''s volumes with metadata and finds them by it (the issue''s first two lines)' {
        $made = @(Track (Get-OSVolume -ServerId $script:ServerId |
                    New-OSSnapshot -Name "it-bs-$script:Run" -Force -Metadata $script:Managed -Wait -Timeout 00:02:00))
        New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-bs-untagged-$script:Run" @{ other = 'x' } | Out-Null

        $made.VolumeId | Should -Be @($env:OSS_REAL_VOLUME_INUSE)
        $made[0].Status | Should -Be 'available'
        $made[0].Metadata["managed-by"] | Should -Be "it-$script:Run"
        $made[0].ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        @(Get-OSSnapshot -Metadata $script:Managed).Id | Should -Be @($made[0].Id)
    }

    It 'sends a pair whose key and value need escaping (space, /, .., quotes, ünïcode) that Cinder itself matches exactly' {
        $key = 'odd key/..'
        $value = "a value with spaces, quotes ' `" and ünïcode $script:Run"
        $match = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-odd-$script:Run" @{ $key = $value }
        # What a filter with one escape too many would find instead. (Text folded to ASCII would not show here:
        # Cinder's database compares accents alike, see docs/cinder.md.)
        New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-near-$script:Run" @{ $key = $value.Replace("'", "\'") } | Out-Null

        $out = Get-OSSnapshot -Metadata @{ $key = $value } -Verbose 4>&1
        $sent = @($out | Where-Object {
                $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET (\S+/snapshots/detail\?\S+) -> 200'
            })
        $url = $sent[0].Message -replace '^GET (\S+) -> .*$', '$1'
        # The client checks each item again, so ask Cinder directly with the URL as sent: its own filter must match.
        $credential = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
        $token = (Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_PROJECT).Token
        $server = Send-Raw -Method Get -Url $url -Headers @{ 'X-Auth-Token' = $token; 'OpenStack-API-Version' = 'volume 3.31' }

        $match.Metadata[$key] | Should -Be $value
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Id | Should -Be @($match.Id)
        $url | Should -Match 'metadata='
        @($server.Json.snapshots.id) | Should -Be @($match.Id)
    }

    It 'keeps the newest of the tagged snapshots with -KeepNewest and removes the rest (the issue''s third line)' {
        $tag = @{ 'managed-by' = "it-keep-$script:Run" }
        $s = 1..3 | ForEach-Object { New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_2 "it-keep-$script:Run" $tag }

        $whatIf = Get-WhatIfLine { Get-OSSnapshot -Metadata $tag | Remove-OSSnapshot -KeepNewest 1 -WhatIf }
        Get-OSSnapshot -Metadata $tag | Remove-OSSnapshot -KeepNewest 1 -Wait -Timeout 00:02:00 -Confirm:$false

        $whatIf.Count | Should -Be 2
        ($whatIf -join "`n") | Should -Match $s[0].Id
        ($whatIf -join "`n") | Should -Match $s[1].Id
        @(Get-OSSnapshot -Metadata $tag).Id | Should -Be @($s[2].Id)
    }

    It 'gives the administrator every project''s error snapshots with -AllProjects, with their ProjectId (the issue''s last line)' {
        $broken = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-error-$script:Run"
        Set-RealSnapshotStatus $broken.Id 'error'
        Connect-RealAdmin @{ Api = 'BlockStorage' } | Out-Null

        $own = @(Get-OSSnapshot -Status error)
        $all = @(Get-OSSnapshot -AllProjects -Status error)

        $own.Id | Should -Not -Contain $broken.Id
        $mine = @($all | Where-Object Id -EQ $broken.Id)
        $mine.Count | Should -Be 1
        $mine[0].ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        ($all | Out-String -Width 80) | Should -Match ('Age\s+Project[\s\S]*' + $env:OSS_REAL_PROJECT_ID.Substring(0, 8))
    }

    It 'shows through Nova a snapshot made through Cinder, and the other way' {
        $viaCinder = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-cinder-$script:Run"
        Connect-RealMember -Extra @{ Api = 'Compute'; Name = 'nova' } | Out-Null
        $viaNova = Track (New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 -Name "it-nova-$script:Run" -Session nova -Wait -Timeout 00:02:00)

        $fromNova = Get-OSSnapshot -Id $viaCinder.Id -Session nova
        $fromCinder = Get-OSSnapshot -Id $viaNova.Id -Session $script:Session   # Connect-OSCloud made 'nova' the default

        $fromNova.Name | Should -Be "it-cinder-$script:Run"
        $fromNova.Metadata.Count | Should -Be 0
        $fromCinder.Name | Should -Be "it-nova-$script:Run"
        $fromCinder.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
    }

    It 'refuses -Metadata on a Compute session before sending, naming -Api BlockStorage' {
        Connect-RealMember | Out-Null
        $record = Get-OneError { Get-OSSnapshot -Metadata $script:Managed }
        $record.FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
        $record.ToString() | Should -Match '-Api BlockStorage'
    }
}
