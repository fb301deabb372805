# Fuzzed answers through the cmdlets (issue 9 part 7): seeded random statuses, odd Retry-After and Content-Type
# headers, and valid, cut, mutated, retyped or garbage bodies, served by the emulator in front of each route a
# cmdlet uses. Every call must end in objects or ErrorRecords with a stable OS* ErrorId whose exception is the
# module's own: never a raw .NET exception in $Error. The client's own fuzz (thousands more) is Fuzz/ in the xunit tests.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:Cases = if ($env:OSS_FUZZ_COUNT) { [int]$env:OSS_FUZZ_COUNT } else { 700 }
    $script:Random = [Random]::new(20261204)
    Connect-TestCloud $script:Emulator -Extra @{ Name = 'fuzz'; MaximumRetryCount = 1; RetryBudgetSec = 1 } | Out-Null
    $script:Known = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name fuzz-known -Session fuzz).Id

    $snapshot = '{"snapshot": {"id": "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", "volumeId": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", ' +
        '"status": "available", "size": 1, "createdAt": "2026-12-04T08:56:30.215430", "displayName": "n", "displayDescription": null}}'
    $script:Bodies = @(
        $snapshot
        $snapshot -replace '"available"', '"error"'
        '{"snapshots": [' + ($snapshot -replace '^\{"snapshot": ', '' -replace '\}$', '') + ']}'
        '{"snapshots": []}'
        ('{"volume": {"id": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", "status": "available", "size": 1, "displayName": "v", ' +
            '"attachments": [{}], "createdAt": "2025-06-12T14:56:30.000000"}}')
        ('{"volumes": [{"id": "521752a6-acf6-4b2d-bc7a-119f9148cd8c", "status": "in-use", "size": 1, ' +
            '"attachments": [{"serverId": "s-1", "device": "/dev/vdb"}]}]}')
        '{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot."}}'
        '{"overLimit": {"code": 413, "message": "Quota exceeded", "retryAfter": "7"}}'
        '{"itemNotFound": {"code": 404, "message": "Snapshot could not be found."}}'
        '<html><body><h1>502 Bad Gateway</h1></body></html>'
        'OK', 'null', '[]', '{"snapshot": null}', '{"snapshots": {}}', ''
    )
    $script:Odd = @('null', '-1', '1e400', '""', '"x"', 'true', '[]', '{}', '"9999-99-99T99:99:99"', '"\ud800"', '18446744073709551616')
    $script:Statuses = @(200, 200, 200, 201, 202, 204, 300, 400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 502, 503, 504)
    $script:RetryAfters = @($null, $null, 'NaN', 'Infinity', '1e400', '-1', '0', 'Fri, 31 Dec 9999 23:59:59 GMT', 'soon')
    $script:ContentTypes = @($null, 'application/json', 'application/json; charset=bogus-9', 'text/html', 'text/plain; charset=iso-8859-1')

    function Pick($Items) { $Items[$script:Random.Next($Items.Count)] }

    function New-FuzzBody([string] $Own) {
        $body = if ($script:Random.Next(2)) { $Own } else { Pick $script:Bodies }   # half the time the route's own body
        switch ($script:Random.Next(5)) {
            0 { $body }                                                                          # as it is
            1 { $body.Substring(0, $script:Random.Next($body.Length + 1)) }                      # cut
            2 {
                if ($body) { $at = $script:Random.Next($body.Length); $body.Remove($at, 1).Insert($at, [string][char]$script:Random.Next(32, 127)) }
                else { $body }
            }
            3 { $matches = [regex]::Matches($body, '(?<=": )("[^"]*"|[-\d.]+|null|true|false|\[\{\}\])')   # one value retyped
                if ($matches.Count) {
                    $m = $matches[$script:Random.Next($matches.Count)]; $body.Remove($m.Index, $m.Length).Insert($m.Index, (Pick $script:Odd))
                }
                else { $body }
            }
            4 { -join (1..$script:Random.Next(1, 40) | ForEach-Object { [char]$script:Random.Next(32, 0x2FF) }) } # noise
        }
    }

    # Each case: a cmdlet call, the route its first request takes (the fault is served there) and that route's own body.
    $script:Calls = @(
        @{ Route = 'snapshots.create'; Own = $script:Bodies[0]; Run = { New-OSSnapshot -VolumeId $script:VolumeAvailable -Name fuzz -Session fuzz } }
        @{ Route = 'snapshots.create'; Own = $script:Bodies[0]; Run = { New-OSSnapshot -VolumeId $script:VolumeAvailable -Session fuzz } }
        @{ Route = 'snapshots.show'; Own = $script:Bodies[0]; Run = { Get-OSSnapshot -Id $script:Known -Session fuzz } }
        @{ Route = 'snapshots.detail'; Own = $script:Bodies[2]; Run = { Get-OSSnapshot -Name 'n*' -Session fuzz } }
        @{ Route = 'snapshots.delete'; Own = ''
           Run = { Remove-OSSnapshot -Id '0b8e1c52-37e4-4b6e-9f1a-6c2d3e4f5a6b' -Session fuzz -Confirm:$false } }
        @{ Route = 'snapshots.show'; Own = $script:Bodies[0]; Run = { Wait-OSSnapshot -Id $script:Known -Session fuzz -Timeout 00:00:03 } }
        @{ Route = 'volumes.show'; Own = $script:Bodies[4]; Run = { Get-OSVolume -Id $script:VolumeAvailable -Session fuzz } }
        @{ Route = 'volumes.detail'; Own = $script:Bodies[5]; Run = { Get-OSVolume -Session fuzz } }
    )

    $script:Objects = 0
    $script:Records = [Collections.Generic.List[object]]::new()
    $script:Terminating = [Collections.Generic.List[object]]::new()
    $script:Silent = 0
    $ErrorActionPreference = 'Continue'   # non-terminating errors stay so; terminating ones are caught below
    $Error.Clear()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($i = 0; $i -lt $script:Cases; $i++) {
        $call = Pick $script:Calls
        $fault = @{ Emulator = $script:Emulator; Route = $call.Route; Status = (Pick $script:Statuses); Count = 2; Body = (New-FuzzBody $call.Own) }
        $type = Pick $script:ContentTypes; if ($type) { $fault.ContentType = $type }
        $after = Pick $script:RetryAfters; if ($after) { $fault.RetryAfter = $after }
        Set-EmulatorFault @fault
        try {
            $all = @(& $call.Run 2>&1)
            $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $script:Objects += $all.Count - $errors.Count
            foreach ($e in $errors) { $script:Records.Add($e) }
            if ($all.Count -eq 0 -and $call.Route -notin 'snapshots.detail', 'volumes.detail', 'snapshots.delete') { $script:Silent++ }
        }
        catch { $script:Terminating.Add($_) }
        Clear-EmulatorFault $script:Emulator
    }
    $script:Elapsed = $clock.Elapsed
    $script:ErrorLog = @($Error)
    $byId = $script:Records | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object Count -Descending |
        ForEach-Object { "$($_.Name) $($_.Count)" }
    Write-Host ("Fuzz through the cmdlets: {0} cases in {1:0} s, {2} objects, {3} ErrorRecords ({4}), {5} terminating" -f
        $script:Cases, $script:Elapsed.TotalSeconds, $script:Objects, $script:Records.Count, ($byId -join ', '), $script:Terminating.Count)
}
AfterAll {
    Get-OSSession | Disconnect-OSCloud
    Stop-Emulator $script:Emulator
}

Describe 'Fuzzed answers through the cmdlets' {
    It 'end in ErrorRecords with a stable OS* ErrorId from the module (a failed listing ends its command)' {
        $script:Records.Count | Should -BeGreaterThan ($script:Cases / 4)
        $foreign = @($script:Records) + @($script:Terminating) | Where-Object {
            $_.FullyQualifiedErrorId -notmatch '^OS[A-Z][A-Za-z]+,OpenStackSnapshot\.Commands\.' -or
            $_.Exception.GetType().FullName -ne 'OpenStackSnapshot.Client.Errors.OpenStackException' -or -not $_.Exception.Message
        }
        $foreign | Select-Object -First 3 | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception)" } | Should -BeNullOrEmpty
    }

    It 'leave no raw .NET exception in $Error' {
        $script:ErrorLog.Count | Should -BeGreaterThan 0
        $script:ErrorLog | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -or $_.FullyQualifiedErrorId -notmatch '^OS[A-Z]' } |
            Select-Object -First 3 | ForEach-Object { "$_" } | Should -BeNullOrEmpty
    }

    It 'reach results as well as errors, and no call ends with neither' {
        $script:Objects | Should -BeGreaterThan ($script:Cases / 20)
        $script:Silent | Should -Be 0
    }

    It 'leave the session working' {
        (Get-OSSnapshot -Id $script:Known -Session fuzz).Id | Should -Be $script:Known
    }
}
