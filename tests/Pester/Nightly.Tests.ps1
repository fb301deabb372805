# Issue 11, nightly runbooks: Get-OSVolume -ServerId, Get-OSSnapshot -OlderThan/-NewerThan, Remove-OSSnapshot
# -KeepNewest, New-OSSnapshot -ReuseNewerThan, -Summary, and examples/Invoke-NightlySnapshot.ps1 run twice in a row.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Server = '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a'
    $script:UnknownServer = 'ffffffff-0000-4000-8000-000000000000'
    $script:Runbook = Join-Path $script:RepoRoot 'examples/Invoke-NightlySnapshot.ps1'

    # A snapshot made $DaysAgo days ago, in $Status (forced statuses stick).
    function New-DatedSnapshot([string] $VolumeId, [string] $Name, [double] $DaysAgo, [string] $Status = 'available') {
        $snapshot = New-OSSnapshot -VolumeId $VolumeId -Name $Name -Force
        Set-EmulatorSnapshotCreatedAt $script:Emulator -Id $snapshot.Id -CreatedAt ([DateTime]::UtcNow.AddDays(-$DaysAgo))
        if ($Status -ne 'available') { Set-EmulatorSnapshotStatus $script:Emulator -Id $snapshot.Id -Status $Status }
        Get-OSSnapshot -Id $snapshot.Id
    }

}
AfterAll {
    Stop-EmulatorChaos $script:Emulator
    Get-OSSession | Disconnect-OSCloud
    Stop-Emulator $script:Emulator
}

Describe 'Nightly runbooks' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
    }

    Describe 'Get-OSVolume -ServerId' {
        It 'gives the volumes attached to the servers, listing once for all of them' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable3 -ServerId $script:Server -Device /dev/vdc
            Get-OSVolume | Out-Null
            $oneListing = Get-EmulatorRequestCount $script:Emulator 'volumes.detail'

            $volumes = @(Get-OSVolume -ServerId $script:Server, $script:SeededServer, $script:UnknownServer)

            $volumes.Id | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable3, $script:VolumeInUse)
            Get-EmulatorRequestCount $script:Emulator 'volumes.detail' | Should -Be (2 * $oneListing)
        }

        It 'gives nothing and no error for a server without volumes' {
            $out = @(Get-OSVolume -ServerId $script:UnknownServer -ErrorAction Stop 2>&1)
            $out.Count | Should -Be 0
        }

        It 'finds a multi-attach volume from either server, once, whatever the case of the id' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeInUse -ServerId $script:Server
            @(Get-OSVolume -ServerId $script:Server).Id | Should -Be @($script:VolumeInUse)
            @(Get-OSVolume -ServerId $script:SeededServer.ToUpperInvariant(), $script:Server).Id | Should -Be @($script:VolumeInUse)
        }

        It 'combines with -Name and -Status' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server
            @(Get-OSVolume -ServerId $script:Server -Name data-02).Id | Should -Be @($script:VolumeAvailable2)
            @(Get-OSVolume -ServerId $script:Server -Status available).Count | Should -Be 0   # attached: in-use
        }

        It 'pipes per server into New-OSSnapshot, as the issue''s pipeline does' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server
            $made = @($script:Server, $script:UnknownServer, $script:SeededServer | ForEach-Object { Get-OSVolume -ServerId $_ } |
                    New-OSSnapshot -Name nightly -Force -Wait)
            $made.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeInUse)
            $made.Status | Should -Be @('available', 'available')
        }
    }

    Describe 'Get-OSSnapshot -OlderThan and -NewerThan' {
        BeforeEach {
            $script:Hour = New-DatedSnapshot $script:VolumeAvailable 'nightly-a' (1 / 24)
            $script:ThreeDays = New-DatedSnapshot $script:VolumeAvailable 'nightly-b' 3
            $script:TenDays = New-DatedSnapshot $script:VolumeAvailable2 'other' 10
        }

        It 'keeps what was created longer ago than -OlderThan' {
            @(Get-OSSnapshot -OlderThan 2.00:00:00).Id | Should -Be @($script:ThreeDays.Id, $script:TenDays.Id)
        }

        It 'keeps what was created within -NewerThan' {
            @(Get-OSSnapshot -NewerThan (New-TimeSpan -Days 2)).Id | Should -Be @($script:Hour.Id)
        }

        It 'takes a window with both, and combines with the other filters' {
            @(Get-OSSnapshot -OlderThan 2.00:00:00 -NewerThan 5.00:00:00).Id | Should -Be @($script:ThreeDays.Id)
            @(Get-OSSnapshot -Name 'nightly-*' -OlderThan 2.00:00:00).Id | Should -Be @($script:ThreeDays.Id)
            @(Get-OSSnapshot -VolumeId $script:VolumeAvailable2 -OlderThan 1.00:00:00).Id | Should -Be @($script:TenDays.Id)
            @(Get-OSSnapshot -Status error -OlderThan 1.00:00:00).Count | Should -Be 0
        }

        It 'refuses a bare number, which PowerShell would read as ticks, and says how to write a span' {
            foreach ($command in { Get-OSSnapshot -OlderThan 7 }, { Get-OSSnapshot -NewerThan 2 }, { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -ReuseNewerThan 20 },
                { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -Wait -Timeout 600 }, { Wait-OSSnapshot -Id $script:Hour.Id -Timeout 60 },
                { Remove-OSSnapshot -Id $script:Hour.Id -Wait -Timeout 60 -Confirm:$false }) {
                $failure = Get-OneError $command
                $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
                "$failure" | Should -BeLike '*write 7.00:00:00 or (New-TimeSpan -Days 7)*'
            }
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 3   # the set-up's only
        }

        It 'takes spans as TimeSpan objects and as strings' {
            @(Get-OSSnapshot -OlderThan '2.00:00:00').Id | Should -Be @($script:ThreeDays.Id, $script:TenDays.Id)
            @(Get-OSSnapshot -NewerThan '20:00:00').Id | Should -Be @($script:Hour.Id)
            @(Get-OSSnapshot -NewerThan ([timespan]::FromDays(4)) -OlderThan (New-TimeSpan -Days 2)).Id | Should -Be @($script:ThreeDays.Id)
        }

        It 'refuses a negative span before sending anything' {
            $failure = Get-OneError { Get-OSSnapshot -OlderThan -1.00:00:00 }
            $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        }
    }

    Describe 'Remove-OSSnapshot -KeepNewest' {
        BeforeEach {
            # Volume 1: five available (1 to 5 days old), the newest in error, one still creating. Volume 2: two available.
            $script:V1 = @{}
            foreach ($day in 1..5) { $script:V1[$day] = New-DatedSnapshot $script:VolumeAvailable "nightly-$day" $day }
            $script:V1Error = New-DatedSnapshot $script:VolumeAvailable 'nightly-error' 0.5 'error'
            $script:V1Creating = New-DatedSnapshot $script:VolumeAvailable 'nightly-creating' 9 'creating'
            $script:V2 = @(1, 2 | ForEach-Object { New-DatedSnapshot $script:VolumeAvailable2 "nightly-v2-$_" $_ })
        }

        It 'keeps the newest N available per volume, removes older and error ones, never one still creating' {
            Get-OSSnapshot -Name 'nightly-*' | Remove-OSSnapshot -KeepNewest 2 -Confirm:$false

            $left = @(Get-OSSnapshot)
            ($left.Id | Sort-Object) | Should -Be (@($script:V1[1].Id, $script:V1[2].Id, $script:V1Creating.Id) + $script:V2.Id | Sort-Object)
        }

        It 'says the decision in one verbose line per volume' {
            $verbose = @(Get-OSSnapshot -Name 'nightly-*' | Remove-OSSnapshot -KeepNewest 2 -Confirm:$false -Verbose 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Volume *' })
            $verbose.Count | Should -Be 2
            $verbose[0].Message | Should -BeLike "Volume $($script:VolumeAvailable): keeping 2 (*), removing 4 (*), leaving 1 ($($script:V1Creating.Id) 'nightly-creating' creating)."
            $verbose[0].Message | Should -BeLike "*$($script:V1Error.Id) 'nightly-error' error*"
            $verbose[1].Message | Should -BeLike "Volume $($script:VolumeAvailable2): keeping 2 (*), removing 0."
        }

        It 'lists with -WhatIf exactly what would go, oldest first, and sends nothing' {
            $lines = Get-WhatIfLine { Get-OSSnapshot -Name 'nightly-*' | Remove-OSSnapshot -KeepNewest 2 -WhatIf }

            $lines | Should -Be @(
                foreach ($s in $script:V1[5], $script:V1[4], $script:V1[3], $script:V1Error) { "What if: Performing the operation `"Remove`" on target `"snapshot $($s.Id) ($($s.Name))`"." })
            Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
            @(Get-OSSnapshot).Count | Should -Be 9
        }

        It 'removes concurrently with -ThrottleLimit' {
            foreach ($day in 6..12) { New-DatedSnapshot $script:VolumeAvailable3 "bulk-$day" $day | Out-Null }
            Start-EmulatorChaos $script:Emulator -Rate 1 -Kinds latency -LatencyMs 200 -Routes snapshots.delete | Out-Null
            try {
                $one = Measure-Command { Get-OSSnapshot -Name 'bulk-*' | Remove-OSSnapshot -KeepNewest 3 -ThrottleLimit 1 -Confirm:$false }
                foreach ($day in 6..12) { New-DatedSnapshot $script:VolumeAvailable3 "bulk2-$day" $day | Out-Null }
                $eight = Measure-Command { Get-OSSnapshot -Name 'bulk2-*' | Remove-OSSnapshot -KeepNewest 3 -ThrottleLimit 8 -Confirm:$false }
            }
            finally { Stop-EmulatorChaos $script:Emulator }
            # 4 removals of 200 ms each: one at a time at least 800 ms; all in flight at once they save about 600 ms of it
            # (a margin for a loaded machine, where the listing and start-up cost both runs alike).
            @(Get-OSSnapshot -VolumeId $script:VolumeAvailable3).Count | Should -Be 6
            $one.TotalMilliseconds | Should -BeGreaterThan 790
            $one.TotalMilliseconds - $eight.TotalMilliseconds | Should -BeGreaterThan 400
        }

        It 'decides over the whole input: a volume''s snapshots piped apart are judged together' {
            $piped = @(Get-OSSnapshot -Name 'nightly-*' | Sort-Object Name)   # interleaves volumes and ages
            $piped | Remove-OSSnapshot -KeepNewest 1 -Confirm:$false
            ($left = @(Get-OSSnapshot)).Count | Should -Be 3
            $left.Id | Should -Contain $script:V1[1].Id
            $left.Id | Should -Contain $script:V2[0].Id
        }

        It 'removes an id given twice once, and counts it once with -Summary' {
            $run = $script:V1[1].Id, $script:V1[1].Id | Remove-OSSnapshot -Summary -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
            $run.Removed | Should -Be 1
            $run.Failed | Should -Be 0
            $failures.Count | Should -Be 0
            Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 1
        }

        It 'takes snapshot objects only' {
            $failure = Get-OneError { Remove-OSSnapshot -Id $script:V1[1].Id -KeepNewest 1 -Confirm:$false }
            $failure.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet*'
        }

        It 'writes a summary with -Summary: kept, removed and the failures'' ErrorIds' {
            # One removal fails: the first DELETE is refused.
            Set-EmulatorFault $script:Emulator -Route snapshots.delete -Status 403 -Count 1
            $run = Get-OSSnapshot -Name 'nightly-*' | Remove-OSSnapshot -KeepNewest 2 -Summary -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

            $run | Should -BeOfType OpenStackSnapshot.Output.RunSummary
            $run.Kept | Should -Be 4   # 2 on volume 1, 2 on volume 2
            $run.Left | Should -Be 1   # the one still creating on volume 1
            $run.Removed | Should -Be 3
            $run.Failed | Should -Be 1
            $run.FailedErrorIds | Should -Be @('OSForbidden')
            $run.Errors[0].TargetObject | Should -Be $script:V1[5].Id
            $failures.Count | Should -Be 1
            $run.Snapshots.Id | Should -Be @($script:V1[4].Id, $script:V1[3].Id, $script:V1Error.Id)
            "$run" | Should -Be 'Remove-OSSnapshot: 0 created, 0 reused, 4 kept, 1 left, 3 removed, 1 failed (OSForbidden)'
        }
    }

    Describe 'New-OSSnapshot -ReuseNewerThan' {
        It 'writes the existing snapshot on a re-run, with a verbose line, and creates nothing' {
            $first = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait)
            $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'

            $out = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Verbose 4>&1)

            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
            $snapshots = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $snapshots.Id | Should -Be $first.Id
            $said = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*already has snapshot*' })
            $said.Count | Should -Be 2
            $said[0].Message | Should -BeLike "Volume $($script:VolumeAvailable) already has snapshot $($first[0].Id) 'nightly' (available, created *), within -ReuseNewerThan 20:00:00*"
        }

        It 'lists the snapshots once for the whole pipeline' {
            New-OSSnapshot -VolumeId $script:VolumeInUse -Name other -Force | Out-Null   # so the listing is not empty
            Get-OSSnapshot | Out-Null
            $oneListing = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
            $script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 | Out-Null
            Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be (2 * $oneListing)
        }

        It 'creates when the only match is older than the span, failed, being deleted, or of another name' {
            New-DatedSnapshot $script:VolumeAvailable 'nightly' (21 / 24) | Out-Null
            New-DatedSnapshot $script:VolumeAvailable2 'nightly' 0.1 'error' | Out-Null
            New-DatedSnapshot $script:VolumeAvailable3 'nightly' 0.1 'deleting' | Out-Null
            New-DatedSnapshot $script:VolumeInUse 'nightly-other' 0.1 | Out-Null
            $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'

            $made = @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3, $script:VolumeInUse |
                    New-OSSnapshot -Name nightly -Force -ReuseNewerThan 20:00:00)

            (Get-EmulatorRequestCount $script:Emulator 'snapshots.create') - $creates | Should -Be 4
            $made.Status | Should -Be @('creating', 'creating', 'creating', 'creating')
        }

        It 'reuses one still creating, and waits for it with -Wait' {
            $existing = New-DatedSnapshot $script:VolumeAvailable 'nightly' 0 'creating'
            $out = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly -ReuseNewerThan 20:00:00 -Wait -Timeout 00:00:03 -ErrorAction SilentlyContinue -ErrorVariable failed
            $out | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'OSTimeout,*'   # forced to stay creating
            $failed[0].TargetObject | Should -Be $existing.Id
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1   # the set-up's only
        }

        It 'snapshots a volume given twice in one pipeline once, even with creates in flight' {
            $made = @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable |
                    New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -ThrottleLimit 8)
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 2
            $made.Count | Should -Be 3
            $made[2].Id | Should -Be $made[0].Id
        }

        It 'counts a volume given twice with -Wait -Summary as one created, as the one create sent' {
            $run = $script:VolumeAvailable, $script:VolumeAvailable | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Summary
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
            $run.Created | Should -Be 1
            $run.Reused | Should -Be 0
            $run.Snapshots.Count | Should -Be 1
        }

        It 'refuses an item without a name with OSInvalidArgument, and goes on with the others' {
            $items = [pscustomobject]@{ VolumeId = $script:VolumeAvailable }, [pscustomobject]@{ VolumeId = $script:VolumeAvailable2; Name = 'nightly' }
            $out = @($items | New-OSSnapshot -ReuseNewerThan 20:00:00 -ErrorAction Continue 2>&1)
            $out[0].FullyQualifiedErrorId | Should -BeLike 'OSInvalidArgument,*'
            $out[0].TargetObject | Should -Be $script:VolumeAvailable
            $out[1].Name | Should -Be 'nightly'
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
        }

        It 'creates nothing for a volume whose listing failed, and lists again for the next' {
            Set-EmulatorFault $script:Emulator -Route snapshots.detail -Status 500 -Count 1
            $out = @($script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -ErrorAction Continue 2>&1)
            $out[0].FullyQualifiedErrorId | Should -BeLike 'OSServerError,*'
            $out[0].TargetObject | Should -Be $script:VolumeAvailable
            $out[1].VolumeId | Should -Be $script:VolumeAvailable2
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
        }

        It 'shows reuse under -WhatIf and confirms only what it would create' {
            $existing = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly
            $lines = Get-WhatIfLine { $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -WhatIf }
            $lines | Should -Be @("What if: Performing the operation `"Create snapshot 'nightly'`" on target `"volume $($script:VolumeAvailable2)`".")
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
            $existing | Should -Not -BeNullOrEmpty
        }

        It 'writes a summary with -Summary: created, reused and the failures'' ErrorIds, in place of the snapshots' {
            New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly | Out-Null
            $run = @(Get-OSVolume | New-OSSnapshot -Name nightly -ReuseNewerThan 20:00:00 -Wait -Summary -ErrorAction SilentlyContinue)

            $run.Count | Should -Be 1
            $run[0].Created | Should -Be 2
            $run[0].Reused | Should -Be 1
            $run[0].FailedErrorIds | Should -Be @('OSVolumeNotAvailable')   # db-01 is attached and -Force was not given
            $run[0].Errors[0].TargetObject | Should -Be $script:VolumeInUse
            $run[0].Snapshots.VolumeId | Should -Be @($script:VolumeAvailable, $script:VolumeAvailable2, $script:VolumeAvailable3)
            "$($run[0])" | Should -Be 'New-OSSnapshot: 2 created, 1 reused, 0 kept, 0 left, 0 removed, 1 failed (OSVolumeNotAvailable)'
        }
    }

    Describe 'examples/Invoke-NightlySnapshot.ps1' {
        BeforeAll {
            $script:Files = New-TestCloudsFolder $script:Emulator 'oss-nightly'
            $script:SavedEnvironment = Use-TestCloudsYaml $script:Files
        }
        AfterAll {
            Restore-OSEnvironment $script:SavedEnvironment
            Remove-Item $script:Files.Folder -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'has help for the script and each parameter' {
            $help = Get-Help $script:Runbook -Full
            $help.Synopsis | Should -BeLike 'Snapshots the volumes of some servers*'
            foreach ($name in 'Cloud', 'ServerId', 'VolumeName', 'Prefix', 'KeepNewest', 'ReuseNewerThan', 'Timeout') {
                ($help.parameters.parameter | Where-Object Name -EQ $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs help"
            }
            @($help.examples.example).Count | Should -BeGreaterOrEqual 3
            # What surprises a scheduled run: the date in the name, and the statuses retention cannot delete.
            "$($help.description.Text)" | Should -BeLike '*re-run after midnight UTC*once per scheduled night*'
            "$($help.description.Text)" | Should -BeLike '*error_deleting, backing-up*Cinder deletes only available and error snapshots*'
        }

        It 'run twice in a row, the second run creates nothing and reuses every snapshot; retention keeps the newest' {
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable -ServerId $script:Server -Device /dev/vdb
            Add-EmulatorVolumeAttachment $script:Emulator -VolumeId $script:VolumeAvailable2 -ServerId $script:Server -Device /dev/vdc
            # Three earlier nights on each volume, and a snapshot of another job that retention must not touch.
            $old = foreach ($volume in $script:VolumeAvailable, $script:VolumeAvailable2) { foreach ($day in 1..3) { New-DatedSnapshot $volume "nightly-old$day" $day } }
            $foreign = New-DatedSnapshot $script:VolumeAvailable 'weekly-1' 30

            $first = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log1
            $LASTEXITCODE | Should -Be 0
            $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
            $second = & $script:Runbook -Cloud mycloud -ServerId $script:Server, $script:UnknownServer -KeepNewest 2 -InformationVariable log2

            $first.Volumes | Should -Be 2
            $first.Created | Should -Be 2
            $first.Reused | Should -Be 0
            $first.Kept | Should -Be 4
            $first.Removed | Should -Be 4
            $first.Failed | Should -Be 0
            $second.Created | Should -Be 0
            $second.Reused | Should -Be 2
            $second.Removed | Should -Be 0
            $second.Snapshots.Id | Should -Be $first.Snapshots.Id
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
            $left = @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator))
            ($left.Id | Sort-Object) | Should -Be (@($first.Snapshots.Id) + $old[0].Id + $old[3].Id + $foreign.Id | Sort-Object)
            @($log1).Count | Should -Be 3
            "$($log2[1])" | Should -BeLike "*snapshots 'nightly-*': New-OSSnapshot: 0 created, 2 reused, 0 kept, 0 left, 0 removed, 0 failed"
            Get-OSSession | Where-Object Name -EQ mycloud | Should -BeNullOrEmpty -Because 'the runbook disconnects its session'
        }

        It 'changes nothing with -WhatIf, the retention of older nights included' {
            foreach ($day in 1..3) { New-DatedSnapshot $script:VolumeAvailable "nightly-old$day" $day | Out-Null }
            $creates = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
            $lines = Get-WhatIfLine { & $script:Runbook -Cloud mycloud -VolumeName 'data-*' -KeepNewest 1 -WhatIf }
            @($lines | Where-Object { $_ -like '*"Remove"*' }).Count | Should -Be 2   # nightly-old2 and nightly-old3
            Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $creates
            Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
            @(Get-OSSnapshot -Session (Connect-TestCloud $script:Emulator)).Count | Should -Be 3
        }

        It 'ends with exit code 1 and the ErrorId when the volume listing fails' {
            Set-EmulatorFault $script:Emulator -Route volumes.detail -Status 500 -Count 1
            $run = & $script:Runbook -Cloud mycloud -ServerId $script:Server -ErrorAction SilentlyContinue
            $LASTEXITCODE | Should -Be 1
            $run.Failed | Should -Be 1
            $run.FailedErrorIds | Should -Be @('OSServerError')
        }

        It 'ends with exit code 1 and OSNotFound when a volume name matches nothing' {
            $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'no-such-volume' -KeepNewest 1 -ErrorAction SilentlyContinue
            $LASTEXITCODE | Should -Be 1
            $run.Created | Should -Be 1
            $run.FailedErrorIds | Should -Be @('OSNotFound')
        }

        It 'ends with exit code 1 and the ErrorId when the retention''s listing fails' {
            # Both listings fail: the reuse look-up's (so nothing is created) and the retention's.
            Set-EmulatorFault $script:Emulator -Route snapshots.detail -Status 500 -Count 2
            $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01' -KeepNewest 1 -ErrorAction SilentlyContinue
            $LASTEXITCODE | Should -Be 1
            $run.Created | Should -Be 0
            $run.FailedErrorIds | Should -Be @('OSServerError', 'OSServerError')
        }

        It 'ends with exit code 1 and the ErrorIds when a volume fails' {
            Set-EmulatorFault $script:Emulator -Route snapshots.create -Status 403 -Count 1
            $run = & $script:Runbook -Cloud mycloud -VolumeName 'data-01', 'logs' -KeepNewest 1 -ErrorAction SilentlyContinue
            $LASTEXITCODE | Should -Be 1
            $run.Created | Should -Be 1
            $run.FailedErrorIds | Should -Be @('OSForbidden')
        }
    }
}
