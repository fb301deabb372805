<#
.SYNOPSIS
Snapshots the volumes of some servers (or those that opted in by metadata, or volumes by name), reusing tonight's
snapshots when run again, keeps what a retention policy keeps, and checks that each volume has a recent snapshot.

.DESCRIPTION
A nightly job in four steps, each ending with one log line on the information stream (shown with
-InformationAction Continue, kept with -InformationVariable):

1. Finds the volumes, in one of three ways: those attached to -ServerId (a server without volumes, or one that no
   longer exists, gives none and no error); those whose metadata has every pair of -VolumeMetadata (volumes opt in
   with a tag such as Set-OSVolume -Metadata @{ backup = 'nightly' }); or those whose name matches -VolumeName. By
   metadata, Cinder filters on a BlockStorage session; through Nova's proxy (a Compute session) the listing is
   filtered here, with the same volumes. Finding no volume is no failure.
2. Snapshots each volume as "<Prefix><yyyyMMdd>" (the UTC date) with -Force, since attached volumes need it, and
   waits until each is available. A volume that already has tonight's snapshot (made within -ReuseNewerThan, not in
   error) gets that snapshot back instead of a second one, so a run repeated after a failure creates only what is
   missing.
3. Retention: of the snapshots named "<Prefix>*" of those volumes, keeps per volume what the policy keeps and removes
   the rest, exactly as Remove-OSSnapshot does with the same keep parameters (restic's forget policy). -KeepNewest N
   keeps the newest N; -KeepHourly, -KeepDaily, -KeepWeekly, -KeepMonthly and -KeepYearly N keep the newest snapshot of
   each of the newest N hours, days, ISO weeks, months or years that have one, on the clock of this host's time zone
   or of -TimeZone; the -KeepWithin spans keep what was made within the span before the volume's newest snapshot. The
   rules combine, each counting on its own. Without any keep parameter the policy is -KeepNewest 7, as it always
   was; once one is given, only those given apply (add -KeepNewest to keep the newest N as well). Only available
   snapshots are kept; error ones never count as kept and are removed. Snapshots in any other status (creating and
   deleting, but also error_deleting, backing-up, restoring, ...) are left alone and counted as Left,
   because Cinder deletes only available and error snapshots.
4. Coverage: a volume found is covered when its newest available snapshot (this job's or any other) is younger than
   -MaxAge (one day by default), as Get-OSSnapshotCoverage decides from one listing of the snapshots. Each volume that
   is not covered (its snapshot failed tonight, or the snapshot reused is older than -MaxAge) is named in the log line
   and written as an error (VolumeNotCovered, with the volume id as TargetObject), and the run ends with exit code 1.

The policy is checked by the module before the sign-in (Get-OSSnapshotRetention binds the same keep parameters and
-TimeZone): a span with minutes or seconds, or a time zone this machine does not know, ends the run before anything
is done.

The name carries the UTC date of the run, so a re-run after midnight UTC builds the next day's name: reuse then
finds nothing and every volume is snapshotted again. Where a failed night may be re-run after midnight, compute the
name once per scheduled night instead of from the clock, for example from the schedule's start time.

The result is one object with the counts of the steps (Volumes, Created, Reused, Kept, Left, Removed, Covered,
NotCovered, Failed), the ErrorIds of the failures, the snapshots made or reused and each volume's coverage. Failures
(a listing that failed and a volume name that matched nothing included) are also written to the error stream as
they happen and do not stop the other volumes; when any step failed or any volume is not covered, the script ends
with exit code 1, so a scheduler sees it. NotCovered also counts the volumes whose coverage is unknown because its
listing failed (a failure as well).

The session comes from clouds.yaml and secure.yaml (or OS_* variables) through Connect-OSCloud -Cloud, with the API
those settings choose (snapshot_api or OS_SNAPSHOT_API; Nova's proxy when none) unless -Api is given. It is the
runbook's own (a unique name, never the default), so a caller's sessions and default session are left as they were,
and it is disconnected at the end. -WhatIf runs the whole job without changing anything: creates and removals are
only listed, and the coverage is that of the snapshots as they were before the run: counted and logged, but neither
written as errors nor a reason for exit code 1.

Exit codes, for a scheduler (pwsh -File) and for a caller ($LASTEXITCODE after &):
0  every step succeeded and every volume found is covered.
1  a step failed: a listing, a snapshot or a removal (see Failed and FailedErrorIds), or a volume found is not
   covered (see NotCovered), or an error stopped the run after the sign-in; snapshots made before it stay.
   PowerShell itself also ends with 1 when it refuses the parameters.
2  nothing was done: the OpenStackSnapshot module could not be loaded, -VolumeMetadata was neither a table nor
   key=value, the module refused the retention policy (a span or -TimeZone), or the sign-in failed.
The error that ended the run is written to the error stream (standard error under pwsh -File).

.PARAMETER Cloud
The cloud's name in clouds.yaml, as for openstack --os-cloud.

.PARAMETER Api
Which API the session uses: Compute (Nova's proxy) or BlockStorage (Cinder). By default, what the cloud's settings
say (snapshot_api, OS_SNAPSHOT_API), else Compute. -VolumeMetadata works on both; Cinder filters on the server.

.PARAMETER ServerId
The servers whose attached volumes are snapshotted. Under pwsh -File, several go as one argument separated by commas
(-ServerId a,b), which the script splits.

.PARAMETER VolumeMetadata
Metadata pairs a volume must all have to be snapshotted: the volumes that opted in. A hashtable such as
@{ backup = 'nightly' }, or key=value strings such as backup=nightly (split at the first =). pwsh -File passes each
argument as one string, so a scheduler gives one pair there as key=value (for more, pwsh -Command with a hashtable).
At least one pair; keys and values are compared exactly.

.PARAMETER VolumeName
Volume names to snapshot instead of servers' volumes; wildcards are allowed.

.PARAMETER Prefix
The start of every snapshot name this job makes; the retention judges only snapshots whose name starts with it.
Wildcard characters are refused, so the retention cannot reach other snapshots.

.PARAMETER KeepNewest
How many available snapshots of each volume to keep, the newest (tonight's included); restic's --keep-last. 7 when
no keep parameter is given; with other keep parameters, only if given.

.PARAMETER KeepHourly
Keeps the newest snapshot of each of the newest N hours that have snapshots, per volume (restic's --keep-hourly).

.PARAMETER KeepDaily
Keeps the newest snapshot of each of the newest N days that have snapshots, per volume (restic's --keep-daily).

.PARAMETER KeepWeekly
Keeps the newest snapshot of each of the newest N ISO weeks (Monday to Sunday) that have snapshots, per volume
(restic's --keep-weekly).

.PARAMETER KeepMonthly
Keeps the newest snapshot of each of the newest N months that have snapshots, per volume (restic's --keep-monthly).

.PARAMETER KeepYearly
Keeps the newest snapshot of each of the newest N years that have snapshots, per volume (restic's --keep-yearly).

.PARAMETER KeepWithin
Keeps every snapshot made within this span before the volume's newest snapshot, such as 7.00:00:00: calendar days
and whole hours (restic's --keep-within).

.PARAMETER KeepWithinHourly
Keeps the newest snapshot of each hour within this span before the volume's newest snapshot.

.PARAMETER KeepWithinDaily
Keeps the newest snapshot of each day within this span before the volume's newest snapshot, such as 30.00:00:00.

.PARAMETER KeepWithinWeekly
Keeps the newest snapshot of each ISO week within this span before the volume's newest snapshot.

.PARAMETER KeepWithinMonthly
Keeps the newest snapshot of each month within this span (days and hours, such as 366.00:00:00).

.PARAMETER KeepWithinYearly
Keeps the newest snapshot of each year within this span (days and hours).

.PARAMETER TimeZone
Whose hours, days, weeks, months and years the retention counts: an IANA id (Europe/Berlin) or a Windows id
(W. Europe Standard Time). By default this host's zone, as restic's; see Remove-OSSnapshot's help for
daylight-saving changes.

.PARAMETER MaxAge
How young a volume's newest available snapshot must be for the volume to be covered: 1.00:00:00 (the default) for
a day. More than zero. Keep it longer than the time between runs, or a volume whose snapshot is reused is not
covered.

.PARAMETER ReuseNewerThan
How recent a snapshot of the same name must be to be reused rather than created again. Keep it shorter than the
time between runs.

.PARAMETER Timeout
How long to wait for the snapshots to become available before reporting OSTimeout for the rest.

.EXAMPLE
./Invoke-NightlySnapshot.ps1 -Cloud prod -ServerId $webServers -KeepNewest 7 -InformationAction Continue

Snapshots the volumes of the servers in $webServers and keeps a week of nightly snapshots, logging each step.

.EXAMPLE
./Invoke-NightlySnapshot.ps1 -Cloud prod -Api BlockStorage -VolumeMetadata @{ backup = 'nightly' } `
    -KeepDaily 7 -KeepWeekly 4 -KeepMonthly 12 -TimeZone Europe/Berlin

Snapshots the volumes that opted in (Set-OSVolume -Metadata @{ backup = 'nightly' }), keeps a week of dailies, a
month of weeklies and a year of monthlies on Berlin's calendar, and ends with exit code 1 if any of those volumes has
no snapshot younger than a day.

.EXAMPLE
./Invoke-NightlySnapshot.ps1 -Cloud prod -VolumeName 'db-*' -Prefix 'db-nightly-' -KeepNewest 14 -WhatIf

Shows what a run would create and remove, without changing anything.

.EXAMPLE
pwsh -NoProfile -File ./Invoke-NightlySnapshot.ps1 -Cloud prod -ServerId 0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a

As a cron or systemd job: the exit code is 1 when any step failed or a volume is not covered, 2 when the module, the
retention policy or the sign-in failed.

.EXAMPLE
pwsh -NoProfile -File ./Invoke-NightlySnapshot.ps1 -Cloud prod -VolumeMetadata backup=nightly -KeepDaily 7 -KeepWeekly 4

The same by metadata: under pwsh -File a pair is written key=value, since a hashtable cannot be passed as text.

.OUTPUTS
One object: Cloud, SnapshotName, Volumes, Created, Reused, Kept, Left, Removed, Covered, NotCovered, Failed,
FailedErrorIds, Snapshots, Coverage.
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Server')]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $Cloud,

    [ValidateSet('Compute', 'BlockStorage')]
    [string] $Api,

    [Parameter(Mandatory, ParameterSetName = 'Server')]
    [ValidateNotNullOrEmpty()]
    [string[]] $ServerId,

    # A hashtable, or key=value strings (all that pwsh -File can pass); read into $tags below. None would mean every volume.
    [Parameter(Mandatory, ParameterSetName = 'Metadata')]
    [ValidateNotNullOrEmpty()]
    [object[]] $VolumeMetadata,

    [Parameter(Mandatory, ParameterSetName = 'Volume')]
    [SupportsWildcards()]
    [ValidateNotNullOrEmpty()]
    [string[]] $VolumeName,

    [ValidatePattern('^[^*?\[\]`]+$')]
    [string] $Prefix = 'nightly-',

    # The counts start at 1: a rule of 0 keeps nothing, and alone it would remove tonight's snapshot too.
    [Alias('KeepLast')]
    [ValidateRange(1, 10000)]
    [int] $KeepNewest = 7,

    [ValidateRange(1, 10000)]
    [int] $KeepHourly,

    [ValidateRange(1, 10000)]
    [int] $KeepDaily,

    [ValidateRange(1, 10000)]
    [int] $KeepWeekly,

    [ValidateRange(1, 10000)]
    [int] $KeepMonthly,

    [ValidateRange(1, 10000)]
    [int] $KeepYearly,

    # The spans and the zone are checked by the module itself, before the sign-in (below).
    [timespan] $KeepWithin,

    [timespan] $KeepWithinHourly,

    [timespan] $KeepWithinDaily,

    [timespan] $KeepWithinWeekly,

    [timespan] $KeepWithinMonthly,

    [timespan] $KeepWithinYearly,

    [ValidateNotNullOrEmpty()]
    [string] $TimeZone,

    [ValidateScript({ if ($_ -gt [timespan]::Zero) { $true } else { throw "-MaxAge must be more than zero, such as 1.00:00:00." } })]
    [timespan] $MaxAge = '1.00:00:00',

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

# The volumes' tags as one table, before anything is done: a value that is neither a table nor key=value, a key given
# twice, or no pair at all (which would choose every volume) stops the run here (exit code 2).
$tags = @{}
if ($PSCmdlet.ParameterSetName -eq 'Metadata') {
    $problem = $null
    foreach ($item in $VolumeMetadata) {
        $keys = @()
        $values = @()
        if ($item -is [System.Collections.IDictionary]) { foreach ($key in $item.Keys) { $keys += "$key"; $values += , $item[$key] } }
        elseif ($item -is [string] -and $item.IndexOf('=') -gt 0) {
            $keys += $item.Substring(0, $item.IndexOf('='))
            $values += $item.Substring($item.IndexOf('=') + 1)
        }
        else { $problem = "-VolumeMetadata takes a hashtable (@{ backup = 'nightly' }) or key=value strings: '$item' is neither."; break }
        for ($i = 0; $i -lt $keys.Count; $i++) {
            if ($tags.ContainsKey($keys[$i])) { $problem = "-VolumeMetadata gives the key '$($keys[$i])' twice."; break }
            $tags[$keys[$i]] = $values[$i]
        }
        if ($problem) { break }
    }
    if (-not $problem -and $tags.Count -eq 0) { $problem = '-VolumeMetadata needs at least one pair: none would choose every volume.' }
    if ($problem) {
        throw [System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new($problem), 'VolumeMetadataInvalid',
            'InvalidArgument', $VolumeMetadata)
    }
}

# The retention policy: the keep parameters given, else -KeepNewest's default (7), as before calendar rules existed.
# A default added to rules given would keep more than they say, and more than Remove-OSSnapshot with them keeps.
$keepNames = 'KeepNewest', 'KeepHourly', 'KeepDaily', 'KeepWeekly', 'KeepMonthly', 'KeepYearly',
    'KeepWithin', 'KeepWithinHourly', 'KeepWithinDaily', 'KeepWithinWeekly', 'KeepWithinMonthly', 'KeepWithinYearly'
$policy = @{}
foreach ($key in $keepNames) { if ($PSBoundParameters.ContainsKey($key)) { $policy[$key] = $PSBoundParameters[$key] } }
if ($policy.Count -eq 0) { $policy.KeepNewest = $KeepNewest }
$rules = foreach ($key in $keepNames) {
    if ($policy.ContainsKey($key)) { '{0} {1}' -f ($key.Substring(4) -creplace '(?<=.)([A-Z])', ' $1').ToLowerInvariant(), $policy[$key] }
}
$rules = $rules -join ', '
if ($TimeZone) { $policy.TimeZone = $TimeZone }
if ($policy.Keys | Where-Object { $_ -notin 'KeepNewest', 'TimeZone' }) {
    $rules += " in time zone $(if ($TimeZone) { $TimeZone } else { [TimeZoneInfo]::Local.Id })"
}
# The module judges the spans and the zone as Remove-OSSnapshot will, before anything is done: a policy it refuses
# stops the run here (exit code 2), not after tonight's snapshots were made. Nothing is read or sent.
try { @() | Get-OSSnapshotRetention @policy | Out-Null }
catch {
    $refused = [System.ArgumentException]::new("The retention policy was refused: $($_.Exception.Message)", $_.Exception)
    throw [System.Management.Automation.ErrorRecord]::new($refused, 'RetentionPolicyRefused', 'InvalidArgument', $policy)
}

# A session of its own: a unique name and not the default, so a caller's session of the same cloud is neither
# replaced nor disconnected; every command below names it.
$apiChoice = if ($Api) { @{ Api = $Api } } else { @{} }
$session = Connect-OSCloud -Cloud $Cloud -Name "$Cloud-nightly-$([guid]::NewGuid().ToString('n'))" -NoDefault -ErrorAction Stop @apiChoice
try {
    # A listing that failed (or a volume name that matched nothing) is a failure of the run, as a failed create is.
    $volumes = @(
        switch ($PSCmdlet.ParameterSetName) {
            # pwsh -File hands "a,b" over as one string: server ids never hold a comma, so it is split here.
            'Server' {
                $servers = @($ServerId -split ',' | ForEach-Object Trim | Where-Object { $_ })
                Get-OSVolume -Session $session -ServerId $servers -ErrorVariable listingErrors
            }
            'Metadata' { Get-OSVolume -Session $session -Metadata $tags -ErrorVariable listingErrors }
            default { Get-OSVolume -Session $session -Name $VolumeName -ErrorVariable listingErrors }
        }
    )
    Write-Step "cloud $Cloud ($($session.ProjectName)): $($volumes.Count) volumes to snapshot"

    $name = $Prefix + [DateTime]::UtcNow.ToString('yyyyMMdd', [cultureinfo]::InvariantCulture)
    $made = $volumes | New-OSSnapshot -Session $session -Name $name -Force -ReuseNewerThan $ReuseNewerThan -Wait -Timeout $Timeout -Summary
    Write-Step "snapshots '$name': $made"

    # Only this job's snapshots of these volumes are judged; with no volume there is nothing to judge.
    $retained = if ($volumes.Count -gt 0) {
        Get-OSSnapshot -Session $session -Name "$Prefix*" -VolumeId $volumes.Id -ErrorVariable +listingErrors |
            Remove-OSSnapshot -Session $session @policy -Summary -Confirm:$false
    }
    Write-Step "retention per volume, ${rules}: $(if ($retained) { $retained } else { 'nothing to judge' })"

    # Coverage of every volume found, from one listing; under -WhatIf it is the cloud's as it was, since nothing was made.
    $coverage = @(if ($volumes.Count -gt 0) { $volumes | Get-OSSnapshotCoverage -Session $session -MaxAge $MaxAge -ErrorVariable +listingErrors })
    $covered = @($coverage | Where-Object Covered).Count
    $uncovered = @($coverage | Where-Object -Not Covered)
    $unknown = $volumes.Count - $coverage.Count   # the coverage listing failed: none is known to be covered
    $named = @(foreach ($c in $uncovered) { "$($c.VolumeName) ($($c.VolumeId))" }) +
        @(if ($unknown -gt 0) { "$unknown unknown (the listing failed)" })
    $asWas = if ($WhatIfPreference) { ', as before this run (-WhatIf made nothing)' } else { '' }
    Write-Step ("coverage, newest snapshot younger than ${MaxAge}: $covered covered, $($volumes.Count - $covered) not covered" +
        "$(if ($named) { ': ' + ($named -join ', ') })$asWas")
    if (-not $WhatIfPreference) {
        foreach ($c in $uncovered) {
            $newest = if ($c.NewestSnapshotId) {
                $age = [timespan]::FromSeconds([math]::Floor($c.Age.TotalSeconds))
                "its newest, $($c.NewestSnapshotId), was made $($c.NewestCreatedAt.ToString('u')) ($age ago)"
            }
            else { 'it has none' }
            # Written as the script's own error (Write-Error would name itself as the command that failed).
            $message = "Volume $($c.VolumeName) ($($c.VolumeId)) has no available snapshot younger than ${MaxAge}: $newest."
            $record = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new($message), 'VolumeNotCovered',
                'ObjectNotFound', $c.VolumeId)
            $record.ErrorDetails = [System.Management.Automation.ErrorDetails]::new($message)
            $record.ErrorDetails.RecommendedAction = "See this run's errors for the volume; once mended, run the job again: " +
                'it makes only what is missing.'
            $PSCmdlet.WriteError($record)
        }
    }

    $failedIds = @($listingErrors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) + @($made.FailedErrorIds) +
        @(if ($retained) { $retained.FailedErrorIds })
    $notCovered = if ($WhatIfPreference) { 0 } else { $volumes.Count - $covered }
    [pscustomobject]@{
        Cloud          = $Cloud
        SnapshotName   = $name
        Volumes        = $volumes.Count
        Created        = $made.Created
        Reused         = $made.Reused
        Kept           = if ($retained) { $retained.Kept } else { 0 }
        Left           = if ($retained) { $retained.Left } else { 0 }
        Removed        = if ($retained) { $retained.Removed } else { 0 }
        Covered        = $covered
        NotCovered     = $volumes.Count - $covered
        Failed         = $failedIds.Count
        FailedErrorIds = $failedIds
        Snapshots      = $made.Snapshots
        Coverage       = $coverage
    }
}
finally {
    Disconnect-OSCloud -Session $session   # this run's session only
}
exit $(if ($failedIds.Count -gt 0 -or $notCovered -gt 0) { 1 } else { 0 })
