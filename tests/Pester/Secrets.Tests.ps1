# Secrets read from files and the environment never appear in any stream, error, -Debug text, transcript,
# Get-OSCloudConfig, Get-OSSession or ConvertTo-Json: everything a user could see is gathered and grepped, in quiet
# times and under every fault the emulator injects.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Import-Module (Join-Path $script:RepoRoot 'build/RawOpenStack.psm1') -Force
    $script:Emulator = Start-Emulator
    $script:Folder = New-TestFolder 'oss-secrets'
    Write-TestCloudsYaml $script:Emulator (Join-Path $script:Folder 'clouds.yaml') (Join-Path $script:Folder 'secure.yaml')
}
AfterAll {
    Stop-Emulator $script:Emulator
    Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Secrets from files and the environment' {
    BeforeEach { $script:SavedEnvironment = Clear-OSEnvironment }
    AfterEach { Restore-OSEnvironment $script:SavedEnvironment }

    It 'never show in any output, error, debug text, transcript or rendering' {
        $token = (Get-RawToken $script:Emulator.AuthUrl (New-TestCredential) 'demo').Token
        $secrets = @('demo-secret', 'appcred-secret', $token)
        $transcript = Join-Path $script:Folder 'transcript.txt'
        $env:OS_CLIENT_CONFIG_FILE = Join-Path $script:Folder 'clouds.yaml'
        $env:OS_CLIENT_SECURE_FILE = Join-Path $script:Folder 'secure.yaml'
        Start-Transcript -Path $transcript -IncludeInvocationHeader | Out-Null
        try {
            $everything = & {
                $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
                $a = Connect-OSCloud -Cloud mycloud -Name a -Debug -Verbose
                $b = Connect-OSCloud -Cloud appcloud -Name b -Debug -Verbose
                $env:OS_TOKEN = $token
                $c = Connect-OSCloud -Cloud tokencloud -Name c -Debug -Verbose
                $env:OS_TOKEN = $null
                $env:OS_PASSWORD = 'demo-secret'
                Get-OSCloudConfig -Cloud nopassword | Format-List * | Out-String
                $env:OS_PASSWORD = 'wrong-demo-secret'
                try { Connect-OSCloud -Cloud nopassword -Debug } catch { $_; $_.Exception.ToString(); $_ | Format-List * -Force | Out-String }
                $env:OS_PASSWORD = $null
                New-OSSnapshot -VolumeId $script:VolumeAvailable -Name s -Session a -Debug -Verbose
                Get-OSSnapshot -Session c -Debug -Verbose
                foreach ($cloud in 'mycloud', 'appcloud', 'tokencloud') {
                    Get-OSCloudConfig -Cloud $cloud | Format-List * | Out-String
                    Get-OSCloudConfig -Cloud $cloud | ConvertTo-Json -Depth 5
                }
                Get-OSSession | Format-List * | Out-String
                Get-OSSession | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
                Disconnect-OSCloud -Name a, b, c -Debug -Verbose
            } *>&1 | Out-String -Width 500
        }
        finally { Stop-Transcript | Out-Null }
        $seen = $everything + (Get-Content $transcript -Raw)
        $seen | Should -Match 'POST .*/auth/tokens'       # the exchange was described, so the check means something
        $seen | Should -Match 'X-Auth-Token'
        foreach ($secret in $secrets) { $seen | Should -Not -Match ([regex]::Escape($secret)) }
    }
}

Describe 'Secrets under faults' {
    # No secret leaks under failure (issue 9 part 9): three sessions (password, application credential, token) run every
    # cmdlet with -Debug -Verbose under Start-Transcript while the emulator's chaos mode injects every fault kind on half
    # the requests, Keystone's included, and a 401 forces a token renewal. Everything a user could see is gathered (all
    # streams, the transcript, $Error with each inner exception and ErrorDetails, the rendered records) and grepped for
    # the password, the application-credential secret and every token the emulator issued.
    BeforeAll {
        $script:SavedEnvironment = Clear-OSEnvironment
        $env:OS_CLIENT_CONFIG_FILE = Join-Path $script:Folder 'clouds.yaml'
        $env:OS_CLIENT_SECURE_FILE = Join-Path $script:Folder 'secure.yaml'
        $script:GivenToken = (Get-RawToken $script:Emulator.AuthUrl (New-TestCredential) 'demo').Token
        # Short budgets keep each fault quick; a held-back answer outlasts the 1 s request timeout.
        $settings = @{ TimeoutSec = 1; MaximumRetryCount = 2; RetryBudgetSec = 3; RetryIntervalSec = 0; Debug = $true; Verbose = $true }

        # A failed listing ends its command (a terminating error): kept as one more record, so the round goes on.
        function Invoke-Kept([scriptblock] $Call) { try { & $Call } catch { $_ } }

        # One round: every cmdlet on one session.
        function Invoke-Round([string] $Session) {
            $name = "leak-$Session-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
            $id = (New-OSSnapshot -VolumeId $script:VolumeAvailable -Name $name -Session $Session @common | Select-Object -First 1).Id
            New-OSSnapshot -VolumeId $script:VolumeAvailable -Name "$name-w" -Session $Session -Wait -Timeout 00:00:04 @common
            Invoke-Kept { Get-OSSnapshot -Session $Session @common }
            Invoke-Kept { Get-OSSnapshot -Name 'leak-*' -Session $Session @common }
            if ($id) {
                Get-OSSnapshot -Id $id -Session $Session @common
                Wait-OSSnapshot -Id $id -Session $Session -Timeout 00:00:03 @common
                Remove-OSSnapshot -Id $id -Session $Session -Confirm:$false @common
            }
            Invoke-Kept { Get-OSVolume -Session $Session @common }
            Get-OSVolume -Id $script:VolumeAvailable -Session $Session @common
            Get-OSSession -Name $Session | Format-List * | Out-String
        }

        $transcript = Join-Path $script:Folder 'transcript.txt'
        $common = @{ Debug = $true; Verbose = $true; ErrorAction = 'Continue' }
        $Error.Clear()
        Start-Transcript -Path $transcript -IncludeInvocationHeader | Out-Null
        try {
            $script:Everything = & {
                $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $ErrorActionPreference = 'Continue'
                $script:Chaos = Start-EmulatorChaos $script:Emulator -Rate 0.5 -Seed 9 -HeldBackMs 1500 -LatencyMs 100
                # Sign in under chaos (Keystone faults too): a failed attempt is one more record, then try again.
                $givenToken = ConvertTo-SecureString $script:GivenToken -AsPlainText -Force
                $clouds = @{ a = @{ Cloud = 'mycloud' }; b = @{ Cloud = 'appcloud' }; c = @{ Cloud = 'tokencloud'; Token = $givenToken } }
                foreach ($session in 'a', 'b', 'c') {
                    $cloud = $clouds[$session]
                    for ($try = 0; $try -lt 20 -and -not (Get-OSSession -Name $session -ErrorAction SilentlyContinue); $try++) {
                        try { Connect-OSCloud -Name $session @cloud @settings } catch { $_; $_ | Format-List * -Force | Out-String }
                    }
                    if (-not (Get-OSSession -Name $session -ErrorAction SilentlyContinue)) { throw "session $session could not sign in under chaos" }
                }
                # Rounds until every fault kind has been injected at least once (bounded).
                for ($round = 0; $round -lt 12; $round++) {
                    foreach ($session in 'a', 'b', 'c') { Invoke-Round $session }
                    $injected = (Get-EmulatorChaos $script:Emulator).injected
                    if (-not @($injected.PSObject.Properties | Where-Object Value -EQ 0)) { break }
                }
                $script:Chaos = Get-EmulatorChaos $script:Emulator
                Stop-EmulatorChaos $script:Emulator
                # A 401 makes the password and application-credential sessions sign in again, and the token session say it cannot.
                $script:SignInsBefore = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
                $unauthorized = '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}'
                foreach ($session in 'a', 'b', 'c') {
                    Set-EmulatorFault -Emulator $script:Emulator -Route 'snapshots.detail' -Status 401 -Body $unauthorized
                    Invoke-Kept { Get-OSSnapshot -Session $session @common }
                }
                $script:SignInsAfter = Get-EmulatorRequestCount $script:Emulator 'identity.tokens'
                # A Keystone that fails outright on sign-in, and on the revocation at disconnect.
                Set-EmulatorFault -Emulator $script:Emulator -Route 'identity.tokens' -Status 500 -ProxyPage
                try { Connect-OSCloud -Cloud mycloud -Name d @settings }
                catch { $script:SignInFailure = $_; $_; $_ | Format-List * -Force | Out-String }
                Set-EmulatorFault -Emulator $script:Emulator -Route 'identity.tokens.revoke' -Status 503 -Count 5 -RetryAfter 0
                Disconnect-OSCloud -Name a, b, c @common
            } *>&1 | Out-String -Width 500
        }
        finally { Stop-Transcript | Out-Null }
        $script:Transcript = Get-Content $transcript -Raw
        $script:ErrorLog = @($Error)
        # $Error as a user digs into it: each record rendered whole, its ErrorDetails, and every exception down the chain.
        $script:ErrorText = foreach ($record in $script:ErrorLog) {
            $record | Format-List * -Force | Out-String -Width 500
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $record.ErrorDetails | Format-List * -Force | Out-String -Width 500
                $record.Exception.ToString()
                for ($e = $record.Exception; $e; $e = $e.InnerException) { $e | Format-List * -Force | Out-String -Width 500 }
            }
        }
        $script:Seen = $script:Everything + $script:Transcript + ($script:ErrorText -join "`n")
        $kinds = ($script:Chaos.injected.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.Value)" }) -join ', '
        Write-Host ("Secrets under faults: $($script:Chaos.requests) requests under chaos, injected: $kinds; " +
            "$($script:ErrorLog.Count) records in `$Error; $([math]::Round($script:Seen.Length / 1KB)) KB of text grepped")
    }
    AfterAll {
        Stop-EmulatorChaos $script:Emulator
        Get-OSSession | Disconnect-OSCloud -ErrorAction SilentlyContinue
        Restore-OSEnvironment $script:SavedEnvironment
    }

    It 'faults of every kind were injected, on Keystone too' {
        foreach ($kind in $script:Chaos.injected.PSObject.Properties) { $kind.Value | Should -BeGreaterThan 0 -Because "chaos kind $($kind.Name)" }
        $script:ErrorLog.Count | Should -BeGreaterThan 10
        $script:SignInsAfter - $script:SignInsBefore |
            Should -Be 2 -Because 'the password and application-credential sessions signed in again after the 401'
        $script:SignInFailure.FullyQualifiedErrorId | Should -Match '^OSServerError,' -Because 'a proxy page answered the sign-in with a 500'
    }

    It 'the exchanges, retries and failures were described, so the grep means something' {
        $script:Seen | Should -Match 'POST .*/auth/tokens'
        $script:Seen | Should -Match 'X-Auth-Token'
        $script:Seen | Should -Match 'application_credential|password'   # the sign-in bodies were shown, redacted
        $script:Seen | Should -Match '(?i)retry'
        $script:Seen | Should -Match 'OSServiceUnavailable|OSTimeout|OSInvalidResponse'
    }

    It 'no password, application-credential secret or token shows anywhere' {
        foreach ($secret in 'demo-secret', 'appcred-secret', $script:GivenToken) { $script:Seen | Should -Not -Match ([regex]::Escape($secret)) }
        # Every token the emulator issued (Fernet-like gAAAAA...), not only the one we know.
        [regex]::Matches($script:Seen, 'gAAAAA[A-Za-z0-9_-]{16,}').Value | Select-Object -First 1 | Should -BeNullOrEmpty
    }
}
