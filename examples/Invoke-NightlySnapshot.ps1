<#
.SYNOPSIS
Snapshots the volumes of some servers (or volumes by name), reusing tonight's snapshots when run again, and keeps
the newest N snapshots of each volume.

.DESCRIPTION
A nightly job in three steps, each ending with one log line on the information stream (shown with
-InformationAction Continue, kept with -InformationVariable):

1. Finds the volumes: those attached to -ServerId (a server without volumes, or one that no longer exists, gives
   none and no error), or those whose name matches -VolumeName.
2. Snapshots each volume as "<Prefix><yyyyMMdd>" (the UTC date) with -Force, since attached volumes need it, and
   waits until each is available. A volume that already has tonight's snapshot (made within -ReuseNewerThan, not in
   error) gets that snapshot back instead of a second one, so a run repeated after a failure creates only what is
   missing.
3. Retention: of the snapshots named "<Prefix>*" of those volumes, keeps the newest -KeepNewest available ones per
   volume and removes the rest; error snapshots never count as kept. Snapshots in any other status (creating and
   deleting, but also error_deleting, backing-up, restoring, ...) are left alone and counted as Left, because
   Cinder deletes only available and error snapshots.

The name carries the UTC date of the run, so a re-run after midnight UTC builds the next day's name: reuse then
finds nothing and every volume is snapshotted again. Where a failed night may be re-run after midnight, compute the
name once per scheduled night instead of from the clock, for example from the schedule's start time.

The result is one object with the counts of both steps (Created, Reused, Kept, Left, Removed, Failed), the ErrorIds of the
failures and the snapshots made or reused. Failures (a listing that failed and a volume name that matched nothing
included) are also written to the error stream as they happen and do not stop the other volumes; when any step
failed, the script ends with exit code 1, so a scheduler sees it.

The session comes from clouds.yaml and secure.yaml (or OS_* variables) through Connect-OSCloud -Cloud. It is the
runbook's own (a unique name, never the default), so a caller's sessions and default session are left as they were,
and it is disconnected at the end. -WhatIf runs the whole job without changing anything: creates and removals are
only listed.

Exit codes, for a scheduler (pwsh -File) and for a caller ($LASTEXITCODE after &):
0  every step succeeded.
1  a step failed: a listing, a snapshot or a removal (see Failed and FailedErrorIds), or an error stopped the run after
   the sign-in; snapshots made before it stay. PowerShell itself also ends with 1 when it refuses the parameters.
2  nothing was done: the OpenStackSnapshot module could not be loaded, or the sign-in failed.
The error that ended the run is written to the error stream (standard error under pwsh -File).

.PARAMETER Cloud
The cloud's name in clouds.yaml, as for openstack --os-cloud.

.PARAMETER ServerId
The servers whose attached volumes are snapshotted.

.PARAMETER VolumeName
Volume names to snapshot instead of servers' volumes; wildcards are allowed.

.PARAMETER Prefix
The start of every snapshot name this job makes; the retention judges only snapshots whose name starts with it.
Wildcard characters are refused, so the retention cannot reach other snapshots.

.PARAMETER KeepNewest
How many available snapshots of each volume to keep (tonight's included).

.PARAMETER ReuseNewerThan
How recent a snapshot of the same name must be to be reused rather than created again. Keep it shorter than the
time between runs.

.PARAMETER Timeout
How long to wait for the snapshots to become available before reporting OSTimeout for the rest.

.EXAMPLE
./Invoke-NightlySnapshot.ps1 -Cloud prod -ServerId $webServers -KeepNewest 7 -InformationAction Continue

Snapshots the volumes of the servers in $webServers and keeps a week of nightly snapshots, logging each step.

.EXAMPLE
./Invoke-NightlySnapshot.ps1 -Cloud prod -VolumeName 'db-*' -Prefix 'db-nightly-' -KeepNewest 14 -WhatIf

Shows what a run would create and remove, without changing anything.

.EXAMPLE
pwsh -NoProfile -File ./Invoke-NightlySnapshot.ps1 -Cloud prod -ServerId 0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a

As a cron or systemd job: the exit code is 1 when any step failed, 2 when the module or the sign-in failed.

.OUTPUTS
One object: Cloud, SnapshotName, Volumes, Created, Reused, Kept, Left, Removed, Failed, FailedErrorIds, Snapshots.
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Server')]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $Cloud,

    [Parameter(Mandatory, ParameterSetName = 'Server')]
    [ValidateNotNullOrEmpty()]
    [string[]] $ServerId,

    [Parameter(Mandatory, ParameterSetName = 'Volume')]
    [SupportsWildcards()]
    [ValidateNotNullOrEmpty()]
    [string[]] $VolumeName,

    [ValidatePattern('^[^*?\[\]`]+$')]
    [string] $Prefix = 'nightly-',

    [ValidateRange(1, 10000)]
    [int] $KeepNewest = 7,

    [timespan] $ReuseNewerThan = '20:00:00',

    [timespan] $Timeout = '01:00:00'
)

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
    Write-Information -MessageData "$([DateTime]::UtcNow.ToString('u')) $Text" -Tags NightlySnapshot
}

# One clear error instead of "not recognized" at every command (#Requires would say less, and exit with 1).
$required = [version] '0.3.0'   # the first with Connect-OSCloud -NoDefault
if (-not (Get-Module OpenStackSnapshot | Where-Object Version -GE $required)) {
    try { Import-Module OpenStackSnapshot -MinimumVersion $required -ErrorAction Stop }
    catch {
        $message = "The OpenStackSnapshot module ($required or later) could not be loaded: $($_.Exception.Message) " +
            "Install it with 'Install-PSResource OpenStackSnapshot -Scope CurrentUser' (or update it with Update-PSResource), " +
            'or import it from its folder before running this runbook.'
        $notLoaded = [System.IO.FileNotFoundException]::new($message, $_.Exception)
        throw [System.Management.Automation.ErrorRecord]::new($notLoaded, 'OpenStackSnapshotNotLoaded', 'NotInstalled', 'OpenStackSnapshot')
    }
}

# A session of its own: a unique name and not the default, so a caller's session of the same cloud is neither
# replaced nor disconnected; every command below names it.
$session = Connect-OSCloud -Cloud $Cloud -Name "$Cloud-nightly-$([guid]::NewGuid().ToString('n'))" -NoDefault -ErrorAction Stop
try {
    # A listing that failed (or a volume name that matched nothing) is a failure of the run, as a failed create is.
    $volumes = @(
        if ($PSCmdlet.ParameterSetName -eq 'Server') { Get-OSVolume -Session $session -ServerId $ServerId -ErrorVariable listingErrors }
        else { Get-OSVolume -Session $session -Name $VolumeName -ErrorVariable listingErrors }
    )
    Write-Step "cloud $Cloud ($($session.ProjectName)): $($volumes.Count) volumes to snapshot"

    $name = $Prefix + [DateTime]::UtcNow.ToString('yyyyMMdd', [cultureinfo]::InvariantCulture)
    $made = $volumes | New-OSSnapshot -Session $session -Name $name -Force -ReuseNewerThan $ReuseNewerThan -Wait -Timeout $Timeout -Summary
    Write-Step "snapshots '$name': $made"

    # Only this job's snapshots of these volumes are judged; with no volume there is nothing to judge.
    $retained = if ($volumes.Count -gt 0) {
        Get-OSSnapshot -Session $session -Name "$Prefix*" -VolumeId $volumes.Id -ErrorVariable +listingErrors |
            Remove-OSSnapshot -Session $session -KeepNewest $KeepNewest -Summary -Confirm:$false
    }
    Write-Step "retention, newest $KeepNewest per volume: $(if ($retained) { $retained } else { 'nothing to judge' })"

    $failedIds = @($listingErrors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) + @($made.FailedErrorIds) +
        @(if ($retained) { $retained.FailedErrorIds })
    [pscustomobject]@{
        Cloud          = $Cloud
        SnapshotName   = $name
        Volumes        = $volumes.Count
        Created        = $made.Created
        Reused         = $made.Reused
        Kept           = if ($retained) { $retained.Kept } else { 0 }
        Left           = if ($retained) { $retained.Left } else { 0 }
        Removed        = if ($retained) { $retained.Removed } else { 0 }
        Failed         = $failedIds.Count
        FailedErrorIds = $failedIds
        Snapshots      = $made.Snapshots
    }
}
finally {
    Disconnect-OSCloud -Session $session   # this run's session only
}
exit $(if ($failedIds.Count -gt 0) { 1 } else { 0 })
