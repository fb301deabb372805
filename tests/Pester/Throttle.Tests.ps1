# -ThrottleLimit (issue 10 part 1): up to N requests of one pipeline in flight, output in input order, ShouldProcess
# before each item is sent, per-item errors in their place, and faults ridden out with many requests in flight.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    Connect-TestCloud $script:Emulator | Out-Null
    function New-Input([int] $Count, [string] $Prefix) {
        1..$Count | ForEach-Object { [pscustomobject]@{ VolumeId = $script:VolumeAvailable; Name = '{0}-{1:d3}' -f $Prefix, $_ } }
    }
}
AfterAll {
    Stop-EmulatorChaos $script:Emulator
    Get-OSSession | Disconnect-OSCloud
    Stop-Emulator $script:Emulator
}

Describe 'New-OSSnapshot -ThrottleLimit' {
    AfterEach { Stop-EmulatorChaos $script:Emulator }

    # Each create is held for 500 ms, far more than a loaded machine adds to a request, so the times below show how many
    # were in flight rather than how fast the machine is.
    It 'keeps at most N in flight, writes in input order and is faster than one at a time' {
        Start-EmulatorChaos $script:Emulator -Rate 1 -Kinds latency -LatencyMs 500 -Routes snapshots.create | Out-Null
        $sequential = Measure-Command { $script:One = @(New-Input 16 'seq' | New-OSSnapshot -ThrottleLimit 1) }
        $throttled = Measure-Command { $script:Eight = @(New-Input 48 'thr' | New-OSSnapshot -ThrottleLimit 8) }
        $script:Eight.Name | Should -Be @(New-Input 48 'thr').Name
        # 48 creates of 500 ms, 8 at a time, cannot take less than 6 x 500 ms; one at a time, 16 take at least 8 s.
        $throttled.TotalMilliseconds | Should -BeGreaterThan 2950
        $perCreate = @{ One = $sequential.TotalMilliseconds / 16; Eight = $throttled.TotalMilliseconds / 48 }
        $perCreate.One / $perCreate.Eight | Should -BeGreaterThan 3
        Write-Host ('-ThrottleLimit 8 at 500 ms latency: {0:n0} ms per create one at a time, {1:n0} ms with 8 in flight' -f
            $perCreate.One, $perCreate.Eight)
    }

    It 'keeps 4 in flight by default' {
        Start-EmulatorChaos $script:Emulator -Rate 1 -Kinds latency -LatencyMs 500 -Routes snapshots.create | Out-Null
        $default = Measure-Command { $script:Made = @(New-Input 16 'dflt' | New-OSSnapshot) }
        $script:Made.Name | Should -Be @(New-Input 16 'dflt').Name
        # 16 creates of 500 ms, 4 at a time: at least 4 x 500 ms, and far from the 8 s of one at a time.
        $default.TotalMilliseconds | Should -BeGreaterThan 1980
        $default.TotalMilliseconds | Should -BeLessThan 6000
    }

    It 'asks ShouldProcess before sending: -WhatIf sends nothing' {
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.create'
        New-Input 10 'whatif' | New-OSSnapshot -ThrottleLimit 4 -WhatIf 6>$null
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be $before
    }

    It 'writes each error in its input''s place' {
        $items = @(New-Input 9 'mixed')
        foreach ($i in 2, 5) { $items[$i].VolumeId = '00000000-0000-4000-8000-{0:d12}' -f $i }   # unknown volumes
        $out = @($items | New-OSSnapshot -ThrottleLimit 4 -ErrorAction Continue 2>&1)
        $out.Count | Should -Be 9
        foreach ($i in 0..8) {
            if ($i -in 2, 5) {
                $out[$i] | Should -BeOfType System.Management.Automation.ErrorRecord
                $out[$i].FullyQualifiedErrorId | Should -BeLike 'OSVolumeNotFound,*'
                $out[$i].TargetObject | Should -Be $items[$i].VolumeId
            }
            else { $out[$i].Name | Should -Be $items[$i].Name }
        }
    }

    It 'rides out injected faults with 16 in flight: one snapshot or one error per input, in order, no duplicate or orphan' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'throttle'; TimeoutSec = 2 } | Out-Null
        $chaos = Start-EmulatorChaos $script:Emulator -Rate 0.15 -Seed 1204
        $items = @(New-Input 300 'chaos')
        $out = @($items | New-OSSnapshot -Session throttle -ThrottleLimit 16 -ErrorAction Continue 2>&1)
        $script:ChaosFigures = Get-EmulatorChaos $script:Emulator
        Stop-EmulatorChaos $script:Emulator
        $out.Count | Should -Be 300
        $objects = @($out | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        foreach ($i in 0..299) { if ($out[$i] -isnot [System.Management.Automation.ErrorRecord]) { $out[$i].Name | Should -Be $items[$i].Name } }
        @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -notmatch '^OS[A-Z]' }) |
            Should -BeNullOrEmpty
        $onServer = @(Get-OSSnapshot -Session throttle -Name 'chaos-*')
        @($onServer | Group-Object Name | Where-Object Count -GT 1) | Should -BeNullOrEmpty -Because 'no create was sent twice'
        $written = [Collections.Generic.HashSet[string]]::new([string[]]@($objects.Id))
        @($onServer | Where-Object { -not $written.Contains($_.Id) }).Name | Should -BeNullOrEmpty -Because 'every snapshot made was written'
        $injected = ($script:ChaosFigures.injected.PSObject.Properties | Measure-Object Value -Sum).Sum
        $injected | Should -BeGreaterThan 20
        Write-Host ("-ThrottleLimit 16 under chaos: 300 inputs, {0} requests, {1} faults injected, {2} objects, {3} errors" -f
            $script:ChaosFigures.requests, $injected, $objects.Count, ($out.Count - $objects.Count))
    }
}

Describe 'Remove-OSSnapshot -ThrottleLimit' {
    It 'removes all, -PassThru in input order' {
        $made = @(New-Input 20 'rm' | New-OSSnapshot)
        $removed = @($made | Remove-OSSnapshot -ThrottleLimit 8 -PassThru -Confirm:$false)
        $removed.Id | Should -Be $made.Id
        @(Get-OSSnapshot -Name 'rm-*' | Where-Object Status -NE 'deleting') | Should -BeNullOrEmpty
    }
}

Describe 'Wait-OSSnapshot -ThrottleLimit' {
    AfterEach { Stop-EmulatorChaos $script:Emulator }

    It 'shows up to N pending snapshots at once instead of paging the listing' {
        $made = @(New-Input 12 'wait' | New-OSSnapshot)
        $shows = Get-EmulatorRequestCount $script:Emulator 'snapshots.show'
        $listings = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        $ready = @($made | Wait-OSSnapshot -ThrottleLimit 16)
        $ready.Id | Should -Be $made.Id
        @($ready | Where-Object Status -NE 'available') | Should -BeNullOrEmpty
        (Get-EmulatorRequestCount $script:Emulator 'snapshots.show') - $shows | Should -BeGreaterOrEqual 12
        Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be $listings
    }

    It 'confirms deletions (each by its own 404) with N shows in flight: Remove-OSSnapshot -Wait -ThrottleLimit' {
        $one = @(New-Input 10 'rmwait1' | New-OSSnapshot)
        $ten = @(New-Input 10 'rmwait10' | New-OSSnapshot)
        Start-EmulatorChaos $script:Emulator -Rate 1 -Kinds latency -LatencyMs 1000 -Routes snapshots.show | Out-Null
        $sequential = Measure-Command { $one | Remove-OSSnapshot -Wait -ThrottleLimit 1 -Confirm:$false }
        $throttled = Measure-Command { $ten | Remove-OSSnapshot -Wait -ThrottleLimit 10 -Confirm:$false }
        Stop-EmulatorChaos $script:Emulator
        @(Get-OSSnapshot -Name 'rmwait*') | Should -BeNullOrEmpty
        # One at a time, ten shows of 1 s take 10 s; ten at once about 1 s (a loaded machine's overhead is small beside it).
        $sequential.TotalMilliseconds | Should -BeGreaterThan 10000
        $sequential.TotalMilliseconds / $throttled.TotalMilliseconds | Should -BeGreaterThan 3
        Write-Host ('Remove-OSSnapshot -Wait of 10 at 1 s per show: {0:n0} ms one at a time, {1:n0} ms with -ThrottleLimit 10' -f
            $sequential.TotalMilliseconds, $throttled.TotalMilliseconds)
    }
}
