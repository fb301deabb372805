# Which API a session uses (issue 12 part 1): -Api, snapshot_api and OS_SNAPSHOT_API, what the session shows, and the
# advice an error gets when another API can do what this one could not. What a BlockStorage session does is in
# the BlockStorage*.Tests.ps1, SetOSSnapshot and ComputeRefusals files.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Choosing the API' {
    AfterEach { [Environment]::SetEnvironmentVariable('OS_SNAPSHOT_API', $null) }

    It 'uses Compute by default, and the session says so' {
        $session = Connect-TestCloud $script:Emulator
        $session.Api | Should -Be 'Compute'
        $session.EndpointUrl | Should -Be $session.ComputeUrl
        $session.BlockStorageUrl | Should -BeNullOrEmpty
        $session.ComputeApiVersion | Should -Be '2.1'
        (Get-OSSession -Default | Format-List | Out-String) | Should -Match 'ApiVersion\s*:\s*compute 2\.1'
    }

    It 'lets -Api win over OS_SNAPSHOT_API' {
        [Environment]::SetEnvironmentVariable('OS_SNAPSHOT_API', 'block-storage')
        (Connect-TestCloud $script:Emulator -Extra @{ Api = 'Compute' }).Api | Should -Be 'Compute'
    }

    It 'refuses an -Api it does not know at binding' {
        $record = Get-OneError { Connect-TestCloud $script:Emulator -Extra @{ Api = 'Cinder' } }
        $record.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
    }

    It 'reports an OS_SNAPSHOT_API it does not know as OSInvalidConfiguration, naming the variable' {
        [Environment]::SetEnvironmentVariable('OS_SNAPSHOT_API', 'cinder')
        $record = Get-OneError { Connect-TestCloud $script:Emulator }
        $record.FullyQualifiedErrorId | Should -BeLike 'OSInvalidConfiguration,*'
        $record.Exception.Message | Should -Match "OS_SNAPSHOT_API.*'cinder' is not compute or block-storage"
    }
}

Describe 'Advice that names the other API' {
    BeforeAll {
        $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenStackSnapshot' } | Select-Object -First 1
        $flags = [Reflection.BindingFlags]'Public, NonPublic, Static'
        $script:ToRecord = $assembly.GetType('OpenStackSnapshot.Errors.ErrorMap').GetMethod('ToRecord', $flags)
        # The client's types live in the module's private load context: reached through the method's signature.
        $script:ExceptionType = $script:ToRecord.GetParameters()[0].ParameterType
        $kindType = $script:ExceptionType.GetProperty('Kind').PropertyType
        $script:NewError = {
            param([string] $Kind, [string] $BetterApi)
            $ctor = $script:ExceptionType.GetConstructor([type[]]@($kindType, [string], [string]))
            $failure = $ctor.Invoke(@([Enum]::Parse($kindType, $Kind), 'The proxy is off.', 'Check the endpoint.'))
            if ($BetterApi) {
                $apiType = [Nullable]::GetUnderlyingType($script:ExceptionType.GetProperty('BetterApi').PropertyType)
                $script:ExceptionType.GetProperty('BetterApi').SetValue($failure, [Enum]::Parse($apiType, $BetterApi))
            }
            $failure
        }
    }

    It 'adds "-Api BlockStorage" after the client''s advice when block storage can do it' {
        $record = $script:ToRecord.Invoke($null, @((& $script:NewError 'ApiNotAvailable' 'BlockStorage'), $null))
        $record.ErrorDetails.RecommendedAction | Should -BeLike 'Check the endpoint. *Connect-OSCloud -Api BlockStorage*'
        $record.FullyQualifiedErrorId | Should -Be 'OSApiNotAvailable'
    }

    It 'adds nothing when no other API is known to do it' {
        $record = $script:ToRecord.Invoke($null, @((& $script:NewError 'ApiNotAvailable' $null), $null))
        $record.ErrorDetails.RecommendedAction | Should -Be 'Check the endpoint.'
    }
}
