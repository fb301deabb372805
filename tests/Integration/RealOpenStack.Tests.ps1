# Every user-facing behaviour shipped so far, against a real Keystone 22, Nova 26 and Cinder 21 on 127.0.0.1.
BeforeDiscovery { . (Join-Path $PSScriptRoot 'Discovery.ps1') }

BeforeAll {
    . (Join-Path $PSScriptRoot 'RealOpenStackTestSetup.ps1')
    $script:Created = [System.Collections.Generic.List[string]]::new()
    function Track($snapshots) { foreach ($s in $snapshots) { if ($s) { $script:Created.Add($s.Id) } }; $snapshots }
}

AfterAll {
    if ($script:Created.Count -gt 0 -and $env:OSS_REAL_ENV) {
        Connect-RealMember | Out-Null
        Get-OSSnapshot | Where-Object Id -in $script:Created | Wait-OSSnapshot -Timeout '00:02:00' -ErrorAction SilentlyContinue | Out-Null
        Get-OSSnapshot | Where-Object Id -in $script:Created |
            Remove-OSSnapshot -Confirm:$false -Wait -Timeout '00:02:00' -ErrorAction SilentlyContinue
    }
}

Describe 'Token renewal (first half: a session made at the start)' -Skip:$script:RealSkip {
    It 'connects a session whose token the last test will have to renew' {
        $script:EarlySession = Connect-RealMember
        $script:EarlyExpiry = $script:EarlySession.TokenExpiresAt
        $script:EarlyExpiry | Should -BeGreaterThan ([DateTime]::UtcNow)
    }
}

Describe 'Connect-OSCloud against real Keystone' -Skip:$script:RealSkip {
    It 'signs in with a password and finds Nova in the catalog' {
        $session = Connect-RealMember
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        $session.ProjectName | Should -Be $env:OSS_REAL_PROJECT
        $session.ComputeUrl.AbsoluteUri.TrimEnd('/') | Should -Be $env:OSS_REAL_NOVA_URL.TrimEnd('/')
        $session.Region | Should -Be 'RegionOne'
    }

    It 'signs in with an application credential (no scope sent)' {
        $appCredential = New-TestCredential $env:OSS_REAL_APPCRED_ID $env:OSS_REAL_APPCRED_SECRET
        $session = Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -ApplicationCredential $appCredential
        $session.ProjectId | Should -Be $env:OSS_REAL_PROJECT_ID
        (Get-OSSnapshot -Session $session -ErrorAction Stop | Measure-Object).Count | Should -BeGreaterOrEqual 0
    }

    It 'stops with OSAuthenticationFailed on a bad password, with the request id' {
        $record = Get-OneError {
            $wrong = New-TestCredential $env:OSS_REAL_MEMBER_USER 'wrong'
            Connect-OSCloud -AuthUrl $env:OSS_REAL_AUTH_URL -Credential $wrong -ProjectName $env:OSS_REAL_PROJECT
        }
        $record.FullyQualifiedErrorId | Should -Be 'OSAuthenticationFailed,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.RequestId | Should -Match '^req-'
    }
}

Describe 'New-OSSnapshot against real Nova and Cinder' -Skip:$script:RealSkip {
    BeforeEach { Connect-RealMember | Out-Null }

    It 'creates on an available volume: creating, then available' {
        $snapshot = Track (New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 -Name 'it-create' -Description 'integration')
        $snapshot.Status | Should -Be 'creating'
        $snapshot.Name | Should -Be 'it-create'
        $snapshot.Size | Should -Be 1
        $snapshot.CreatedAt.Kind | Should -Be 'Utc'
        $available = $snapshot | Wait-OSSnapshot -Timeout '00:02:00'
        $available.Status | Should -Be 'available'
    }

    It 'explains an unavailable (attached) volume instead of "500 Unexpected API Error"' {
        $record = Get-OneError { New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_INUSE }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeNotAvailable,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'attached.*forced snapshot'
        $record.ErrorDetails.RecommendedAction | Should -Match 'New-OSSnapshot -Force'   # the cmdlet layer names the parameter
        $record.Exception.Message | Should -Not -Match 'Unexpected API Error'
        $record.Exception.StatusCode | Should -Be 500
        $record.Exception.RequestId | Should -Match '^req-'
    }

    It 'snapshots the attached volume with -Force' {
        $snapshot = Track (New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_INUSE -Name 'it-force' -Force -Wait -Timeout '00:02:00')
        $snapshot.Status | Should -Be 'available'
    }

    It 'reports an unknown volume as OSVolumeNotFound' {
        $record = Get-OneError { New-OSSnapshot -VolumeId '00000000-0000-4000-8000-000000000000' }
        $record.FullyQualifiedErrorId | Should -Be 'OSVolumeNotFound,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match '00000000-0000-4000-8000-000000000000 was not found'
    }

    It 'refuses a non-UUID volume id before sending anything' {
        $before = @(Get-OSSnapshot).Count
        $record = Get-OneError { New-OSSnapshot -VolumeId 'not-a-uuid' }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        @(Get-OSSnapshot).Count | Should -Be $before
    }

    It 'reports a reader''s create as OSForbidden' {
        Connect-RealReader | Out-Null
        $record = Get-OneError { New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_2 }
        $record.FullyQualifiedErrorId | Should -Be 'OSForbidden,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'sends nothing with -WhatIf' {
        $before = @(Get-OSSnapshot).Count
        $env:OSS_REAL_VOLUME_AVAILABLE_1, $env:OSS_REAL_VOLUME_AVAILABLE_2 | New-OSSnapshot -WhatIf
        @(Get-OSSnapshot).Count | Should -Be $before
    }

    It 'keeps the pinned microversion 2.1 working where 2.36 has no os-snapshots' {
        $credential = New-TestCredential $env:OSS_REAL_MEMBER_USER $env:OSS_REAL_MEMBER_PASSWORD
        $token = Get-RawToken $env:OSS_REAL_AUTH_URL $credential $env:OSS_REAL_PROJECT
        $headers = @{ 'X-Auth-Token' = $token.Token; 'X-OpenStack-Nova-API-Version' = '2.36'; Accept = 'application/json' }
        $raw = Send-Raw Get "$env:OSS_REAL_NOVA_URL/os-snapshots" $headers
        $raw.Status | Should -Be 404
        $raw.Json.itemNotFound.message | Should -Be 'The resource could not be found.'
        { Get-OSSnapshot -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'The lifecycle against the real cloud' -Skip:$script:RealSkip {
    BeforeAll { Connect-RealMember | Out-Null }

    It 'lists every snapshot exactly once past Nova''s page limit' {
        [int]$env:OSS_REAL_NOVA_MAX_LIMIT | Should -BeLessThan 5
        Track (1..4 | ForEach-Object { New-OSSnapshot -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_2 -Name "it-page-$_" }) | Out-Null
        $all = Get-OSSnapshot
        $all.Count | Should -BeGreaterThan ([int]$env:OSS_REAL_NOVA_MAX_LIMIT)
        ($all.Id | Sort-Object -Unique).Count | Should -Be $all.Count
        (Get-OSSnapshot -Name 'it-page-*').Count | Should -Be 4
        (Get-OSSnapshot -Name 'it-page-*' -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_2).Count | Should -Be 4
    }

    It 'waits for many snapshots together' {
        $done = Get-OSSnapshot -Name 'it-page-*' | Wait-OSSnapshot -Timeout '00:02:00'
        $done.Count | Should -Be 4
        ($done.Status | Sort-Object -Unique) | Should -Be 'available'
    }

    It 'gets by id, with a non-terminating OSNotFound for an unknown id' {
        $known = (Get-OSSnapshot -Name 'it-page-1').Id
        $found = Get-OSSnapshot -Id $known, '00000000-0000-4000-8000-000000000000' -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Id | Should -Be $known
        $failures[0].FullyQualifiedErrorId | Should -Be 'OSNotFound,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
    }

    It 'removes with -Wait until show answers 404' {
        Get-OSSnapshot -Name 'it-page-*' | Remove-OSSnapshot -Confirm:$false -Wait -Timeout '00:02:00'
        Get-OSSnapshot -Name 'it-page-*' | Should -BeNullOrEmpty
    }

    It 'lists volumes, with the attached one''s attachment and none for the others' {
        $volumes = Get-OSVolume
        ($volumes | Where-Object Id -eq $env:OSS_REAL_VOLUME_INUSE).Attachments.Count | Should -Be 1
        ($volumes | Where-Object Id -eq $env:OSS_REAL_VOLUME_AVAILABLE_1).Attachments.Count | Should -Be 0
        ($volumes | Where-Object Id -eq $env:OSS_REAL_VOLUME_AVAILABLE_1).Status | Should -Be 'available'
    }

    It 'pipes volumes into New-OSSnapshot -Wait' {
        $snapshots = Track (Get-OSVolume -VolumeId $env:OSS_REAL_VOLUME_AVAILABLE_1 | New-OSSnapshot -Name 'it-piped' -Wait -Timeout '00:02:00')
        $snapshots.VolumeId | Should -Be $env:OSS_REAL_VOLUME_AVAILABLE_1
        $snapshots.Status | Should -Be 'available'
    }
}

Describe 'Token renewal (second half: the early session after its token neared expiry)' -Skip:$script:RealSkip {
    It 'renews the token before it expires, and the call succeeds' {
        $renewAt = $script:EarlyExpiry.AddSeconds(-55)   # the client renews within a minute of expiry
        $wait = $renewAt - [DateTime]::UtcNow
        if ($wait -gt [TimeSpan]::Zero) { Start-Sleep -Seconds ([Math]::Ceiling($wait.TotalSeconds)) }
        { Get-OSSnapshot -Session $script:EarlySession -ErrorAction Stop } | Should -Not -Throw
        $script:EarlySession.TokenExpiresAt | Should -BeGreaterThan $script:EarlyExpiry
    }
}
