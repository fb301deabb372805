BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')

    # Runs one of Isolation/*.ps1 in a fresh pwsh (from the repo root, where the tool manifest is); fails on its exit code.
    function Invoke-FreshPwsh([string] $Script, [hashtable] $Arguments) {
        $file = Join-Path $PSScriptRoot "Isolation/$Script"
        $passed = @($Arguments.GetEnumerator() | ForEach-Object { "-$($_.Key)"; "$($_.Value)" })
        Push-Location $script:RepoRoot
        try { $output = & dotnet pwsh -NoProfile -NonInteractive -File $file @passed 2>&1 | ForEach-Object { "$_" } }
        finally { Pop-Location }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output
    }
}

Describe 'The module' {
    It 'exports <Name> with an [OutputType]' -ForEach @(
        @{ Name = 'Connect-OSCloud'; Output = 'OpenStackSnapshot.Client.OpenStackSession' }
        @{ Name = 'New-OSSnapshot'; Output = 'OpenStackSnapshot.Client.Models.Snapshot' }
    ) {
        $command = Get-Command -Module OpenStackSnapshot -Name $Name
        $command.CommandType | Should -Be 'Cmdlet'
        $command.OutputType.Name | Should -Contain $Output
    }

    It 'lists exactly the cmdlets of its manifest' {
        $manifest = Test-ModuleManifest (Join-Path $script:ModulePath 'OpenStackSnapshot.psd1')
        (Get-Command -Module OpenStackSnapshot).Name | Sort-Object | Should -Be ($manifest.ExportedCmdlets.Keys | Sort-Object)
    }

    It 'is autoloaded by several ForEach-Object -Parallel runspaces at once' {
        # A manifest whose RootModule depends on $PSEdition made some of them fail with CommandNotFoundException.
        foreach ($run in 1..3) { Invoke-FreshPwsh 'ParallelAutoload.ps1' @{ ModulePath = $script:ModulePath } | Should -Be 'ok ok ok ok' }
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module OpenStackSnapshot) { $approved | Should -Contain $command.Verb }
    }

    It 'marks New-OSSnapshot as SupportsShouldProcess with Medium impact' {
        $attribute = (Get-Command New-OSSnapshot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'Medium'
    }

    It 'loads the client and its dependencies in a private load context' {
        $client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OpenStackSnapshot.Client' }
        $client | Should -Not -BeNullOrEmpty
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($client).Name | Should -Be 'OpenStackSnapshot.Dependencies'
    }

    It 'has a cmdlet assembly that names nothing but netstandard, PowerShell and the client, so Windows PowerShell can load it' {
        $stream = [IO.File]::OpenRead((Join-Path $script:ModulePath 'OpenStackSnapshot.dll'))
        try {
            $peReader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($peReader)
            $names = @(foreach ($handle in $reader.AssemblyReferences) { $reader.GetString($reader.GetAssemblyReference($handle).Name) })
        }
        finally { $stream.Dispose() }
        $names | Sort-Object | Should -Be @('netstandard', 'OpenStackSnapshot.Client', 'System.Management.Automation')
    }

    It 'has cmdlets that use only the API-neutral contract, never a Compute or BlockStorage type' {
        $stream = [IO.File]::OpenRead((Join-Path $script:ModulePath 'OpenStackSnapshot.dll'))
        try {
            $peReader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($peReader)
            $namespaces = @(foreach ($handle in $reader.TypeReferences) { $reader.GetString($reader.GetTypeReference($handle).Namespace) }) |
                Sort-Object -Unique
        }
        finally { $stream.Dispose() }
        $namespaces | Should -Contain 'OpenStackSnapshot.Client.Snapshots'   # the check reads the client's namespaces at all
        $namespaces | Where-Object { $_ -match '^OpenStackSnapshot\.Client\.(Compute|BlockStorage)\b' } | Should -BeNullOrEmpty
    }

    It 'tells the editions apart by the runtime it runs on' {
        $loader = (Get-Command Get-OSSession).ImplementingType.Assembly.GetType('OpenStackSnapshot.Loading.ModuleLoader')
        $isDesktop = $loader.GetMethod('IsDesktopRuntime', [Reflection.BindingFlags]'NonPublic, Static')
        $isDesktop.Invoke($null, @('.NET Framework 4.8.9290.0')) | Should -BeTrue
        $isDesktop.Invoke($null, @('.NET 8.0.11')) | Should -BeFalse
        $isDesktop.Invoke($null, @([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription)) | Should -BeFalse
    }

    It 'is one assembly named as a constant RootModule, so no script is compiled at import' {
        $manifest = Import-PowerShellDataFile (Join-Path $script:ModulePath 'OpenStackSnapshot.psd1')
        $manifest.RootModule | Should -Be 'OpenStackSnapshot.dll'
        $manifest.ContainsKey('FormatsToProcess') | Should -BeFalse
        Get-ChildItem $script:ModulePath -Recurse -Include '*.ps1', '*.psm1' | Should -BeNullOrEmpty
    }

    It 'brings its views into a runspace when a cmdlet first runs there, not at import, and into each parallel runspace' {
        Invoke-FreshPwsh 'FormatsOnFirstUse.ps1' @{ ModulePath = $script:ModulePath } | Should -Be @(
            'views after import: 0'
            'views after the first cmdlet: 1'
            'views after Remove-Module and import again: 1'
            'views in parallel runspaces: 1 1 1 1'
        )
    }

    It 'keeps every source line within 150 characters' {
        # Issue 22: a longer line is hard to read in a diff or side by side; break it as the code around it is broken.
        $root = $script:RepoRoot
        $files = @(Join-Path $root 'build.ps1') + @(
            foreach ($folder in 'src', 'tests', 'build', 'examples', 'tools') {
                Get-ChildItem (Join-Path $root $folder) -Recurse -File -Include '*.cs', '*.ps1', '*.psm1', '*.psd1' |
                    Where-Object { $_.FullName.Substring($root.Length) -notmatch '[\\/](obj|bin)[\\/]' } |
                    ForEach-Object FullName
            })
        $files.Count | Should -BeGreaterThan 100 -Because 'the sources must be found at all'
        $long = @(foreach ($file in $files) {
                $number = 0
                foreach ($line in [IO.File]::ReadAllLines($file)) {
                    $number++
                    if ($line.Length -gt 150) { '{0}:{1} ({2} characters)' -f $file.Substring($root.Length + 1), $number, $line.Length }
                }
            })
        $long | Should -BeNullOrEmpty -Because "no line may be longer than 150 characters: $($long -join ', ')"
    }
}

Describe 'Loading beside older copies of its dependencies' {
    It 'creates a snapshot in a fresh pwsh that loaded Microsoft.Extensions.Http/Primitives/Options 8.0 first' {
        $emulator = Start-Emulator
        try {
            $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
            $parameters = @{ ModulePath = $script:ModulePath; AuthUrl = $emulator.AuthUrl; PackageRoot = $packages.Trim() }
            $output = Invoke-FreshPwsh 'ImportAfterOlderDependencies.ps1' $parameters
            $output | Should -Contain 'preloaded Microsoft.Extensions.Http 8.0.0.0'
            $output | Should -Contain "created on volume $script:VolumeAvailable"
        }
        finally { Stop-Emulator $emulator }
    }
}

Describe 'Module lifecycle' {
    It 'Remove-Module unhooks the resolver and closes the sessions; importing again works in the same process' {
        $emulator = Start-Emulator
        try {
            $parameters = @{ ModulePath = $script:ModulePath; AuthUrl = $emulator.AuthUrl; VolumeId = $script:VolumeAvailable }
            $output = Invoke-FreshPwsh 'RemoveAndImportAgain.ps1' $parameters
            $output | Should -Be @(
                'hooked after import: True'
                'hooked after remove: False'
                'session closed after remove: True, the one it took the name from: True'
                'hooked after import again: True'
                'sessions after import again: 0'
                "created again on volume $script:VolumeAvailable"
                'closed by a second Remove-Module: True'
            )
        }
        finally { Stop-Emulator $emulator }
    }
}

Describe 'The Windows PowerShell 5.1 build' {
    It 'is the one netstandard2.0 cmdlet assembly, with the client and its dependencies built for .NET Framework 4.7.2' {
        $cmdlets = [IO.File]::ReadAllBytes((Join-Path $script:ModulePath 'OpenStackSnapshot.dll'))
        [Text.Encoding]::UTF8.GetString($cmdlets) | Should -Match '\.NETStandard,Version=v2\.0'
        $client = [IO.File]::ReadAllBytes((Join-Path $script:ModulePath 'dependencies/Desktop/OpenStackSnapshot.Client.dll'))
        [Text.Encoding]::UTF8.GetString($client) | Should -Match '\.NETFramework,Version=v4\.7\.2'
    }

    It 'answers AssemblyResolve only for its own dependencies, and only when one of its assemblies asks' {
        $output = Invoke-FreshPwsh 'DesktopResolver.ps1' @{ ModulePath = $script:ModulePath }
        $output | Should -Be @(
            'ours asks for a dependency: Desktop/Microsoft.Extensions.Http'
            'a dependency asks for another: Desktop/Polly.Core'
            'another module asks for the same name: null'
            'nobody says who asks: null'
            'ours asks for a name not in dependencies/Desktop: null'
        )
    }
}
