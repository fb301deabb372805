<#
.SYNOPSIS
Proves that volumes' snapshots restore: each chosen volume's newest available snapshot is made into a temporary volume,
checked and removed, with one result per volume.

.DESCRIPTION
A restore drill to run on schedule, as AWS Backup's restore testing does, for the volumes that nightly snapshots cover.
For each chosen volume:

1. Its newest available snapshot is found. A volume without one fails: it has nothing to restore from.
2. A temporary volume is made from it (New-OSVolume), named "<Prefix><volume name>-<UTC time>" and tagged with
   metadata (restore-drill = Test-SnapshotRestore, the run, the machine and process, the volume and the snapshot), and
   the drill waits until it is available (at most -Timeout), counting the seconds.
3. It is checked: available, made from that snapshot, and as large as the snapshot.
4. It is removed (Remove-OSVolume), and the drill waits until it is gone.

Each volume gives one result: Volume, VolumeName, Snapshot, SnapshotName, SnapshotAge, SecondsToUsable, Passed and
Reason (why not, when it failed), and TemporaryVolume. The volumes are chosen by metadata (-VolumeMetadata: every pair
must match), by server (-ServerId: the volumes attached to them), or piped in (volume objects or ids). The drill's own
temporary volumes are never chosen.

No temporary volume is left behind: each is removed in a finally block, also when a step fails or the run is
interrupted (Ctrl+C), and before anything else every run removes the temporary volumes an earlier run left (one killed
outright, say), found by their metadata; one still being made is waited for first. Temporary volumes of a drill still
running on this machine (its process is alive) are left to it; do not run two drills of one project on different
machines at the same time. A leftover that cannot be removed (attached meanwhile, say) fails the run.

The session is the drill's own (a unique name, never the default, disconnected at the end), on the block-storage API
(Connect-OSCloud -Api BlockStorage) whatever the cloud's configuration says: the temporary volumes' metadata needs it.
The project needs room for one more volume of the largest snapshot's size (volumes and gigabytes quotas).

Exit codes, for a scheduler (pwsh -File) and for a caller ($LASTEXITCODE after &):
0  every chosen volume restored and checked, and no temporary volume is left.
1  a volume failed (see its result's Reason), no volume was chosen, a leftover could not be removed, or an error
   stopped the run after the sign-in.
2  nothing was done: the OpenStackSnapshot module could not be loaded, or the sign-in failed.
The error that ended the run is written to the error stream (standard error under pwsh -File).

.PARAMETER Cloud
The cloud's name in clouds.yaml, as for openstack --os-cloud.

.PARAMETER VolumeMetadata
Chooses the volumes whose metadata has every one of these key/value pairs: a hashtable, such as @{ backup = 'nightly' },
or, where a hashtable cannot be given (pwsh -File), text such as backup=nightly (several pairs: backup=nightly,tier=gold).

.PARAMETER ServerId
Chooses the volumes attached to these servers.

.PARAMETER VolumeId
The volumes to drill, by id; volume objects piped in (Get-OSVolume) bind by their Id.

.PARAMETER Prefix
The start of every temporary volume's name, so an operator recognises them.

.PARAMETER Timeout
How long one temporary volume may take to become available (and a leftover still being made to finish) before the
volume fails.

.EXAMPLE
./Test-SnapshotRestore.ps1 -Cloud prod -VolumeMetadata @{ backup = 'nightly' }

Drills every volume tagged backup=nightly and writes one result per volume.

.EXAMPLE
./Test-SnapshotRestore.ps1 -Cloud prod -ServerId $dbServers | Where-Object { -not $_.Passed } | Format-List

Drills the database servers' volumes and shows the failures with their reasons.

.EXAMPLE
pwsh -NoProfile -File ./Test-SnapshotRestore.ps1 -Cloud prod -VolumeMetadata backup=nightly

As a cron or systemd job: the exit code is 1 when any volume failed, 2 when the module or the sign-in failed.

.OUTPUTS
One object per volume: Volume, VolumeName, Snapshot, SnapshotName, SnapshotAge, SecondsToUsable, Passed, Reason,
TemporaryVolume.
#>
[CmdletBinding(DefaultParameterSetName = 'Metadata')]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $Cloud,

    [Parameter(Mandatory, ParameterSetName = 'Metadata')]
    [ValidateScript({ $_ -is [System.Collections.IDictionary] -or "$_" -match '^\s*[^=,]+=[^,]*(,\s*[^=,]+=[^,]*)*$' },
        ErrorMessage = "'{0}' is neither a hashtable nor key=value pairs (backup=nightly,tier=gold).")]
    [object] $VolumeMetadata,

    [Parameter(Mandatory, ParameterSetName = 'Server')]
    [ValidateNotNullOrEmpty()]
    [string[]] $ServerId,

    [Parameter(Mandatory, ParameterSetName = 'Volume', ValueFromPipeline, ValueFromPipelineByPropertyName)]
    [Alias('Id')]
    [ValidateNotNullOrEmpty()]
    [string[]] $VolumeId,

    [ValidatePattern('^[A-Za-z0-9._-]{1,64}$')]
    [string] $Prefix = 'restore-drill-',

    [timespan] $Timeout = '00:30:00'
)

begin {
    $piped = [System.Collections.Generic.List[string]]::new()
}

process {
    if ($PSCmdlet.ParameterSetName -eq 'Volume') { foreach ($id in $VolumeId) { $piped.Add($id) } }
}

end {
    $session = $null   # set here, so a caller's $session is never taken for this run's

    # Any terminating error ends the run with the exit code above; exit would swallow the error, so it is written first,
    # naming the command that failed, and never as Stop (that would throw here instead of exiting).
    trap {
        $action = if ($ErrorActionPreference -in 'SilentlyContinue', 'Ignore') { 'SilentlyContinue' } else { 'Continue' }
        $activity = if ($_.InvocationInfo.MyCommand) { $_.InvocationInfo.MyCommand } else { $MyInvocation.MyCommand }
        Write-Error -ErrorRecord $_ -CategoryActivity "$activity" -ErrorAction $action
        exit $(if ($session) { 1 } else { 2 })
    }

    function Write-Step([string] $Text) {
        Write-Information -MessageData "$([DateTime]::UtcNow.ToString('u')) $Text" -Tags SnapshotRestoreDrill
    }

    # One clear error instead of "not recognized" at every command (#Requires would say less, and exit with 1).
    $required = [version] '0.3.0'   # the first with New-OSVolume, Remove-OSVolume, Get-OSVolume -Metadata and Connect-OSCloud -NoDefault
    if (-not (Get-Module OpenStackSnapshot | Where-Object Version -GE $required)) {
        try { Import-Module OpenStackSnapshot -MinimumVersion $required -ErrorAction Stop }
        catch {
            $message = "The OpenStackSnapshot module ($required or later) could not be loaded: $($_.Exception.Message) " +
                "Install it with 'Install-PSResource OpenStackSnapshot -Scope CurrentUser' (or update it with Update-PSResource), " +
                'or import it from its folder before running this drill.'
            $notLoaded = [System.IO.FileNotFoundException]::new($message, $_.Exception)
            throw [System.Management.Automation.ErrorRecord]::new($notLoaded, 'OpenStackSnapshotNotLoaded', 'NotInstalled', 'OpenStackSnapshot')
        }
    }

    # The pairs every chosen volume must carry, however they were given.
    $wanted = @{}
    if ($VolumeMetadata -is [System.Collections.IDictionary]) {
        foreach ($key in $VolumeMetadata.Keys) { $wanted["$key"] = "$($VolumeMetadata[$key])" }
    }
    elseif ($null -ne $VolumeMetadata) {
        foreach ($pair in "$VolumeMetadata" -split ',') { $key, $value = $pair -split '=', 2; $wanted[$key.Trim()] = $value.Trim() }
    }

    $marker = 'Test-SnapshotRestore'
    $run = [guid]::NewGuid().ToString('n')
    $host_ = [Environment]::MachineName

    # Every temporary volume this drill makes carries these pairs: how a later run finds what a killed one left.
    function Get-DrillTag($Volume, $Snapshot) {
        @{ 'restore-drill' = $marker; 'restore-drill-run' = $run; 'restore-drill-host' = $host_; 'restore-drill-pid' = "$PID"
            'restore-drill-volume' = $Volume.Id; 'restore-drill-snapshot' = $Snapshot.Id }
    }

    # A metadata value, or $null when the volume has no such key.
    function Get-Tag($Volume, [string] $Key) {
        $value = $null
        if ($Volume.Metadata.TryGetValue($Key, [ref] $value)) { $value }
    }

    function Test-DrillVolume($Volume) { (Get-Tag $Volume 'restore-drill') -ceq $marker }

    # A leftover of a drill still running on this machine is that drill's to remove.
    function Test-OtherLiveDrill($Volume) {
        if ((Get-Tag $Volume 'restore-drill-run') -ceq $run) { return $false }
        $drillPid = (Get-Tag $Volume 'restore-drill-pid') -as [int]
        if ((Get-Tag $Volume 'restore-drill-host') -cne $host_ -or -not $drillPid) { return $false }
        $process = Get-Process -Id $drillPid -ErrorAction SilentlyContinue
        $null -ne $process -and $process.ProcessName -match 'pwsh|powershell|dotnet'
    }

    # Polls one volume until its status is no longer one of $Busy, or the timeout passes; returns it as last seen.
    function Wait-VolumeSettled([string] $Id, [string[]] $Busy, [timespan] $For) {
        $deadline = [DateTime]::UtcNow + $For
        $delay = 0.5
        while ($true) {
            $volume = Get-OSVolume -Session $session -VolumeId $Id -ErrorAction Stop
            if ($volume.Status -notin $Busy -or [DateTime]::UtcNow -ge $deadline) { return $volume }
            Start-Sleep -Seconds $delay
            $delay = [Math]::Min(5, $delay * 1.5)
        }
    }

    # Removes temporary volumes and waits until they are gone; one still being made is waited for first (block storage
    # deletes only settled volumes). Returns the reasons of those that could not be removed.
    function Remove-DrillVolume([object[]] $Volumes) {
        foreach ($volume in $Volumes) {
            try {
                if ($volume.Status -in 'creating', 'downloading') {
                    $volume = Wait-VolumeSettled $volume.Id 'creating', 'downloading' $Timeout
                }
                Remove-OSVolume -Session $session -InputObject $volume -Wait -Timeout $Timeout -Confirm:$false -ErrorAction Stop
            }
            catch [System.Management.Automation.PipelineStoppedException] { throw }
            catch { "temporary volume $($volume.Id) could not be removed: $($_.Exception.Message)" }
        }
    }

    # One drill of one volume, as a result; its temporary volume is removed whatever happens here.
    function Invoke-Drill($Volume) {
        $result = [ordered]@{ Volume = $Volume.Id; VolumeName = $Volume.Name; Snapshot = $null; SnapshotName = $null; SnapshotAge = $null
            SecondsToUsable = $null; Passed = $false; Reason = $null; TemporaryVolume = $null }
        $temporary = $null
        try {
            $snapshot = Get-OSSnapshot -Session $session -VolumeId $Volume.Id -Status available -ErrorAction Stop |
                Sort-Object CreatedAt | Select-Object -Last 1
            if (-not $snapshot) { $result.Reason = 'it has no available snapshot to restore from'; return }
            $result.Snapshot = $snapshot.Id
            $result.SnapshotName = $snapshot.Name
            if ($snapshot.CreatedAt) { $result.SnapshotAge = [DateTime]::UtcNow - $snapshot.CreatedAt }

            $stamp = [DateTime]::UtcNow.ToString('yyyyMMddHHmmss', [cultureinfo]::InvariantCulture)
            $label = if ($Volume.Name) { $Volume.Name } else { $Volume.Id }
            $name = "$Prefix$label-$stamp"
            if ($name.Length -gt 255) { $name = $name.Substring(0, 255) }
            $started = [DateTime]::UtcNow
            $temporary = New-OSVolume -Session $session -InputObject $snapshot -Name $name -Metadata (Get-DrillTag $Volume $snapshot) `
                -Confirm:$false -ErrorAction Stop
            $result.TemporaryVolume = $temporary.Id
            $temporary = Wait-VolumeSettled $temporary.Id 'creating', 'downloading' $Timeout
            $result.SecondsToUsable = [Math]::Round(([DateTime]::UtcNow - $started).TotalSeconds, 1)

            $problems = @(
                if ($temporary.Status -ne 'available') {
                    if ($temporary.Status -in 'creating', 'downloading') { "it was still $($temporary.Status) after $Timeout" }
                    else { "it went to status '$($temporary.Status)'" }
                }
                if ($temporary.SnapshotId -ne $snapshot.Id) { "it was made from snapshot '$($temporary.SnapshotId)', not $($snapshot.Id)" }
                if ($temporary.Size -lt $snapshot.Size) { "it is $($temporary.Size) GiB, smaller than the snapshot's $($snapshot.Size) GiB" }
            )
            if ($problems) { $result.Reason = "the temporary volume $($temporary.Id): " + ($problems -join '; ') }
            else { $result.Passed = $true }
        }
        catch [System.Management.Automation.PipelineStoppedException] { throw }
        catch { $result.Reason = "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" }
        finally {
            if ($temporary) {
                $left = Remove-DrillVolume @($temporary)
                if ($left) {
                    $result.Passed = $false
                    $result.Reason = (@($result.Reason) + $left | Where-Object { $_ }) -join '; '
                }
            }
            [pscustomobject]$result
        }
    }

    # A session of its own: a unique name and not the default, so a caller's session of the same cloud is neither
    # replaced nor disconnected; every command below names it.
    $session = Connect-OSCloud -Cloud $Cloud -Api BlockStorage -Name "$Cloud-restore-drill-$run" -NoDefault -ErrorAction Stop
    $failures = 0
    $unreadable = @()
    try {
        # What an earlier run left (killed outright, say) goes first; its own temporary volumes are never chosen below.
        $leftovers = @(Get-OSVolume -Session $session -Metadata @{ 'restore-drill' = $marker } -ErrorAction Stop |
            Where-Object { -not (Test-OtherLiveDrill $_) })
        if ($leftovers) {
            Write-Step "removing $($leftovers.Count) temporary volume(s) an earlier drill left: $($leftovers.Id -join ', ')"
            foreach ($reason in Remove-DrillVolume $leftovers) { Write-Error $reason -ErrorId RestoreDrillLeftover; $failures++ }
        }

        $volumes = @(
            switch ($PSCmdlet.ParameterSetName) {
                'Metadata' { Get-OSVolume -Session $session -Metadata $wanted -ErrorAction Stop | Where-Object { -not (Test-DrillVolume $_) } }
                'Server' { Get-OSVolume -Session $session -ServerId $ServerId -ErrorAction Stop | Where-Object { -not (Test-DrillVolume $_) } }
                'Volume' {
                    foreach ($id in $piped | Select-Object -Unique) {
                        # A volume that cannot be read is this volume's failure, not the run's end.
                        try { Get-OSVolume -Session $session -VolumeId $id -ErrorAction Stop }
                        catch {
                            $failures++
                            $unreadable += [pscustomobject][ordered]@{ Volume = $id; VolumeName = $null; Snapshot = $null; SnapshotName = $null
                                SnapshotAge = $null; SecondsToUsable = $null; Passed = $false
                                Reason = "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)"; TemporaryVolume = $null }
                        }
                    }
                }
            }
        )
        foreach ($result in $unreadable) { $result }
        Write-Step "cloud $Cloud ($($session.ProjectName)): $($volumes.Count) volume(s) to drill"
        if ($volumes.Count -eq 0 -and $unreadable.Count -eq 0) {
            Write-Error 'No volume was chosen, so nothing was proven: check the metadata, servers or volumes given.' -ErrorId RestoreDrillNoVolume
            $failures++
        }

        foreach ($volume in $volumes) {
            $result = Invoke-Drill $volume
            if (-not $result.Passed) { $failures++ }
            $said = if ($result.Passed) { "passed in $($result.SecondsToUsable) s" } else { "FAILED: $($result.Reason)" }
            Write-Step "volume $($result.Volume) ($($result.VolumeName)): $said"
            $result
        }
    }
    finally {
        # Anything of this run still there (a create whose answer was lost, an interruption between steps) goes too.
        try {
            $mine = @(Get-OSVolume -Session $session -Metadata @{ 'restore-drill' = $marker; 'restore-drill-run' = $run } -ErrorAction Stop)
            foreach ($reason in Remove-DrillVolume $mine) { Write-Error $reason -ErrorId RestoreDrillLeftover; $failures++ }
        }
        finally {
            Disconnect-OSCloud -Session $session   # this run's session only
        }
    }
    exit $(if ($failures -gt 0) { 1 } else { 0 })
}
