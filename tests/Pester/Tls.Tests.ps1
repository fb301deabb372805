# TLS against the emulator on HTTPS with a self-signed certificate made here: refused by default (OSTlsFailure
# naming the host and the reason), trusted through a CA bundle, or not checked at all with a warning.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Folder = New-TestFolder 'oss-tls'
    $script:CertPath = Join-Path $script:Folder 'emulator.pem'
    $script:KeyPath = Join-Path $script:Folder 'emulator.key'
    $key = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        'CN=127.0.0.1', $key, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $names = [System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder]::new()
    $names.AddIpAddress([ipaddress]'127.0.0.1')
    $request.CertificateExtensions.Add($names.Build())
    $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
    $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(1))
    Set-Content -Path $script:CertPath -Value $certificate.ExportCertificatePem()
    Set-Content -Path $script:KeyPath -Value $key.ExportRSAPrivateKeyPem()
    $script:Emulator = Start-Emulator -ArgumentList '--tls-cert', $script:CertPath, '--tls-key', $script:KeyPath
    $script:SavedEnvironment = Clear-OSEnvironment
}
AfterAll {
    Stop-Emulator $script:Emulator
    Restore-OSEnvironment $script:SavedEnvironment
    Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Certificates' {
    It 'serves HTTPS' {
        $script:Emulator.AuthUrl | Should -BeLike 'https://127.0.0.1:*'
    }

    It 'refuses an untrusted certificate by default: terminating OSTlsFailure naming the host and the reason' {
        $record = $null
        try { Connect-TestCloud $script:Emulator -Extra @{ MaximumRetryCount = 0 } } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSTlsFailure,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.CategoryInfo.Category | Should -Be 'SecurityError'
        $port = ([uri]$script:Emulator.AuthUrl).Port
        $record.Exception.Message | Should -Match "TLS connection to 127\.0\.0\.1:$port failed"
        $record.Exception.Message | Should -Match 'not trusted'
        $record.ErrorDetails.RecommendedAction | Should -Match 'CACertificatePath'
        Write-Host "    default:      $($record.FullyQualifiedErrorId.Split(',')[0]): $($record.Exception.Message)"
    }

    It 'trusts the server through a CA bundle (-CACertificatePath, cacert, OS_CACERT)' {
        $session = Connect-TestCloud $script:Emulator -Extra @{ CACertificatePath = $script:CertPath }
        @(Get-OSSnapshot -Session $session).Count | Should -Be 0
        $env:OS_CACERT = $script:CertPath
        try { (Connect-TestCloud $script:Emulator).CertificateCheckSkipped | Should -BeFalse } finally { $env:OS_CACERT = $null }
        Write-Host "    CA bundle:    connected to $($session.ComputeUrl), listed $(@(Get-OSSnapshot -Session $session).Count) snapshots"
    }

    It 'reads a relative cacert of clouds.yaml from the current directory, as the CLI does' {
        $clouds = Join-Path $script:Folder 'clouds.yaml'
        "clouds:`n  tls:`n    auth: {auth_url: '$($script:Emulator.AuthUrl)', username: demo, password: demo-secret, project_name: demo}`n" +
            "    cacert: emulator.pem`n" | Set-Content $clouds
        $env:OS_CLIENT_CONFIG_FILE = $clouds
        Push-Location $script:Folder
        try {
            (Get-OSCloudConfig -Cloud tls).CACertificatePath | Should -Be $script:CertPath
            (Connect-OSCloud -Cloud tls).Name | Should -Be 'tls'
        }
        finally { Pop-Location; $env:OS_CLIENT_CONFIG_FILE = $null }
    }

    It 'refuses an OS_INSECURE that is neither true nor false' {
        $env:OS_INSECURE = 'maybe'
        try {
            { Connect-TestCloud $script:Emulator } | Should -Throw -ErrorId 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        }
        finally { $env:OS_INSECURE = $null }
    }

    It 'refuses a CA bundle that did not issue the certificate' {
        $other = Join-Path $script:Folder 'other.pem'
        $otherKey = [System.Security.Cryptography.RSA]::Create(2048)
        $otherRequest = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
            'CN=Someone Else', $otherKey, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $otherCertificate = $otherRequest.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(1))
        Set-Content -Path $other -Value $otherCertificate.ExportCertificatePem()
        { Connect-TestCloud $script:Emulator -Extra @{ CACertificatePath = $other; MaximumRetryCount = 0 } } |
            Should -Throw -ErrorId 'OSTlsFailure,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
    }

    It 'says so when the CA bundle cannot be read' {
        $record = $null
        try { Connect-TestCloud $script:Emulator -Extra @{ CACertificatePath = (Join-Path $script:Folder 'missing.pem') } } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
        $record.Exception.Message | Should -Match 'missing\.pem could not be read'
    }

    It 'skips the check only when asked, and warns once for the session' {
        $warnings = $null
        $connect = @{
            AuthUrl = $script:Emulator.AuthUrl; Credential = New-TestCredential; ProjectName = 'demo'; SkipCertificateCheck = $true
            WarningVariable = 'warnings'; WarningAction = 'SilentlyContinue'
        }
        $session = Connect-OSCloud @connect
        $session.CertificateCheckSkipped | Should -BeTrue
        @($warnings) | Should -HaveCount 1
        "$($warnings[0])" | Should -Match 'does not check the certificate'
        $more = $null
        Get-OSSnapshot -Session $session -WarningVariable more -WarningAction SilentlyContinue | Out-Null
        @($more) | Should -HaveCount 0
        Write-Host "    skip check:   connected, warning: $($warnings[0])"
    }

    It 'honours OS_INSECURE' {
        $env:OS_INSECURE = 'true'
        try { (Connect-TestCloud $script:Emulator -Extra @{ WarningAction = 'SilentlyContinue' }).CertificateCheckSkipped | Should -BeTrue }
        finally { $env:OS_INSECURE = $null }
    }

    It 'loads a PEM client certificate and key (cert, key)' {
        $pem = @{ CACertificatePath = $script:CertPath; ClientCertificatePath = $script:CertPath; ClientKeyPath = $script:KeyPath }
        $session = Connect-TestCloud $script:Emulator -Extra $pem
        $session | Should -Not -BeNullOrEmpty
        $record = $null
        try { Connect-TestCloud $script:Emulator -Extra @{ CACertificatePath = $script:CertPath; ClientCertificatePath = $script:KeyPath } }
        catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -Be 'OSInvalidConfiguration,OpenStackSnapshot.Commands.ConnectOSCloudCommand'
    }
}
