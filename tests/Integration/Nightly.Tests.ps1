# Issues 11 and 23 against the real Keystone, Nova and Cinder: a server's volumes, age filters, reuse on a re-run, the
# retention rules with a snapshot forced into error by the admin's os-reset_status, and the example runbook: by server
# through Nova, and by metadata through Cinder with a calendar policy and its coverage.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    $script:Run = [guid]::NewGuid().ToString('n').Substring(0, 6)   # names of this run only, so reruns never meet
    $script:Created = [System.Collections.Generic.List[string]]::new()
    function Track($snapshots) { foreach ($s in $snapshots) { if ($s) { $script:Created.Add($s.Id) } }; $snapshots }

    # A snapshot made and available; one second apart, since MariaDB keeps no fractions of a second in created_at.
    function New-RealSnapshot([string] $VolumeId, [string] $Name) {
        Start-Sleep -Milliseconds 1100
        Track (New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force -Wait -Timeout 00:02:00 -ErrorAction Stop)
    }

    # A clouds.yaml and secure.yaml for the member user, as the runbook reads them: cloud 'real' uses the settings' default
    # API (Nova's proxy), 'realblock' chooses Cinder's with snapshot_api. Returns what Restore-OSEnvironment puts back.
    function Use-RealCloudsYaml {
        $folder = Join-Path $TestDrive 'openstack'
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
        $saved = Clear-OSEnvironment
        $env:OS_CLIENT_CONFIG_FILE = Join-Path $folder 'clouds.yaml'
        $env:OS_CLIENT_SECURE_FILE = Join-Path $folder 'secure.yaml'
        $clouds = "clouds:`n"
        $secure = "clouds:`n"
        foreach ($cloud in @{ Name = 'real'; Api = '' }, @{ Name = 'realblock'; Api = "`n    snapshot_api: block-storage" }) {
            $clouds += "  $($cloud.Name):`n    auth:`n      auth_url: $($env:OSS_REAL_AUTH_URL)`n" +
                "      username: $($env:OSS_REAL_MEMBER_USER)`n      project_name: $($env:OSS_REAL_PROJECT)`n" +
                "      user_domain_name: Default`n      project_domain_name: Default`n    region_name: $($env:OSS_REAL_REGION)$($cloud.Api)`n"
            $secure += "  $($cloud.Name):`n    auth:`n      password: '$($env:OSS_REAL_MEMBER_PASSWORD)'`n"
        }
        Set-Content -Path $env:OS_CLIENT_CONFIG_FILE -Value $clouds
        Set-Content -Path $env:OS_CLIENT_SECURE_FILE -Value $secure
        $saved
    }
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'
}

AfterAll {
    Remove-RealTestSnapshot $script:Created
}

Describe 'Nightly runbooks on the real cloud' -Skip:$script:RealSkip {
    BeforeAll {
        Connect-RealMember | Out-Null
        # The made-up server the harness attached the in-use volume to, as Cinder itself records it.
        $credential = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
        $member = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_PROJECT
        $headers = @{ 'X-Auth-Token' = $member.Token; 'OpenStack-API-Version' = 'volume 3.44' }
        $url = "$($env:OSS_REAL_CINDER_URL)/attachments/$($env:OSS_REAL_VOLUME_INUSE_ATTACHMENT_ID)"
        $attachment = Send-Raw -Method Get -Url $url -Headers $headers
        $script:ServerId = $attachment.Json.attachment.instance
        $script:UnknownServer = [guid]::NewGuid().ToString()
    }
    BeforeEach { Connect-RealMember | Out-Null }

    It 'Get-OSVolume -ServerId gives the volume Nova reports attached to that server' {
        $script:ServerId | Should -Match '^[0-9a-f-]{36}$'
        $volumes = @(Get-OSVolume -ServerId $script:ServerId)
        $volumes.Id | Should -Be @($env:OSS_REAL_VOLUME_INUSE)
        $volumes[0].Status | Should -Be 'in-use'
    }

    It 'Get-OSVolume -ServerId gives nothing and no error for an unknown server' {
        $out = @(Get-OSVolume -ServerId $script:UnknownServer -ErrorAction Stop 2>&1)
        $out.Count | Should -Be 0
    }

    It 'New-OSSnapshot -ReuseNewerThan: a re-run reuses the snapshot and creates none' {
        $name = "it-reuse-$script:Run"
        $first = Track (Get-OSVolume -ServerId $script:ServerId | New-OSSnapshot -Name $name -Force -ReuseNewerThan 20:00:00 -Wait -Timeout 00:02:00)
        $second = Get-OSVolume -ServerId $script:ServerId |
            New-OSSnapshot -Name $name -Force -ReuseNewerThan 20:00:00 -Wait -Timeout 00:02:00 -Summary
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 1
        $second.Snapshots.Id | Should -Be @($first.Id)
        @(Get-OSSnapshot -Name $name).Count | Should -Be 1
    }

    It 'Get-OSSnapshot -OlderThan and -NewerThan judge the real CreatedAt' {
        $name = "it-age-$script:Run"
        $made = New-RealSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 $name
        @(Get-OSSnapshot -Name $name -NewerThan 00:10:00).Id | Should -Be @($made.Id)
        # A name without wildcards that matches nothing once the age filter is applied is OSNotFound, as without it.
        @(Get-OSSnapshot -Name $name -OlderThan 00:10:00 -ErrorAction SilentlyContinue -ErrorVariable missing).Count | Should -Be 0
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'OSNotFound,*'
        Start-Sleep -Seconds 2
        @(Get-OSSnapshot -Name $name -OlderThan 00:00:01).Id | Should -Be @($made.Id)
    }

    It 'Remove-OSSnapshot -KeepNewest: an error snapshot never counts as kept, one creating is never removed' {
        $prefix = "it-ret-$script:Run-"
        $s = 1..4 | ForEach-Object { New-RealSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_2 "$prefix$_" }
        Set-RealSnapshotStatus $s[3].Id 'error'       # the newest
        Set-RealSnapshotStatus $s[0].Id 'creating'    # the oldest
        (Get-OSSnapshot -Id $s[3].Id).Status | Should -Be 'error'
        (Get-OSSnapshot -Id $s[0].Id).Status | Should -Be 'creating'

        $lines = Get-WhatIfLine { Get-OSSnapshot -Name "$prefix*" | Remove-OSSnapshot -KeepNewest 1 -WhatIf }
        $lines | Should -Be @(foreach ($gone in $s[1], $s[3]) {
                "What if: Performing the operation `"Remove`" on target `"snapshot $($gone.Id) ($($gone.Name))`"."
            })
        @(Get-OSSnapshot -Name "$prefix*").Count | Should -Be 4

        $run = Get-OSSnapshot -Name "$prefix*" | Remove-OSSnapshot -KeepNewest 1 -Summary -Wait -Timeout 00:02:00 -Confirm:$false -Verbose 4>&1 |
            Where-Object {
                $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Volume *' -or
                    $_ -isnot [System.Management.Automation.VerboseRecord]
            }
        $said = @($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $summary = @($run | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })[0]
        $said.Count | Should -Be 1
        $said[0].Message | Should -BeLike ("Volume $($env:OSS_REAL_VOLUME_AVAILABLE_2): keeping 1 ($($s[2].Id) *), removing 2 (*), " +
            "leaving 1 ($($s[0].Id) * creating).")
        "$summary" | Should -Be 'Remove-OSSnapshot: 0 created, 0 reused, 1 kept, 1 left, 2 removed, 0 failed'
        (@(Get-OSSnapshot -Name "$prefix*").Id | Sort-Object) | Should -Be (@($s[0].Id, $s[2].Id) | Sort-Object)
    }

    It 'runs examples/Invoke-NightlySnapshot.ps1 twice: the second run reuses the snapshot' {
        $saved = Use-RealCloudsYaml
        try {
            $prefix = "it-nightly-$script:Run-"
            $first = & $script:Runbook -Cloud real -ServerId $script:ServerId, $script:UnknownServer -Prefix $prefix -KeepNewest 2
            $firstExit = $LASTEXITCODE
            $second = & $script:Runbook -Cloud real -ServerId $script:ServerId, $script:UnknownServer -Prefix $prefix -KeepNewest 2
            $secondExit = $LASTEXITCODE
        }
        finally { Restore-OSEnvironment $saved }
        Track $first.Snapshots | Out-Null

        $firstExit | Should -Be 0
        $secondExit | Should -Be 0
        $first.Volumes | Should -Be 1
        $first.Created | Should -Be 1
        $first.Snapshots[0].Status | Should -Be 'available'
        $first.Covered | Should -Be 1
        $first.NotCovered | Should -Be 0
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 1
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        $second.Kept | Should -Be 1
        $second.Covered | Should -Be 1
    }

    It 'runs the runbook by metadata on a block-storage cloud twice with a calendar policy, then with a -MaxAge it misses' {
        # One volume opts in, with a tag of this run only; an earlier snapshot of the job's prefix is on it.
        $tag = @{ 'oss-it-nightly' = $script:Run }
        $block = Connect-RealMember @{ Api = 'BlockStorage'; Name = 'tagging'; NoDefault = $true }
        $prefix = "it-policy-$script:Run-"
        Set-OSVolume -Session $block -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 -Metadata $tag -ErrorAction Stop
        $saved = Use-RealCloudsYaml
        try {
            $earlier = New-RealSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "${prefix}earlier"
            $policy = @{ Cloud = 'realblock'; VolumeMetadata = $tag; Prefix = $prefix; KeepDaily = 1; TimeZone = 'Etc/UTC' }
            $first = & $script:Runbook @policy -InformationVariable log1
            $firstExit = $LASTEXITCODE
            $second = & $script:Runbook @policy -InformationVariable log2
            $secondExit = $LASTEXITCODE
            Start-Sleep -Seconds 2   # tonight's snapshot is now older than the next run's -MaxAge
            $third = & $script:Runbook @policy -MaxAge 00:00:01 -ErrorAction SilentlyContinue -ErrorVariable notCovered
            $thirdExit = $LASTEXITCODE
        }
        finally {
            Restore-OSEnvironment $saved
            Set-OSVolume -Session $block -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 -RemoveMetadataKey $tag.Keys -ErrorAction Continue
            Disconnect-OSCloud -Session $block
        }
        Track $first.Snapshots | Out-Null

        $firstExit | Should -Be 0 -Because "$($log1 -join "`n")"
        $first.Volumes | Should -Be 1
        $first.Snapshots.VolumeId | Should -Be @($env:OSS_REAL_VOLUME_AVAILABLE_1)
        $first.Created | Should -Be 1
        $first.Kept | Should -Be 1 -Because 'one day, one snapshot: the newest of the day (or, after midnight, the only rule is full)'
        $first.Removed | Should -Be 1
        $first.Covered | Should -Be 1
        $first.NotCovered | Should -Be 0
        "$($log1[2])" | Should -BeLike '*retention per volume, daily 1 in time zone Etc/UTC: *1 kept, * 1 removed, 0 failed'
        $secondExit | Should -Be 0 -Because "$($log2 -join "`n")"
        $second.Created | Should -Be 0
        $second.Reused | Should -Be 1
        $second.Snapshots.Id | Should -Be $first.Snapshots.Id
        $second.Kept | Should -Be 1
        $second.Removed | Should -Be 0   # the earlier snapshot is gone, or still deleting and left alone
        $second.Covered | Should -Be 1
        $thirdExit | Should -Be 1
        $third.Reused | Should -Be 1
        $third.Failed | Should -Be 0
        $third.NotCovered | Should -Be 1
        @($notCovered | Where-Object FullyQualifiedErrorId -Like 'VolumeNotCovered,*').TargetObject | Should -Be @($env:OSS_REAL_VOLUME_AVAILABLE_1)
        @(Get-OSSnapshot -Name "$prefix*" | Where-Object Status -NE 'deleting').Id | Should -Be $first.Snapshots.Id
        $earlier.Id | Should -Not -BeIn $first.Snapshots.Id
    }
}
