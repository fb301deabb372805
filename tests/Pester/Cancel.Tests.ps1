# Ctrl+C (issue 9 part 10): PowerShell.Stop() ends a cmdlet wherever it is — a request in flight, a retry's wait
# (Retry-After: 30), a snapshot wait, New-OSSnapshot -Wait, a sign-in's retry, a refused connection's backoff — and the
# session in that runspace works at once afterwards. Stop() returns when the pipeline has stopped, so its duration is
# the time the user waits. Each bound is well under what the command was waiting for (30 s or more), so it proves the
# stop ended the wait and leaves room for a loaded machine; how fast a stop is belongs to -Task Bench.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Runspace = [runspacefactory]::CreateRunspace()
    $script:Runspace.Open()

    function Invoke-InRunspace([scriptblock] $Script, [object[]] $Arguments = @()) {
        $shell = [powershell]::Create(); $shell.Runspace = $script:Runspace
        try { $shell.AddScript($Script) | Out-Null; foreach ($a in $Arguments) { $shell.AddArgument($a) | Out-Null }; $shell.Invoke() }
        finally { $shell.Dispose() }
    }

    # Starts $Script in the runspace, waits until $Route has been asked $Requests times (the cmdlet is then waiting),
    # stops it and says how long Stop() took.
    function Measure-Stop([scriptblock] $Script, [string] $Route, [int] $Requests = 1, [object[]] $Arguments = @()) {
        $before = Get-EmulatorRequestCount $script:Emulator $Route
        $shell = [powershell]::Create(); $shell.Runspace = $script:Runspace
        try {
            $shell.AddScript($Script) | Out-Null; foreach ($a in $Arguments) { $shell.AddArgument($a) | Out-Null }
            $running = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ((Get-EmulatorRequestCount $script:Emulator $Route) -lt $before + $Requests -and -not $running.IsCompleted -and
                [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300   # into the wait that follows the request
            $running.IsCompleted | Should -BeFalse -Because 'the command was still working when Ctrl+C came'
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Stop()
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $clock.Elapsed
        }
        finally { $shell.Dispose() }
    }

    Invoke-InRunspace {
        param($ModulePath, $AuthUrl, $Volume)
        Import-Module $ModulePath
        $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
        Connect-OSCloud -AuthUrl $AuthUrl -Credential $credential -ProjectName demo | Out-Null
        $global:Known = (New-OSSnapshot -VolumeId $Volume -Name cancel-known).Id
    } $script:ModulePath, $script:Emulator.AuthUrl, $script:VolumeAvailable | Out-Null
    $script:Known = Invoke-InRunspace { $global:Known }
    $script:Stops = [ordered]@{}
}
AfterAll {
    Write-Host ('Ctrl+C: ' + (($script:Stops.GetEnumerator() | ForEach-Object { '{0} {1:0} ms' -f $_.Key, $_.Value.TotalMilliseconds }) -join ', '))
    $script:Runspace.Dispose()
    Stop-Emulator $script:Emulator
}

Describe 'Ctrl+C stops a command long before what it waits for, and leaves the session usable' {
    AfterEach {
        Clear-EmulatorFault $script:Emulator
        Stop-EmulatorOutage $script:Emulator
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 0 }
        # The same runspace's session answers at once, without reconnecting.
        (Invoke-InRunspace { param($Id) (Get-OSSnapshot -Id $Id).Id } $script:Known) | Should -Be $script:Known
    }

    It 'mid request: a create whose answer would come after 30 s' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 200 -DelayMs 30000
        $create = { param($Volume) New-OSSnapshot -VolumeId $Volume -Name cancel-request }
        $script:Stops['request'] = Measure-Stop $create 'snapshots.create' -Arguments $script:VolumeAvailable
        $script:Stops['request'].TotalSeconds | Should -BeLessThan 10 -Because 'the answer would have come after 30 s'
    }

    It 'with 8 creates in flight (-ThrottleLimit 8), each held for 30 s' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 200 -DelayMs 30000 -Count 8
        $script:Stops['8 in flight'] = Measure-Stop {
            param($Volume)
            1..20 | ForEach-Object { [pscustomobject]@{ VolumeId = $Volume; Name = "cancel-many-$_" } } | New-OSSnapshot -ThrottleLimit 8
        } 'snapshots.create' -Requests 8 -Arguments $script:VolumeAvailable
        $script:Stops['8 in flight'].TotalSeconds | Should -BeLessThan 10 -Because 'the answers would have come after 30 s'
    }

    It 'mid retry: waiting out a 503 that asked for Retry-After: 30' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.show' -Status 503 -RetryAfter 30 -Count 5
        $script:Stops['retry wait'] = Measure-Stop { param($Id) Get-OSSnapshot -Id $Id } 'snapshots.show' -Arguments $script:Known
        $script:Stops['retry wait'].TotalSeconds | Should -BeLessThan 10 -Because 'the retry would have come after 30 s'
    }

    It 'mid wait: Wait-OSSnapshot on a snapshot that stays creating' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 600000 }
        $id = Invoke-InRunspace { param($Volume) (New-OSSnapshot -VolumeId $Volume -Name cancel-wait).Id } $script:VolumeAvailable
        $wait = { param($Id) Wait-OSSnapshot -Id $Id -Timeout 00:10:00 }
        $script:Stops['Wait-OSSnapshot'] = Measure-Stop $wait 'snapshots.show' -Requests 2 -Arguments $id
        $script:Stops['Wait-OSSnapshot'].TotalSeconds | Should -BeLessThan 10 -Because 'the snapshot stays creating for 10 minutes'
    }

    It 'mid wait: New-OSSnapshot -Wait' {
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 600000 }
        $createAndWait = { param($Volume) New-OSSnapshot -VolumeId $Volume -Name cancel-newwait -Wait -Timeout 00:10:00 }
        $script:Stops['New -Wait'] = Measure-Stop $createAndWait 'snapshots.show' -Requests 2 -Arguments $script:VolumeAvailable
        $script:Stops['New -Wait'].TotalSeconds | Should -BeLessThan 10 -Because 'the snapshot stays creating for 10 minutes'
    }

    It "mid sign-in: Connect-OSCloud waiting out Keystone's Retry-After: 30" {
        Set-EmulatorFault $script:Emulator -Route 'identity.tokens' -Status 503 -RetryAfter 30 -Count 5
        $script:Stops['sign-in retry'] = Measure-Stop {
            param($AuthUrl)
            $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
            Connect-OSCloud -Name other -AuthUrl $AuthUrl -Credential $credential -ProjectName demo
        } 'identity.tokens' -Arguments $script:Emulator.AuthUrl
        $script:Stops['sign-in retry'].TotalSeconds | Should -BeLessThan 10 -Because 'the retry would have come after 30 s'
        Invoke-InRunspace { Get-OSSession -Name other -ErrorAction SilentlyContinue } |
            Should -BeNullOrEmpty -Because 'a stopped sign-in leaves no half-made session'
    }

    It 'mid backoff: a cloud that refuses connections' {
        # A session of its own whose first retry waits 15 to 25 s (-RetryIntervalSec 20 with jitter): long after the outage.
        Invoke-InRunspace {
            param($AuthUrl)
            Connect-OSCloud -Name backoff -NoDefault -RetryIntervalSec 20 -AuthUrl $AuthUrl -ProjectName demo `
                -Credential ([pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))) | Out-Null
        } $script:Emulator.AuthUrl | Out-Null
        Start-EmulatorOutage $script:Emulator -Seconds 4 -Mode refuse | Out-Null   # the controls refuse too, until it ends
        $shell = [powershell]::Create(); $shell.Runspace = $script:Runspace
        try {
            $shell.AddScript({ param($Id) Get-OSSnapshot -Id $Id -Session backoff }).AddArgument($script:Known) | Out-Null
            $running = $shell.BeginInvoke()
            Start-Sleep -Milliseconds 1500   # refused at once: it is now between retries
            $running.IsCompleted | Should -BeFalse
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $script:Stops['refused backoff'] = $clock.Elapsed
        }
        finally { $shell.Dispose() }
        $script:Stops['refused backoff'].TotalSeconds | Should -BeLessThan 10 -Because 'the retry would have come after 15 s or more'
        $listening = [DateTime]::UtcNow.AddSeconds(15)
        while ([DateTime]::UtcNow -lt $listening) {
            try { Get-EmulatorOutage $script:Emulator | Out-Null; break } catch { Start-Sleep -Milliseconds 200 }
        }
        Invoke-InRunspace { Disconnect-OSCloud -Session backoff } | Out-Null
    }
}
