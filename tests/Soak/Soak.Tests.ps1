# Soak (issue 9): 1,000 creates through one pipeline while the emulator injects every fault kind on 10% of requests.
# Each input must end as exactly one snapshot (issue 25: a lost answer is settled, so no ErrorRecord), and every snapshot
# on the server must have been written exactly once: no duplicates, no orphans. The figures go to the console and to out/test-results/soak.json.
BeforeAll {
    . (Join-Path $PSScriptRoot '../Pester/EmulatorTestSetup.ps1')
    function Get-VerboseCount([string] $Says) { @(Select-String -Path $script:VerboseFile -SimpleMatch $Says).Count }
    $script:Count = if ($env:OSS_SOAK_COUNT) { [int]$env:OSS_SOAK_COUNT } else { 1000 }
    $script:Seed = 20261202
    $script:Emulator = Start-Emulator
    $script:VerboseFile = Join-Path ([IO.Path]::GetTempPath()) "oss-soak-verbose-$PID.txt"
    # A 2 s attempt timeout is shorter than a held-back answer (3 s), so some creates lose their answer.
    $script:Session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'soak'; TimeoutSec = 2 }
    Get-OSSnapshot | Remove-OSSnapshot -Confirm:$false   # the demo project's quota is 1,000 snapshots: make room

    $chaos = Start-EmulatorChaos $script:Emulator -Rate 0.1 -Seed $script:Seed
    $script:Terminating = $null
    $names = @(1..$script:Count | ForEach-Object { 'soak-{0:d4}' -f $_ })
    $output = [Collections.Generic.List[object]]::new()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    try {
        # The default -ThrottleLimit keeps several creates in flight, so an item's outcome is written while later items
        # are read; what is written comes in input order, one per input, so the n-th outcome is the n-th input's.
        # Its verbose lines go to a file: they say each lost create's steps, which the figures count.
        $names | ForEach-Object { [pscustomobject]@{ VolumeId = $script:VolumeAvailable; Name = $_ } } |
            New-OSSnapshot -Session soak -Verbose 2>&1 4> $script:VerboseFile | ForEach-Object { $output.Add($_) }
    }
    catch { $script:Terminating = $_ }
    $script:Elapsed = $clock.Elapsed
    $script:Outcome = @{}      # input name -> what the pipeline wrote for it (a name that gets none is missing)
    for ($i = 0; $i -lt [Math]::Min($names.Count, $output.Count); $i++) {
        $script:Outcome[$names[$i]] = [Collections.Generic.List[object]]@(, $output[$i])
    }
    $script:OutputCount = $output.Count
    Stop-EmulatorChaos $script:Emulator
    $script:Chaos = Get-EmulatorChaos $script:Emulator

    $results = @($output)
    $script:Written = @($results | Where-Object { $_.GetType().FullName -eq 'OpenStackSnapshot.Client.Models.Snapshot' })
    $script:Errors = @($results | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $script:OnServer = @(Get-OSSnapshot -Session soak | Where-Object Name -Like 'soak-*')
    $writtenIds = [Collections.Generic.HashSet[string]]::new([string[]]@($script:Written.Id))
    $script:Duplicates = @($script:OnServer | Group-Object Name | Where-Object Count -GT 1)
    $script:Orphans = @($script:OnServer | Where-Object { -not $writtenIds.Contains($_.Id) })
    $serverIds = [Collections.Generic.HashSet[string]]::new([string[]]@($script:OnServer.Id))
    $script:Phantoms = @($script:Written | Where-Object { -not $serverIds.Contains($_.Id) })

    $figures = [ordered]@{
        inputs = $script:Count; seconds = [Math]::Round($script:Elapsed.TotalSeconds, 1); seed = $chaos.seed; rate = $chaos.rate
        requests = $script:Chaos.requests; injected = $script:Chaos.injected; carriedOut = $script:Chaos.carriedOut
        objects = $script:Written.Count; errors = $script:Errors.Count
        lostAnswers = Get-VerboseCount 'The answer to the create of the'; foundAgain = Get-VerboseCount 'was found again as'
        resends = Get-VerboseCount 'sending it again'; twinsRemoved = Get-VerboseCount 'is being removed'
        errorsById = [ordered]@{}; duplicates = $script:Duplicates.Count; orphans = $script:Orphans.Count; phantoms = $script:Phantoms.Count
        errorList = @($script:Outcome.GetEnumerator() |
            Where-Object { $_.Value[0] -is [System.Management.Automation.ErrorRecord] } | Sort-Object Key |
            ForEach-Object { "$($_.Key): $($_.Value[0].Exception.Message)" })
        terminating = if ($script:Terminating) { "$($script:Terminating.FullyQualifiedErrorId): $($script:Terminating)" } else { $null }
    }
    $script:Errors | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object Name |
        ForEach-Object { $figures.errorsById[$_.Name] = $_.Count }
    $json = $figures | ConvertTo-Json -Depth 4
    $resultsFolder = Join-Path $script:RepoRoot 'out/test-results'
    New-Item -ItemType Directory -Path $resultsFolder -Force | Out-Null
    Set-Content -Path (Join-Path $resultsFolder 'soak.json') -Value $json
    Write-Host "Soak figures:`n$json"
}
AfterAll {
    Remove-Item $script:VerboseFile -ErrorAction SilentlyContinue
    Disconnect-OSCloud -Name soak -ErrorAction SilentlyContinue
    Stop-Emulator $script:Emulator
}

Describe 'Soak: 1,000 creates under 10% injected faults' {
    It 'ends without a terminating error' {
        $script:Terminating | Should -BeNullOrEmpty
    }
    It 'injected every kind of fault' {
        foreach ($kind in $script:Chaos.injected.PSObject.Properties) { $kind.Value | Should -BeGreaterThan 0 -Because "chaos kind $($kind.Name)" }
    }
    It 'wrote exactly one snapshot or one ErrorRecord for every input' {
        $script:OutputCount | Should -Be $script:Count
        $script:Outcome.Count | Should -Be $script:Count
        ($script:Written.Count + $script:Errors.Count) | Should -Be $script:Count
        foreach ($pair in $script:Outcome.GetEnumerator()) {
            if ($pair.Value[0] -isnot [System.Management.Automation.ErrorRecord]) { $pair.Value[0].Name | Should -Be $pair.Key }
        }
    }
    It 'made no duplicate, and every snapshot on the server was written (no orphans, no phantoms)' {
        $script:Duplicates.Name | Should -BeNullOrEmpty
        $script:Orphans.Name | Should -BeNullOrEmpty
        $script:Phantoms.Name | Should -BeNullOrEmpty
        $script:OnServer.Count | Should -Be $script:Written.Count
    }
    It 'reported every failure as an ErrorRecord with an OS ErrorId and the module''s exception' {
        foreach ($record in $script:Errors) {
            $record.FullyQualifiedErrorId | Should -Match '^OS[A-Za-z]+,OpenStackSnapshot\.Commands\.NewOSSnapshotCommand$'
            $record.Exception.GetType().FullName | Should -Be 'OpenStackSnapshot.Client.Errors.OpenStackException'
        }
    }
    It 'settled every lost answer: one snapshot per input and no ErrorRecord (issue 25)' {
        $script:Errors | ForEach-Object { "$($_.Exception.Message)" } | Should -BeNullOrEmpty
        $script:Written.Count | Should -Be $script:Count
    }
    It 'kept the session working' {
        # 1,000 snapshots fill the demo project's quota: one goes first, which shows removal works too.
        Get-OSSnapshot -Name 'soak-0001' -Session soak | Remove-OSSnapshot -Wait -Confirm:$false -Session soak
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name 'soak-after' -Session soak
        (Get-OSSnapshot -Id $snapshot.Id -Session soak).Name | Should -Be 'soak-after'
    }
}
