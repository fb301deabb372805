# Issue 24 against the real Keystone, Nova and Cinder (its fake volume driver makes volumes from snapshots and reverts
# them): New-OSVolume through both APIs and its errors, Restore-OSSnapshot refused (attached, older, not available,
# Compute) and done on the newest, Remove-OSVolume's refusals, and the drill, twice, the first run killed mid-restore.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    Start-RealTestRun

    # Cinder's admin action on a volume of the demo project (its status after a revert Cinder refused late).
    function Set-RealVolumeStatus([string] $Id, [string] $Status) {
        $credential = New-TestCredential $env:OSS_REAL_ADMIN_USER $env:OSS_REAL_ADMIN_PASSWORD
        $admin = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_ADMIN_PROJECT
        $cinder = $env:OSS_REAL_CINDER_URL.Replace($env:OSS_REAL_PROJECT_ID, $env:OSS_REAL_ADMIN_PROJECT_ID)
        $body = @{ 'os-reset_status' = @{ status = $Status } } | ConvertTo-Json
        $answer = Send-Raw -Method Post -Url "$cinder/volumes/$Id/action" -Headers @{ 'X-Auth-Token' = $admin.Token } -Body $body
        if ($answer.Status -ne 202) { throw "os-reset_status to ${Status}: HTTP $($answer.Status) $($answer.Text)" }
    }

    # The demo project's block-storage quotas, as the admin sends them: set (-1: unlimited), or read with their usage.
    function Send-RealQuota([string] $Method, [hashtable] $Quota) {
        $credential = New-TestCredential $env:OSS_REAL_ADMIN_USER $env:OSS_REAL_ADMIN_PASSWORD
        $admin = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_ADMIN_PROJECT
        $cinder = $env:OSS_REAL_CINDER_URL.Replace($env:OSS_REAL_PROJECT_ID, $env:OSS_REAL_ADMIN_PROJECT_ID)
        $headers = @{ 'X-Auth-Token' = $admin.Token; 'OpenStack-API-Version' = 'volume 3.31' }
        $url = "$cinder/os-quota-sets/$($env:OSS_REAL_PROJECT_ID)"
        $answer = if ($Quota) { Send-Raw -Method $Method -Url $url -Headers $headers -Body (@{ quota_set = $Quota } | ConvertTo-Json) }
        else { Send-Raw -Method $Method -Url "${url}?usage=true" -Headers $headers }
        if ($answer.Status -ne 200) { throw "quota: HTTP $($answer.Status) $($answer.Text)" }
        $answer.Json.quota_set
    }
    function Set-RealQuota([hashtable] $Quota) { Send-RealQuota Put $Quota | Out-Null }

    # The volumes the quota counts, once nothing is still being made or deleted: an earlier file's clean-up may still be
    # deleting volumes, which Cinder counts until cinder-volume is done with them, and a limit set meanwhile is refused.
    function Get-SettledVolumeCount {
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        do {
            $volumes = @(Get-OSVolume)
            $used = (Send-RealQuota Get).volumes
            $settled = -not @($volumes | Where-Object Status -In 'creating', 'deleting').Count -and $used.reserved -eq 0 `
                -and $used.in_use -eq $volumes.Count
            if (-not $settled) { Start-Sleep -Seconds 2 }
        } until ($settled -or [DateTime]::UtcNow -gt $deadline)
        $used.in_use
    }
}

AfterAll {
    Remove-RealTestVolume $script:Volumes
    Remove-RealTestSnapshot $script:Created
}

Describe 'New-OSVolume and Remove-OSVolume on the real cloud, through <Api>' -Skip:$script:RealSkip -ForEach @(
    @{ Api = 'Compute' }, @{ Api = 'BlockStorage' }
) {
    BeforeAll {
        Connect-RealMember @{ Api = $Api } | Out-Null
        $script:Source = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-restore-$Api-$script:Run" @{}
    }

    It 'makes a volume from a piped snapshot, of its size, waited until available' {
        $volume = TrackVolume ($script:Source | New-OSVolume -Name "it-restored-$Api-$script:Run" -Wait -Timeout 00:02:00 -ErrorAction Stop)
        $volume.Status | Should -Be 'available'
        $volume.SnapshotId | Should -Be $script:Source.Id
        $volume.Size | Should -Be $script:Source.Size
        $volume.Name | Should -Be "it-restored-$Api-$script:Run"
    }

    It 'makes a larger volume in the zone asked for' {
        $volume = TrackVolume (New-OSVolume -SnapshotId $script:Source.Id -Size 2 -AvailabilityZone nova -Name "it-bigger-$Api-$script:Run" `
                -Wait -Timeout 00:02:00 -ErrorAction Stop)
        $volume.Size | Should -Be 2
        $volume.AvailabilityZone | Should -Be 'nova'
    }

    It 'reports a zone that does not exist with Cinder''s reason (OSBadRequest)' {
        $record = Get-OneError { $script:Source | New-OSVolume -AvailabilityZone mars -Name "it-mars-$script:Run" }
        $record.FullyQualifiedErrorId | Should -Be 'OSBadRequest,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match "Availability zone 'mars' is invalid"
        $record.Exception.Message | Should -Match 'request id req-'
    }

    It 'reports a snapshot that is not available with Cinder''s reason (OSBadRequest)' {
        $broken = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-broken-$Api-$script:Run" @{}
        Set-RealSnapshotStatus $broken.Id 'error'
        $record = Get-OneError { New-OSVolume -SnapshotId $broken.Id -Size $broken.Size -Name "it-from-error-$script:Run" }
        $record.FullyQualifiedErrorId | Should -Be 'OSBadRequest,OpenStackSnapshot.Commands.NewOSVolumeCommand'
        $record.Exception.Message | Should -Match "Originating snapshot status must be one of 'available' values"
    }

    It 'reports the volumes quota by name (OSQuotaExceeded: 413 from Cinder, 403 through Nova)' {
        $inUse = Get-SettledVolumeCount
        Set-RealQuota @{ volumes = $inUse }
        try {
            $record = Get-OneError { $script:Source | New-OSVolume -Name "it-over-$script:Run" }
            $record.FullyQualifiedErrorId | Should -Be 'OSQuotaExceeded,OpenStackSnapshot.Commands.NewOSVolumeCommand'
            $record.Exception.Message | Should -Match "The project's volumes quota is used up: VolumeLimitExceeded"
            $record.Exception.Message | Should -Match "HTTP $(if ($Api -eq 'Compute') { 403 } else { 413 })"
        }
        finally { Set-RealQuota @{ volumes = -1 } }
    }

    It 'refuses to remove a volume with snapshots, naming them, and an attached one, naming the server' {
        $withSnapshots = Get-OneError { Remove-OSVolume -Id $env:OSS_REAL_VOLUME_AVAILABLE_1 -Confirm:$false }
        $withSnapshots.FullyQualifiedErrorId | Should -Be 'OSVolumeHasSnapshots,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $withSnapshots.Exception.Message | Should -Match $script:Source.Id
        $attached = Get-OneError { Remove-OSVolume -Id $env:OSS_REAL_VOLUME_INUSE -Confirm:$false }
        $attached.FullyQualifiedErrorId | Should -Be 'OSVolumeAttached,OpenStackSnapshot.Commands.RemoveOSVolumeCommand'
        $attached.Exception.Message | Should -Match 'attached to server [0-9a-f-]{36}'
    }

    It 'removes a made volume and waits until it is gone; removed again with -Wait it is no error' {
        $volume = $script:Source | New-OSVolume -Name "it-scratch-$Api-$script:Run" -Wait -Timeout 00:02:00 -ErrorAction Stop
        $volume | Remove-OSVolume -Wait -Timeout 00:02:00 -Confirm:$false -ErrorAction Stop
        { Get-OSVolume -VolumeId $volume.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
        { $volume | Remove-OSVolume -Wait -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Restore-OSSnapshot on the real cloud' -Skip:$script:RealSkip {
    BeforeAll {
        $script:Block = Connect-RealMember @{ Api = 'BlockStorage' }
        $script:Older = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_2 "it-revert-older-$script:Run" @{}
        $script:Newest = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_2 "it-revert-newest-$script:Run" @{}
    }

    It 'refuses on a Compute session before anything is sent, naming -Api BlockStorage' {
        $compute = Connect-RealMember @{ NoDefault = $true }
        $thrown = { $script:Newest | Restore-OSSnapshot -Session $compute -Confirm:$false } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be 'OSInvalidArgument,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-OSCloud -Api BlockStorage'
        Disconnect-OSCloud -Session $compute
    }

    It 'refuses an attached volume, naming the server' {
        $ofInUse = New-TaggedSnapshot $env:OSS_REAL_VOLUME_INUSE "it-revert-in-use-$script:Run" @{}
        $record = Get-OneError { $ofInUse | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeAttached,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "Volume $($env:OSS_REAL_VOLUME_INUSE) is attached to server [0-9a-f-]{36}"
    }

    It 'refuses an older snapshot, naming the newest' {
        $record = Get-OneError { $script:Older | Restore-OSSnapshot -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
        $record.Exception.Message | Should -Match "which is $($script:Newest.Id) 'it-revert-newest-$script:Run'"
    }

    It 'sends no revert under -WhatIf' {
        $script:Newest | Restore-OSSnapshot -WhatIf
        (Get-OSVolume -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_2).Status | Should -Be 'available'
    }

    It 'reverts to the newest and waits until the volume is available again' {
        $volume = $script:Newest | Restore-OSSnapshot -Wait -PassThru -Timeout 00:02:00 -Confirm:$false -ErrorAction Stop
        $volume.Id | Should -Be $env:OSS_REAL_VOLUME_AVAILABLE_2
        $volume.Status | Should -Be 'available'
        (Get-OSSnapshot -Id $script:Newest.Id).Status | Should -Be 'available'
    }

    It 'refuses a snapshot that is not available before sending, so the volume is not left reverting (as Cinder 21 leaves it)' {
        Set-RealSnapshotStatus $script:Newest.Id 'error'
        try {
            $record = Get-OneError { $script:Newest | Restore-OSSnapshot -Confirm:$false }
            $record.FullyQualifiedErrorId | Should -Be 'OSRevertRefused,OpenStackSnapshot.Commands.RestoreOSSnapshotCommand'
            $record.Exception.Message | Should -Match 'is error: block storage reverts only to an available snapshot'
            (Get-OSVolume -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_2).Status | Should -Be 'available'
        }
        finally { Set-RealSnapshotStatus $script:Newest.Id 'available' }
    }
}

Describe 'The restore drill on the real cloud' -Skip:$script:RealSkip {
    BeforeAll {
        # clouds.yaml and secure.yaml for the drill's own sign-in, as a user writes them.
        $script:Folder = New-TestFolder 'oss-real-drill'
        @"
clouds:
  realcloud:
    auth:
      auth_url: $($env:OSS_REAL_AUTH_URL)
      username: $($env:OSS_REAL_MEMBER_USER)
      project_name: $($env:OSS_REAL_PROJECT)
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
"@ | Set-Content (Join-Path $script:Folder 'clouds.yaml')
        "clouds:`n  realcloud:`n    auth:`n      password: $($env:OSS_REAL_MEMBER_PASSWORD)" | Set-Content (Join-Path $script:Folder 'secure.yaml')
        $script:SavedEnvironment = Clear-OSEnvironment
        $env:OS_CLIENT_CONFIG_FILE = Join-Path $script:Folder 'clouds.yaml'
        $env:OS_CLIENT_SECURE_FILE = Join-Path $script:Folder 'secure.yaml'
        $script:Drill = Join-Path $script:RepoRoot 'examples/Test-SnapshotRestore.ps1'
        $script:Observer = Connect-RealMember @{ Api = 'BlockStorage'; NoDefault = $true; Name = 'observer' }
        $script:Nightly = New-TaggedSnapshot $env:OSS_REAL_VOLUME_AVAILABLE_1 "it-drill-$script:Run" @{}
        function Get-DrillVolume { @(Get-OSVolume -Session $script:Observer | Where-Object { $_.Metadata.ContainsKey('restore-drill') }) }
    }
    AfterAll {
        Restore-OSEnvironment $script:SavedEnvironment
        Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'drills a volume, leaves nothing, and a run killed mid-restore is cleaned up by the next' {
        $pwsh = (Get-Process -Id $PID).Path
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        $arguments = '-NoProfile', '-NonInteractive', '-File', $script:Drill, '-Cloud', 'realcloud', '-VolumeId', $env:OSS_REAL_VOLUME_AVAILABLE_1
        foreach ($argument in $arguments) {
            $start.ArgumentList.Add($argument)
        }
        $start.Environment['PSModulePath'] = (Split-Path -Parent $script:ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $first = [System.Diagnostics.Process]::Start($start)
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            do { $left = Get-DrillVolume } until ($left -or $first.HasExited -or [DateTime]::UtcNow -gt $deadline)
            $first.HasExited | Should -BeFalse -Because 'the first run is killed while its temporary volume exists'
            $first.Kill($true)
            $first.WaitForExit(10000) | Should -BeTrue
        }
        finally { if (-not $first.HasExited) { $first.Kill($true) } }
        $left = Get-DrillVolume
        $left | Should -HaveCount 1 -Because 'the killed run left its temporary volume'

        $second = & $script:Drill -Cloud realcloud -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 -Timeout 00:03:00
        $LASTEXITCODE | Should -Be 0
        $second.Passed | Should -BeTrue
        $second.Snapshot | Should -Not -BeNullOrEmpty
        Get-DrillVolume | Should -HaveCount 0
        { Get-OSVolume -Session $script:Observer -VolumeId $left[0].Id -ErrorAction Stop } | Should -Throw -ErrorId 'OSNotFound,*'
    }
}
