# Sessions: named ones side by side, -Session by object or name, a default per runspace, one session shared by many
# runspaces (renewed once), a deserialized session refused clearly, and Disconnect-OSCloud revoking its token.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Named sessions' {
    BeforeEach {
        Get-OSSession | Disconnect-OSCloud
        Reset-Emulator $script:Emulator
    }

    It 'keeps several sessions side by side; -Session takes an object or a name' {
        $one = Connect-TestCloud $script:Emulator -Extra @{ Name = 'one' }
        $two = Connect-TestCloud $script:Emulator -Extra @{ Name = 'two'; Region = 'RegionTwo' }
        (Get-OSSession).Name | Should -Be @('two', 'one')
        (Get-OSSession -Default).Name | Should -Be 'two'
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name by-name -Session one | Out-Null
        (Get-OSSnapshot -Session $one -Name by-name).Name | Should -Be 'by-name'
        (Get-OSSnapshot -Session 'two' -Name by-name).Name | Should -Be 'by-name'
        (Get-OSSession -Name o*).Name | Should -Be 'one'
    }

    It 'says which name is unknown' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'one' } | Out-Null
        { Get-OSSnapshot -Session nosuch } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        try { Get-OSSnapshot -Session nosuch } catch { $_.Exception.Message | Should -Match "no session named 'nosuch'" }
        Get-OSSession -Name nosuch -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'OSSessionNotFound,OpenStackSnapshot.Commands.GetOSSessionCommand'
    }

    It 'tab-completes session names for -Session' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'prod2' } | Out-Null
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'other' } | Out-Null
        $line = 'Get-OSSnapshot -Session pr'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('prod2')
    }

    It 'moves a name to the newer session, leaving the earlier one open for whoever holds it' {
        $old = Connect-TestCloud $script:Emulator -Extra @{ Name = 'same' }
        $new = Connect-TestCloud $script:Emulator -Extra @{ Name = 'same' }
        $old.IsClosed | Should -BeFalse
        @(Get-OSSession -Name same) | Should -HaveCount 1
        [object]::ReferenceEquals((Get-OSSession -Name same), $new) | Should -BeTrue
        @(Get-OSSnapshot -Session $old).Count | Should -Be 0
    }

    It 'marks the default session in the table and as IsDefault; Select-OSSession makes another one the default' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'one' } | Out-Null
        $two = Connect-TestCloud $script:Emulator -Extra @{ Name = 'two' }
        (Get-OSSession | Where-Object IsDefault).Name | Should -Be 'two'
        $table = Get-OSSession | Out-String -Width 80
        $table | Should -Match 'Default\s+Name\s+Api\s+User\s+Project\s+Region'
        $table | Should -Match '\*\s+two\s+Compute'
        $table | Should -Not -Match '\*\s+one'

        Select-OSSession one | Should -BeNullOrEmpty   # nothing written without -PassThru
        (Get-OSSession -Default).Name | Should -Be 'one'
        $two.IsDefault | Should -BeFalse                # a session held in a variable says so too
        (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name via-default).Name | Should -Be 'via-default'
        (Get-OSSession | Where-Object IsDefault).Name | Should -Be 'one'

        ($two | Select-OSSession -PassThru).Name | Should -Be 'two'
        $two.IsDefault | Should -BeTrue
    }

    It 'Select-OSSession refuses an unknown name, a closed session and two sessions at once, keeping the default' {
        $one = Connect-TestCloud $script:Emulator -Extra @{ Name = 'one' }
        $two = Connect-TestCloud $script:Emulator -Extra @{ Name = 'two' }
        { Select-OSSession nosuch } | Should -Throw -ErrorId 'OSSessionNotFound,OpenStackSnapshot.Commands.SelectOSSessionCommand'
        { $one, $two | Select-OSSession } | Should -Throw -ErrorId 'OSOneDefaultSession,OpenStackSnapshot.Commands.SelectOSSessionCommand'
        Disconnect-OSCloud -Session $one
        { Select-OSSession -Session $one } | Should -Throw -ErrorId 'OSNotConnected,OpenStackSnapshot.Commands.SelectOSSessionCommand'
        (Get-OSSession -Default).Name | Should -Be 'two'
    }

    It 'Connect-OSCloud -NoDefault makes a session that leaves the default as it was' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'mine' } | Out-Null
        $job = Connect-TestCloud $script:Emulator -Extra @{ Name = 'job'; NoDefault = $true }
        $job.IsDefault | Should -BeFalse
        (Get-OSSession -Default).Name | Should -Be 'mine'
        (Get-OSSession).Name | Should -Be @('mine', 'job')
        (New-OSSnapshot -Session $job -VolumeId $script:VolumeAvailable -Name by-job).Name | Should -Be 'by-job'
        Disconnect-OSCloud -Session $job
        (Get-OSSession -Default).Name | Should -Be 'mine'
    }

    It 'tab-completes session names for Select-OSSession' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'prod2' } | Out-Null
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'other' } | Out-Null
        $line = 'Select-OSSession pr'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('prod2')
    }

    It 'keeps the session services out of its visible properties' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'one' }
        $session.PSObject.Properties.Name | Should -Not -Contain 'Snapshots'
        $session.PSObject.Properties.Name | Should -Not -Contain 'Volumes'
        $session.TokenExpiresAt.Kind | Should -Be 'Utc'
    }

    It 'Disconnect-OSCloud -Name forgets the session and revokes the token it issued' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'keep' } | Out-Null
        $gone = Connect-TestCloud $script:Emulator -Extra @{ Name = 'gone' }
        Disconnect-OSCloud -Name gone
        $gone.IsClosed | Should -BeTrue
        (Get-OSSession).Name | Should -Be @('keep')
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens.revoke' | Should -Be 1
        { Get-OSSnapshot -Session $gone } | Should -Throw -ErrorId 'OSNotConnected,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        Disconnect-OSCloud -Name gone -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'OSSessionNotFound,OpenStackSnapshot.Commands.DisconnectOSCloudCommand'
    }

    It 'shows no token or secret in any view of a session' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'shown' }
        $text = (Get-OSSession | Format-List * | Out-String) + (Get-OSSession | Format-Table * | Out-String) +
            (Get-OSSession | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue) + "$session"
        $text | Should -Not -Match 'demo-secret'
        $text | Should -Not -Match 'gAAAAA'
    }
}

Describe 'Sessions and runspaces' {
    BeforeEach { Reset-Emulator $script:Emulator }
    AfterEach { Set-EmulatorSetting $script:Emulator @{ tokenTtlSeconds = 3600 } }

    It "one runspace's Connect-OSCloud never changes another's default" {
        $mine = Connect-TestCloud $script:Emulator -Extra @{ Name = 'mine' }
        $module = $script:ModulePath; $authUrl = $script:Emulator.AuthUrl
        $theirs = 1..2 | ForEach-Object -Parallel {
            Import-Module $using:module
            $cred = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-secret' -AsPlainText -Force))
            Connect-OSCloud -AuthUrl $using:authUrl -Credential $cred -ProjectName demo -Name "theirs$_" | Out-Null
            (Get-OSSession).Name -join ','
        }
        $theirs | Sort-Object | Should -Be @('theirs1', 'theirs2')
        (Get-OSSession -Default).Name | Should -Be 'mine'
        (Get-OSSession).Name | Should -Not -Contain 'theirs1'
    }

    It 'serves 8 runspaces at once from one session, renewing its token once for all of them' {
        # A 62 s token enters the 60 s renewal window after 2 s: every runspace then needs a fresh token at once.
        Set-EmulatorSetting $script:Emulator @{ tokenTtlSeconds = 62 }
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'shared' }
        $firstExpiry = $session.TokenExpiresAt
        Start-Sleep -Milliseconds 2500
        $module = $script:ModulePath
        $counts = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            @(Get-OSSnapshot -Session $using:session).Count
        }
        $counts | Should -HaveCount 8
        $session.TokensIssued | Should -Be 2
        Get-EmulatorRequestCount $script:Emulator 'identity.tokens' | Should -Be 2
        Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be 8
        $session.TokenExpiresAt | Should -BeGreaterThan $firstExpiry
        $tokenRequests = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
        Write-Host ("    8 runspaces on one session: $tokenRequests token requests (sign-in + 1 renewal), " +
            "$($session.TokensIssued) tokens issued, 8 listings")
    }

    It 'forgets a session that another runspace closed through $using:' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'closed-elsewhere' }
        $module = $script:ModulePath
        1 | ForEach-Object -Parallel { Import-Module $using:module; Disconnect-OSCloud -Session $using:session }
        $session.IsClosed | Should -BeTrue
        (Get-OSSession).Name | Should -Not -Contain 'closed-elsewhere'
        Get-OSSession -Default | Should -BeNullOrEmpty
    }

    It 'refuses a session that crossed a process boundary, saying to connect inside the job' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'local' }
        # What Start-Job and remoting hand over: the same serializer, so the same deserialized object.
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($session))
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.OpenStackSnapshot.Client.OpenStackSession'
        $record = $null
        try { Get-OSSnapshot -Session $copy } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,OpenStackSnapshot.Commands.GetOSSnapshotCommand'
        $record.Exception.Message | Should -Match 'another process.*Connect-OSCloud -Cloud'
    }

    It 'says the same inside a real Start-Job' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ Name = 'local' }
        $job = Start-Job -ArgumentList $script:ModulePath, $session -ScriptBlock {
            param($module, $s)
            Import-Module $module
            try { Get-OSSnapshot -Session $s; 'no error' } catch { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
        }
        try { $said = $job | Wait-Job -Timeout 60 | Receive-Job } finally { $job | Remove-Job -Force }
        "$said" | Should -Match ('^ParameterArgumentTransformationError,OpenStackSnapshot.Commands.GetOSSnapshotCommand: ' +
            '.*another process.*Connect-OSCloud -Cloud')
    }
}
