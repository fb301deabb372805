# Secrets read from files and the environment never appear in any stream, error, -Debug text, transcript,
# Get-OSCloudConfig, Get-OSSession or ConvertTo-Json: everything a user could see is gathered and grepped.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
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
                foreach ($cloud in 'mycloud', 'appcloud', 'tokencloud') { Get-OSCloudConfig -Cloud $cloud | Format-List * | Out-String; Get-OSCloudConfig -Cloud $cloud | ConvertTo-Json -Depth 5 }
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
