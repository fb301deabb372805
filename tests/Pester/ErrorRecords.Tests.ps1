# Every row of the error table (shared DESIGN.md, "Errors"): ErrorId, category, target and reach,
# provoked through the emulator's fault injection or its real behaviour.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    # Runs a create and returns the one ErrorRecord it produced, terminating or not.
    function Get-CreateError([string] $VolumeId = $script:VolumeAvailable, [hashtable] $Extra = @{}) {
        Get-OneError { New-OSSnapshot -VolumeId $VolumeId @Extra }
    }
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Error records from New-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator -Extra @{ MaximumRetryCount = 1 } | Out-Null
    }

    It '<Status> <Case> -> <ErrorId> [<Category>]' -ForEach @(
        @{ Status = 400; Case = 'bad request'; Body = $null; ErrorId = 'OSBadRequest'; Category = 'InvalidArgument'; Terminating = $false }
        @{ Status = 403; Case = 'policy'; Body = $null; ErrorId = 'OSForbidden'; Category = 'PermissionDenied'; Terminating = $false }
        @{ Status = 404; Case = 'no os-snapshots here'; Body = $null
           ErrorId = 'OSApiNotAvailable'; Category = 'NotImplemented'; Terminating = $true }
        @{ Status = 404; Case = 'web framework page'
           Body = '{"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}'
           ErrorId = 'OSApiNotAvailable'; Category = 'NotImplemented'; Terminating = $true }
        @{ Status = 405; Case = 'method'; Body = $null; ErrorId = 'OSMethodNotAllowed'; Category = 'InvalidOperation'; Terminating = $false }
        @{ Status = 413; Case = 'over limit'; Body = $null; ErrorId = 'OSOverLimit'; Category = 'LimitsExceeded'; Terminating = $false }
        @{ Status = 415; Case = 'media type'; Body = $null; ErrorId = 'OSUnsupportedMediaType'; Category = 'InvalidOperation'; Terminating = $false }
        @{ Status = 429; Case = 'rate limited'; Body = $null; ErrorId = 'OSOverLimit'; Category = 'LimitsExceeded'; Terminating = $false }
        @{ Status = 500; Case = 'server fault'; Body = $null; ErrorId = 'OSServerError'; Category = 'InvalidResult'; Terminating = $false }
        @{ Status = 502; Case = 'bad gateway'; Body = '<html><body>Bad Gateway</body></html>'
           ErrorId = 'OSServiceUnavailable'; Category = 'ResourceUnavailable'; Terminating = $false }
        @{ Status = 503; Case = 'unavailable'; Body = $null
           ErrorId = 'OSServiceUnavailable'; Category = 'ResourceUnavailable'; Terminating = $false }
        @{ Status = 200; Case = 'HTML body'; Body = '<html><body>Please sign in</body></html>'
           ErrorId = 'OSInvalidResponse'; Category = 'InvalidData'; Terminating = $false }
        @{ Status = 200; Case = 'empty body'; Body = ''; ErrorId = 'OSInvalidResponse'; Category = 'InvalidData'; Terminating = $false }
        @{ Status = 200; Case = 'truncated JSON'; Body = '{"snapshot": {"id": "abc", "status": "crea'
           ErrorId = 'OSInvalidResponse'; Category = 'InvalidData'; Terminating = $false }
    ) {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status $Status -Body $Body -Count 5
        $record = Get-CreateError
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,OpenStackSnapshot.Commands.NewOSSnapshotCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be $script:VolumeAvailable
        $record.Exception.GetType().Name | Should -Be 'OpenStackException'
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $record.Exception.RequestId | Should -Match '^req-'
        $record.ErrorDetails.Message | Should -Match ([regex]::Escape($record.Exception.RequestId))
    }

    It 'writes per-item errors without stopping and stops on terminating ones' -ForEach @(
        @{ Status = 400; Terminating = $false }, @{ Status = 404; Terminating = $true }
    ) {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status $Status -Count 1
        $terminated = $false
        $snapshots = @()
        # One at a time: with creates in flight, which of the two meets the one fault is the network's choice.
        try { $snapshots = $script:VolumeAvailable, $script:VolumeAvailable2 | New-OSSnapshot -ThrottleLimit 1 -ErrorAction SilentlyContinue }
        catch { $terminated = $true }
        $terminated | Should -Be $Terminating
        if (-not $Terminating) { $snapshots.VolumeId | Should -Be @($script:VolumeAvailable2) }
    }

    It 'turns Nova''s wrapped VolumeNotFound into OSVolumeNotFound naming the volume' {
        $unknown = '00000000-0000-4000-8000-000000000000'
        $record = Get-CreateError -VolumeId $unknown
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeNotFound,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be $unknown
        $record.Exception.Message | Should -Match "Volume $unknown was not found"
        $record.Exception.StatusCode | Should -Be 500
    }

    It 'turns Nova''s wrapped InvalidInput for an attached volume into OSVolumeNotAvailable suggesting -Force' {
        $record = Get-CreateError -VolumeId $script:VolumeInUse
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeNotAvailable,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $record.Exception.Message | Should -Match "Volume $script:VolumeInUse .*attached.*forced snapshot"
        $record.ErrorDetails.RecommendedAction | Should -Match 'New-OSSnapshot -Force'   # the cmdlet layer names the parameter
    }

    It 'reports a quota refusal as OSQuotaExceeded' {
        Connect-TestCloud $script:Emulator -User tiny -Password tiny-secret -Project tiny | Out-Null
        $tinyVolume = 'd4e5f6a7-b8c9-4dae-9f01-2b3c4d5e6f70'
        New-OSSnapshot -VolumeId $tinyVolume | Out-Null
        $record = Get-CreateError -VolumeId $tinyVolume
        $record.FullyQualifiedErrorId | Should -Be 'OSQuotaExceeded,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'QuotaExceeded'
    }

    It 'reports a reader''s create as OSForbidden with the policy message' {
        Connect-TestCloud $script:Emulator -User reader -Password reader-secret | Out-Null
        $record = Get-CreateError
        $record.FullyQualifiedErrorId | Should -Be 'OSForbidden,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'os-volumes:snapshots:create'
    }

    It 'retries 503 and succeeds when the service recovers' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 503 -Count 1 -RetryAfter '0'
        (New-OSSnapshot -VolumeId $script:VolumeAvailable).VolumeId | Should -Be $script:VolumeAvailable
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 2
    }

    It 'never resends a create whose fate is unknown (504)' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 504 -Count 5
        (Get-CreateError).FullyQualifiedErrorId | Should -BeLike 'OSServiceUnavailable,*'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
    }

    It 'reports a timeout as OSTimeout and does not resend the create' {
        Connect-TestCloud $script:Emulator -Extra @{ TimeoutSec = 1 } | Out-Null
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 200 -DelayMs 3000 -Count 1
        $record = Get-CreateError
        $record.FullyQualifiedErrorId | Should -Be 'OSTimeout,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-EmulatorRequestCount $script:Emulator 'snapshots.create' | Should -Be 1
    }

    It 're-authenticates once on 401, then succeeds' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 401 -Count 1
        $before = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
        (New-OSSnapshot -VolumeId $script:VolumeAvailable).VolumeId | Should -Be $script:VolumeAvailable
        (Get-EmulatorRequestCount $script:Emulator 'identity.tokens') - $before | Should -Be 1
    }

    It 'stops with OSAuthenticationFailed when 401 persists after re-authenticating' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Status 401 -Count 2
        $record = Get-CreateError
        $record.FullyQualifiedErrorId | Should -Be 'OSAuthenticationFailed,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'reports OSConnectionFailed when the compute service goes away' {
        Set-EmulatorFault $script:Emulator -Route 'snapshots.create' -Drop -Status 0 -Count 5
        $record = Get-CreateError
        $record.FullyQualifiedErrorId | Should -BeLike 'OSConnectionFailed,*'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
    }
}

Describe 'Error records from Remove-OSSnapshot' {
    BeforeEach {
        Reset-Emulator $script:Emulator
        Set-EmulatorSetting $script:Emulator @{ snapshotDelayMs = 1500 }   # long enough to meet the snapshot while it is creating
    }

    It 'says a snapshot is still creating, through <Api>, and that waiting then removing it works' -ForEach @(
        @{ Api = 'Compute' }, @{ Api = 'BlockStorage' }
    ) {
        Connect-TestCloud $script:Emulator -Extra @{ Api = $Api } | Out-Null
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name young
        $snapshot.Status | Should -Be 'creating'
        $record = Get-OneError { Remove-OSSnapshot -Id $snapshot.Id -Confirm:$false }
        $record.FullyQualifiedErrorId | Should -Be 'OSSnapshotNotAvailable,OpenStackSnapshot.Commands.RemoveOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $record.TargetObject | Should -Be $snapshot.Id
        $record.Exception.Message | Should -Match (
            "^Snapshot $($snapshot.Id) is still creating: block storage deletes a snapshot only once it is available \(or error\)\. " +
            '\(HTTP (500 computeFault|400 badRequest), DELETE \S+, request id req-[0-9a-f-]+\)\.$')
        $record.Exception.Message | Should -Not -Match 'launchpad|operator'
        $record.ErrorDetails.RecommendedAction | Should -Match ('^Wait until it is available, then delete it\. ' +
            'Wait-OSSnapshot -Id <id> \| Remove-OSSnapshot waits until it is available, then removes it')
        Wait-OSSnapshot -Id $snapshot.Id | Remove-OSSnapshot -Confirm:$false -Wait
        (Get-OneError { Get-OSSnapshot -Id $snapshot.Id }).FullyQualifiedErrorId |
            Should -Be 'OSNotFound,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
    }
}

Describe 'The error table' {
    It 'has an ErrorId for every error kind of the client, each ErrorId once' {
        $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenStackSnapshot' } | Select-Object -First 1
        $map = $assembly.GetType('OpenStackSnapshot.Errors.ErrorMap')
        $for = $map.GetMethod('For', [Reflection.BindingFlags]'Public, NonPublic, Static')
        $kinds = [Enum]::GetValues($for.GetParameters()[0].ParameterType)   # the client type lives in the private load context
        $ids = foreach ($kind in $kinds) { $for.Invoke($null, @($kind)).ErrorId }
        @($ids) | Should -HaveCount $kinds.Count
        @($ids | Sort-Object -Unique) | Should -HaveCount $kinds.Count
        $ids | ForEach-Object { $_ | Should -Match '^OS[A-Z]\w+$' }
    }
}
