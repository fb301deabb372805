# Help: Get-Help shows what docs/*.md says (not PowerShell's generated stub), and every example in it runs
# against the emulator. An example that shows a failure ends its failing line with "# expected error: <ErrorId>"
# and must fail with exactly that ErrorId; every other example must run without any error.
BeforeDiscovery {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $modulePath = if ($env:OSS_MODULE_PATH) { $env:OSS_MODULE_PATH } else { Join-Path $repoRoot 'out/OpenStackSnapshot' }
    Import-Module $modulePath -Force
    $commands = @(Get-Command -Module OpenStackSnapshot -CommandType Cmdlet | Sort-Object Name)
    $script:CommandCases = @($commands | ForEach-Object { @{ Command = $_.Name } })
    # The examples as Get-Help shows them, so it is the built help that is run, not the markdown.
    $script:ExampleCases = @(foreach ($command in $commands) {
            foreach ($example in @((Get-Help $command.Name).examples.example)) {
                if ($null -eq $example) { continue }
                @{ Command = $command.Name; Title = $example.title.Trim(' -'); Code = $example.code }
            }
        })
    # Every ErrorId the module can write, from the one place that defines them.
    $errorMap = Get-Content (Join-Path $repoRoot 'src/OpenStackSnapshot/Errors/ErrorMap.cs') -Raw
    $script:ErrorCases = @([regex]::Matches($errorMap, 'new Entry\("(\w+)", ErrorCategory\.(\w+), (true|false)[,)]') | ForEach-Object {
            $reach = if ($_.Groups[3].Value -eq 'true') { 'terminating' } else { 'per item' }
            @{ ErrorId = $_.Groups[1].Value; Category = $_.Groups[2].Value; Reach = $reach }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    $script:Emulator = Start-Emulator
    $script:DocsPath = Join-Path $script:RepoRoot 'docs'
    # Get-Help -Online opens a page of docs/ in the repository the manifest names, on its main branch.
    $projectUri = (Import-PowerShellDataFile (Join-Path $script:RepoRoot 'OpenStackSnapshot.psd1')).PrivateData.PSData.ProjectUri
    $script:OnlineDocs = "$($projectUri.TrimEnd('/'))/blob/main/docs"

    # The value of a key of a markdown page's front matter.
    function Get-FrontMatterValue([string] $Path, [string] $Key) {
        $match = [regex]::Match((Get-Content $Path -Raw), '(?s)\A---\r?\n(.*?)\r?\n---')
        if (-not $match.Success) { throw "$Path has no front matter" }
        $line = $match.Groups[1].Value -split '\r?\n' | Where-Object { $_ -match "^$([regex]::Escape($Key)):" } | Select-Object -First 1
        if (-not $line) { throw "$Path's front matter has no '$Key'" }
        ($line -replace "^$([regex]::Escape($Key)):", '').Trim()
    }

    # The text of a "## Heading" section of a markdown page, up to the next "## " heading.
    function Get-MarkdownSection([string] $Path, [string] $Heading) {
        $text = Get-Content $Path -Raw
        $match = [regex]::Match($text, '(?ms)^## ' + [regex]::Escape($Heading) + '[ \t]*\r?\n(.*?)(?=^## |\z)')
        if (-not $match.Success) { throw "$Path has no '## $Heading'" }
        $match.Groups[1].Value.Trim()
    }

    # Markdown's first paragraph as Get-Help shows it: one line, no code-span backticks.
    function ConvertTo-HelpText([string] $Markdown) {
        $first = ($Markdown -split '\r?\n\s*\r?\n')[0]
        (($first -replace '`', '') -split '\s*\r?\n\s*') -join ' '
    }
}
AfterAll { Stop-Emulator $script:Emulator }

Describe 'Get-Help <Command>' -ForEach $script:CommandCases {
    BeforeAll {
        $script:Page = Join-Path $script:DocsPath "$Command.md"
        $script:Help = Get-Help $Command -Full
    }

    It 'has its page in docs/' {
        $script:Page | Should -Exist
    }

    It 'shows the synopsis from the docs, not the generated stub' {
        $script:Help.Synopsis | Should -Be (ConvertTo-HelpText (Get-MarkdownSection $script:Page 'SYNOPSIS'))
    }

    It 'shows the description from the docs' {
        $script:Help.description | Should -Not -BeNullOrEmpty
        # The build breaks the text into lines that fit an 80-column console: compare the words.
        ($script:Help.description[0].Text -replace '\s+', ' ').Trim() |
            Should -Be (ConvertTo-HelpText (Get-MarkdownSection $script:Page 'DESCRIPTION'))
    }

    It 'sends Get-Help -Online to its own page in the repository, which exists' {
        $uri = "$script:OnlineDocs/$Command.md"
        (Get-Command $Command).HelpUri | Should -Be $uri -Because 'the cmdlet attribute''s HelpUri is the fallback of Get-Help -Online'
        Get-FrontMatterValue $script:Page 'online version' | Should -Be $uri
        # Get-Help -Online opens the first related link that has a URI: the page's online version.
        $first = @($script:Help.relatedLinks.navigationLink | Where-Object { $_.uri }) | Select-Object -First 1
        $first.uri | Should -Be $uri
        $script:Page | Should -Exist
    }

    It 'has examples, as many as the docs' {
        $documented = [regex]::Matches((Get-Content $script:Page -Raw), '(?m)^### Example \d+: ').Count
        $documented | Should -BeGreaterThan 0
        @($script:Help.examples.example).Count | Should -Be $documented
    }

    It 'shows one syntax per parameter set' {
        @($script:Help.syntax.syntaxItem).Count | Should -Be (Get-Command $Command).ParameterSets.Count
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $names = (Get-Command $Command).Parameters.Keys | Where-Object { $_ -notin $common }
        foreach ($name in $names) {
            $text = ((Get-Help $Command -Parameter $name).description.Text -join ' ').Trim()
            $text | Should -Not -BeNullOrEmpty -Because "-$name of $Command needs a description"
        }
    }
}

Describe 'Get-Help about_OpenStackSnapshot' {
    BeforeAll {
        $script:AboutPage = Join-Path $script:DocsPath 'about_OpenStackSnapshot.md'
        $script:About = Get-Help about_OpenStackSnapshot | Out-String
    }

    It 'is found and shows the short description from the docs' {
        $script:About | Should -Match 'about_OpenStackSnapshot'
        $short = ConvertTo-HelpText (Get-MarkdownSection $script:AboutPage 'Short description')
        ($script:About -replace '\s+', ' ') | Should -Match ([regex]::Escape($short))
    }

    It 'names its own page in the repository as its online version' {
        $uri = "$script:OnlineDocs/about_OpenStackSnapshot.md"
        Get-FrontMatterValue $script:AboutPage 'online version' | Should -Be $uri
        $because = 'about topics are text files, which Get-Help -Online cannot open: the address is shown instead'
        ($script:About -replace '\s+', '') | Should -Match ([regex]::Escape($uri)) -Because $because
    }

    It 'understands every entry of ErrorMap.cs (so none escapes the next test)' {
        $errorMap = Get-Content (Join-Path $script:RepoRoot 'src/OpenStackSnapshot/Errors/ErrorMap.cs') -Raw
        $entries = [regex]::Matches($errorMap, 'new Entry\(').Count
        $entries | Should -BeGreaterThan 0
        [regex]::Matches($errorMap, 'new Entry\("(\w+)", ErrorCategory\.(\w+), (true|false)[,)]').Count | Should -Be $entries
    }

    It 'documents <ErrorId> as <Category>, <Reach>, as ErrorMap.cs defines it' -ForEach $script:ErrorCases {
        Get-Content $script:AboutPage -Raw | Should -Match "(?m)^\| $ErrorId \| $Category \| $Reach \| \S"
        $script:About | Should -Match "\b$ErrorId\b"
    }
}

Describe 'The examples of the help' {
    BeforeAll {
        # What a user types at Get-Credential's prompt for the seeded accounts (emulator README); nothing prompts.
        $script:SeededSecrets = @{
            demo = 'demo-secret'; reader = 'reader-secret'; tiny = 'tiny-secret'; admin = 'admin-secret'
            $script:AppCredentialId = 'appcred-secret'
        }
        function Get-Credential {
            param([Parameter(Position = 0)] [string] $UserName = 'demo', [string] $Message, [string] $Title)
            if (-not $script:SeededSecrets.ContainsKey($UserName)) { throw "The emulator has no account '$UserName'." }
            New-TestCredential $UserName $script:SeededSecrets[$UserName]
        }
        # The variables an unattended runbook gets, as the openstack client reads them.
        $script:SavedEnvironment = @{}
        $runbook = @{
            OS_AUTH_URL = $script:Emulator.AuthUrl; OS_APPLICATION_CREDENTIAL_ID = $script:AppCredentialId
            OS_APPLICATION_CREDENTIAL_SECRET = 'appcred-secret'
        }
        # The clouds the examples name (mycloud, prod), in the clouds.yaml and secure.yaml that about_OpenStackSnapshot
        # shows, found through OS_CLIENT_CONFIG_FILE and OS_CLIENT_SECURE_FILE as the openstack client finds them.
        $configFolder = Join-Path $TestDrive 'openstack'
        New-Item -ItemType Directory -Path $configFolder -Force | Out-Null
        $runbook.OS_CLIENT_CONFIG_FILE = Join-Path $configFolder 'clouds.yaml'
        $runbook.OS_CLIENT_SECURE_FILE = Join-Path $configFolder 'secure.yaml'
        Set-Content -Path $runbook.OS_CLIENT_CONFIG_FILE -Value @"
clouds:
  mycloud:
    auth:
      auth_url: $($script:Emulator.AuthUrl)
      username: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
  prod:
    auth_type: v3applicationcredential
    auth:
      auth_url: $($script:Emulator.AuthUrl)
      application_credential_id: $($script:AppCredentialId)
    regions:
      - RegionOne
      - RegionTwo
    api_timeout: 30
"@
        Set-Content -Path $runbook.OS_CLIENT_SECURE_FILE -Value @"
clouds:
  mycloud:
    auth:
      password: demo-secret
  prod:
    auth:
      application_credential_secret: appcred-secret
"@
        # The runspaces of ForEach-Object -Parallel load the module by name, as they load an installed one.
        $runbook.PSModulePath = (Split-Path -Parent $script:ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
        foreach ($name in $runbook.Keys) {
            $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $runbook[$name])
        }
    }
    AfterAll {
        foreach ($name in $script:SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name]) }
    }

    BeforeEach {
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        # The snapshots the examples that read or delete expect to find.
        New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly-data-01 | Out-Null
        New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name nightly-data-02 | Out-Null
        New-OSSnapshot -VolumeId $script:VolumeAvailable3 -Name before-upgrade -Description 'Taken before the 2.0 upgrade' | Out-Null
    }

    It '<Command>: <Title>' -ForEach $script:ExampleCases {
        $Code | Should -Not -Match '^\s*PS [A-Z]:\\>' -Because 'examples hold commands only, without a prompt'
        $expected = if ($Code -match '#\s*expected error:\s*(\w+)') { $Matches[1] }
        $block = [scriptblock]::Create($Code.Replace('https://keystone.example:5000/v3', $script:Emulator.AuthUrl))
        $credential = New-TestCredential
        $ConfirmPreference = 'None'
        $ProgressPreference = 'SilentlyContinue'
        $failure = $null
        $ErrorActionPreference = 'Stop'
        # Examples set OS_* variables ($env:OS_CLOUD = ...): each one starts from the same environment.
        $environment = @(Get-ChildItem env: | Where-Object Name -Like 'OS_*')
        # A child scope, so the example's own variables cannot overwrite the test's; the output is formatted too.
        try { $null = & $block 3>$null 4>$null 5>$null 6>$null | Out-String }
        catch { $failure = $_ }
        finally {
            $ErrorActionPreference = 'Continue'
            Get-ChildItem env: | Where-Object { $_.Name -like 'OS_*' -and $_.Name -notin $environment.Name } |
                ForEach-Object { Remove-Item "env:$($_.Name)" }
            foreach ($variable in $environment) { Set-Item "env:$($variable.Name)" $variable.Value }
        }

        if ($expected) {
            $failure | Should -Not -BeNullOrEmpty -Because "the example says it fails with $expected"
            $failure.FullyQualifiedErrorId | Should -BeLike "$expected,*" -Because "the example says it fails with $expected ($failure)"
        }
        else {
            $because = "the example must run without errors, but it failed with $($failure.FullyQualifiedErrorId): $failure"
            $failure | Should -BeNullOrEmpty -Because $because
        }
    }
}
