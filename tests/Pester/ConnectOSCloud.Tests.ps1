BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator

    # A loopback port nothing listens on: connecting to it is refused at once.
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $port
    }
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Connect-OSCloud' {
    BeforeEach { Reset-Emulator $script:Emulator }

    It 'signs in with a password and a project name, and finds the compute endpoint' {
        $session = Connect-TestCloud $script:Emulator
        $session.UserName | Should -Be 'demo'
        $session.ProjectName | Should -Be 'demo'
        $session.ProjectId | Should -Match '^[0-9a-f]{32}$'
        $session.ComputeUrl.AbsoluteUri | Should -BeLike "$($script:Emulator.BaseUrl)compute/v2.1*"
        $session.Interface | Should -Be 'public'
        $session.Region | Should -Be 'RegionOne'
        $session.TokenExpiresAt | Should -BeGreaterThan ([DateTime]::UtcNow)
    }

    It 'signs in with a project id' {
        $projectId = (Connect-TestCloud $script:Emulator).ProjectId
        $session = Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -Credential (New-TestCredential) -ProjectId $projectId
        $session.ProjectId | Should -Be $projectId
    }

    It 'signs in with an application credential (id as user name, secret as password)' {
        $credential = New-TestCredential $script:AppCredentialId 'appcred-secret'
        $session = Connect-OSCloud -AuthUrl $script:Emulator.AuthUrl -ApplicationCredential $credential
        $session.ProjectName | Should -Be 'demo'
    }

    It 'makes the new session the default for later cmdlets' {
        $session = Connect-TestCloud $script:Emulator
        $snapshot = New-OSSnapshot -VolumeId $script:VolumeAvailable
        $snapshot.VolumeId | Should -Be $script:VolumeAvailable
        $session | Should -Not -BeNullOrEmpty
    }

    It 'never shows the token, in any rendering' {
        $session = Connect-TestCloud $script:Emulator
        $texts = @(
            ($session | Out-String)
            ($session | Format-List * | Out-String)
            ($session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
            "$session"
        )
        foreach ($text in $texts) { $text | Should -Not -Match '(?i)token"?\s*[:=]\s*"?[A-Za-z0-9_\-]{16,}' }
        $session.PSObject.Properties.Name | Should -Not -Contain 'Token'
    }

    It 'chooses the endpoint by -Region' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Region = 'RegionTwo' }
        $session.Region | Should -Be 'RegionTwo'
    }

    It 'stops with OSAuthenticationFailed on a wrong password' {
        { Connect-TestCloud $script:Emulator -Password 'wrong' } |
            Should -Throw -ErrorId 'OSAuthenticationFailed,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record = $null
        try { Connect-TestCloud $script:Emulator -Password 'wrong' } catch { $record = $_ }
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.RequestId | Should -Match '^req-'
        $record.ErrorDetails.Message | Should -Match 'req-'
    }

    It 'names what it looked for when the catalog has no such endpoint' {
        $record = $null
        try { Connect-TestCloud $script:Emulator -Extra @{ Region = 'RegionTwo'; Interface = 'internal' } } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSEndpointNotFound,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.Exception.Message | Should -Match "compute.*internal.*RegionTwo"
    }

    It 'stops with OSConnectionFailed when nothing listens' {
        $port = Get-ClosedPort
        $record = $null
        try { Connect-OSCloud -AuthUrl "http://127.0.0.1:$port/v3" -Credential (New-TestCredential) -ProjectName demo -MaximumRetryCount 0 }
        catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSConnectionFailed,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'gives a closed port a few seconds at the first sign-in, warns that it waits, and ends its message with a full stop' {
        $port = Get-ClosedPort
        $record = $null
        $started = [DateTime]::UtcNow
        $connect = @{
            AuthUrl = "http://127.0.0.1:$port/v3"; Credential = New-TestCredential; ProjectName = 'demo'
            WarningVariable = 'waited'; WarningAction = 'SilentlyContinue'
        }
        try { Connect-OSCloud @connect } catch { $record = $_ }
        ([DateTime]::UtcNow - $started).TotalSeconds | Should -BeLessThan 60   # well under the 120-s budget it waited before
        $record.FullyQualifiedErrorId | Should -Be 'OSConnectionFailed,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
        $record.Exception.Message | Should -Match ("^Could not reach http://127\.0\.0\.1:$port for POST http://127\.0\.0\.1:$port/v3/auth/tokens: " +
            '.+\. It was sent 4 times over [\d.]+ s\.$')
        $record.ErrorDetails.Message | Should -BeExactly $record.Exception.Message
        $record.ErrorDetails.RecommendedAction | Should -Match 'retry_budget.*-RetryBudgetSec'
        @($waited) | Should -HaveCount 1
        "$($waited[0])" | Should -Match "^Waiting for POST http://127\.0\.0\.1:$port/v3/auth/tokens: .+\. Retrying for up to \d+ s more\.$"
    }

    It 'fails a first sign-in to a host name that does not resolve at once, without waiting' {
        $record = $null
        $started = [DateTime]::UtcNow
        $connect = @{
            AuthUrl = 'http://keystone.mistyped.invalid:5000/v3'; Credential = New-TestCredential; ProjectName = 'demo'; WarningVariable = 'waited'
        }
        try { Connect-OSCloud @connect } catch { $record = $_ }
        ([DateTime]::UtcNow - $started).TotalSeconds | Should -BeLessThan 60   # well under the 120-s budget
        $record.FullyQualifiedErrorId | Should -Be 'OSConnectionFailed,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'ConnectionError'
        $record.Exception.Message | Should -Match ('^The host name keystone\.mistyped\.invalid does not resolve ' +
            '\(POST http://keystone\.mistyped\.invalid:5000/v3/auth/tokens\): .+\.$')
        $record.Exception.Message | Should -Not -Match 'It was sent'
        $record.ErrorDetails.RecommendedAction | Should -Match 'typo'
        @($waited) | Should -HaveCount 0
    }

    It 'reads the password only from a PSCredential' {
        (Get-Command Connect-OSCloud).Parameters.Keys | Should -Not -Contain 'Password'
        (Get-Command Connect-OSCloud).Parameters['Credential'].ParameterType | Should -Be ([pscredential])
    }
}

Describe 'Disconnect-OSCloud' {
    It 'forgets the default session, so the next cmdlet reports OSNotConnected' {
        Connect-TestCloud $script:Emulator | Out-Null
        Disconnect-OSCloud
        { New-OSSnapshot -VolumeId $script:VolumeAvailable } | Should -Throw -ErrorId 'OSNotConnected,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
    }

    It 'reports a closed session passed with -Session as OSNotConnected' {
        $session = Connect-TestCloud $script:Emulator
        $session | Disconnect-OSCloud
        $record = $null
        try { New-OSSnapshot -VolumeId $script:VolumeAvailable -Session $session } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSNotConnected,OpenStackSnapshot.Commands.NewOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'closed'
    }
}
