# Issue 11: Remove-OSSnapshot -KeepNewest, the retention of a nightly job, and its -Summary.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-TestEmulator }

Describe 'Remove-OSSnapshot -KeepNewest' {
    BeforeEach {
        Reset-TestCloud
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
        $verbose[0].Message | Should -BeLike ("Volume $($script:VolumeAvailable): keeping 2 (*), removing 4 (*), " +
            "leaving 1 ($($script:V1Creating.Id) 'nightly-creating' creating).")
        $verbose[0].Message | Should -BeLike "*$($script:V1Error.Id) 'nightly-error' error*"
        $verbose[1].Message | Should -BeLike "Volume $($script:VolumeAvailable2): keeping 2 (*), removing 0."
    }

    It 'lists with -WhatIf exactly what would go, oldest first, and sends nothing' {
        $lines = Get-WhatIfLine { Get-OSSnapshot -Name 'nightly-*' | Remove-OSSnapshot -KeepNewest 2 -WhatIf }

        $lines | Should -Be @(
            foreach ($s in $script:V1[5], $script:V1[4], $script:V1[3], $script:V1Error) {
                "What if: Performing the operation `"Remove`" on target `"snapshot $($s.Id) ($($s.Name))`"."
            })
        Get-EmulatorRequestCount $script:Emulator 'snapshots.delete' | Should -Be 0
        @(Get-OSSnapshot).Count | Should -Be 9
    }

    It 'removes concurrently with -ThrottleLimit' {
        foreach ($day in 6..12) { New-DatedSnapshot $script:VolumeAvailable3 "bulk-$day" $day | Out-Null }
        Start-EmulatorChaos $script:Emulator -Rate 1 -Kinds latency -LatencyMs 1000 -Routes snapshots.delete | Out-Null
        try {
            $one = Measure-Command { Get-OSSnapshot -Name 'bulk-*' | Remove-OSSnapshot -KeepNewest 3 -ThrottleLimit 1 -Confirm:$false }
            foreach ($day in 6..12) { New-DatedSnapshot $script:VolumeAvailable3 "bulk2-$day" $day | Out-Null }
            $eight = Measure-Command { Get-OSSnapshot -Name 'bulk2-*' | Remove-OSSnapshot -KeepNewest 3 -ThrottleLimit 8 -Confirm:$false }
        }
        finally { Stop-EmulatorChaos $script:Emulator }
        # 4 removals of 1 s each: one at a time at least 4 s; all in flight at once they save about 3 s of it
        # (a margin of 1 s for a loaded machine, where the listing and start-up cost both runs alike).
        @(Get-OSSnapshot -VolumeId $script:VolumeAvailable3).Count | Should -Be 6
        $one.TotalMilliseconds | Should -BeGreaterThan 3990
        $one.TotalMilliseconds - $eight.TotalMilliseconds | Should -BeGreaterThan 2000
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
        # One removal fails: the first DELETE is refused. One at a time, so the first sent is the first decided (with
        # the default -ThrottleLimit of 4, whichever DELETE reached the emulator first met the fault).
        Set-EmulatorFault $script:Emulator -Route snapshots.delete -Status 403 -Count 1
        $run = Get-OSSnapshot -Name 'nightly-*' |
            Remove-OSSnapshot -KeepNewest 2 -ThrottleLimit 1 -Summary -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

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
