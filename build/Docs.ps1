# Docs: turns docs/*.md (platyPS markdown schema 2.0.0) into the help PowerShell reads, after checking every
# cmdlet page against the built cmdlets (sections, parameters, sets, syntax, yaml metadata):
#   <module>/en-US                                                         OpenStackSnapshot.dll-Help.xml (MAML)
#   <module>/en-US                                                         about_*.help.txt
# The parsing and MAML writing live in build/Maml.psm1. Any mismatch throws: a stale page fails the build.

# The real cmdlets' metadata, read in a fresh PowerShell so the build's own session never loads the module.
function Get-CommandMetadata([string] $ModuleFolder) {
    $reader = @'
$ErrorActionPreference = 'Stop'
Import-Module -Name '%MODULE%'
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'
$commands = foreach ($command in Get-Command -Module OpenStackSnapshot -CommandType Cmdlet) {
    $instance = [Activator]::CreateInstance($command.ImplementingType)
    $parameters = [ordered]@{}
    foreach ($p in $command.Parameters.Values | Where-Object Name -NotIn $common) {
        $isSwitch = $p.SwitchParameter
        $mandatoryEverywhere = @($p.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -eq 0
        $value = if ($p.Name -in 'WhatIf', 'Confirm') { $null } else { $instance.($p.Name) }
        $default = if ($isSwitch) { 'False' }
            elseif ($mandatoryEverywhere -or $null -eq $value -or ($value -is [array] -and $value.Count -eq 0)) { 'None' }
            else { [Convert]::ToString($value, [cultureinfo]::InvariantCulture) }
        $validateSet = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $parameters[$p.Name] = [ordered]@{
            Type = ([Nullable]::GetUnderlyingType($p.ParameterType) ?? $p.ParameterType).Name
            IsSwitch = $isSwitch; Aliases = @($p.Aliases); Default = $default
            Wildcards = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            AcceptedValues = @(if ($validateSet) { $validateSet.ValidValues }); Sets = [ordered]@{}
        }
    }
    $sets = foreach ($set in $command.ParameterSets) {
        foreach ($p in $set.Parameters | Where-Object Name -NotIn $common) {
            $parameters[$p.Name].Sets[$set.Name] = [ordered]@{
                Mandatory = $p.IsMandatory; Position = $p.Position
                ByValue = $p.ValueFromPipeline; ByPropertyName = $p.ValueFromPipelineByPropertyName
            }
        }
        # PowerShell's own display order (positional first), as Get-Command -Syntax and platyPS show it.
        $order = [regex]::Matches($set.ToString(), '(?<=^|[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -notin $common }
        [ordered]@{ Name = $set.Name; IsDefault = $set.IsDefault; Order = @($order) }
    }
    [ordered]@{ Name = $command.Name; Sets = @($sets); Parameters = $parameters }
}
ConvertTo-Json -InputObject @($commands) -Depth 8 -Compress
'@.Replace('%MODULE%', ($ModuleFolder -replace "'", "''"))
    $json = Invoke-FreshPwsh $reader
    @(($json -join "`n") | ConvertFrom-Json)
}

# Plain text at most 80 columns wide, as about_*.help.txt files are.
function Format-Wrapped([string] $Text, [int] $Indent, [int] $Hang = $Indent, [int] $Width = 80) {
    $lines = [Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) { $lines.Add($line); $line = ' ' * $Hang; $empty = $true }
        $line += $(if ($empty) { $word } else { " $word" }); $empty = $false
    }
    $lines.Add($line)
    $lines
}

function Format-AboutBlocks([string[]] $Lines) {
    foreach ($block in (Get-Blocks $Lines)) {
        switch ($block.Kind) {
            'text' { Format-Wrapped (ConvertTo-PlainInline ($block.Lines -join ' ')) 4 }
            'list' { foreach ($item in $block.Lines) { Format-Wrapped (ConvertTo-PlainInline ($item -replace '^([-*]|\d+\.)\s+', '- ')) 4 6 } }
            'code' { $block.Lines | ForEach-Object { ('        ' + $_).TrimEnd() } }
            'table' {
                $rows = @($block.Lines | Where-Object { $_ -notmatch '^\|[\s:|-]+\|$' } | ForEach-Object {
                    , @(($_.Trim().Trim('|') -split '\|') | ForEach-Object { ConvertTo-PlainInline $_.Trim() })
                })
                $widths = @(0..($rows[0].Count - 1) | ForEach-Object {
                    $i = $_; ($rows | ForEach-Object { $_[$i].Length } | Measure-Object -Maximum).Maximum
                })
                if ((($widths | Measure-Object -Sum).Sum + 2 * $widths.Count + 4) -le 80) {
                    foreach ($row in $rows) {
                        ('    ' + ((0..($row.Count - 1) | ForEach-Object { $row[$_].PadRight($widths[$_]) }) -join '  ')).TrimEnd()
                    }
                }
                else {   # too wide: a row per entry, as Get-Help lists parameters: the first cells, the last wrapped beneath
                    foreach ($row in @($rows | Select-Object -Skip 1)) {
                        '    ' + ($row[0..($row.Count - 2)] -join ', ')
                        Format-Wrapped $row[-1] 8
                    }
                }
            }
        }
        ''
    }
}

# An about topic in the PowerShell-Docs / platyPS 2 schema: # about_X, then ## Short description,
# ## Long description, any ## or ### subtopics, and ## See also.
function ConvertTo-AboutText([string] $Path) {
    $doc = Read-Markdown $Path
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    $top = @($doc.Root.Children)
    if ($top.Count -ne 1 -or $top[0].Title -ne $name) { throw "$($name).md: expected one # heading '$name'" }
    foreach ($required in 'Short description', 'Long description', 'See also') {
        if (-not ($top[0].Children | Where-Object Title -EQ $required)) { throw "$($name).md: missing '## $required'" }
    }
    $text = [Collections.Generic.List[string]]::new()
    $text.Add('TOPIC'); $text.Add("    $name"); $text.Add('')
    foreach ($section in $top[0].Children) {
        $text.Add($section.Title.ToUpperInvariant())
        foreach ($line in (Format-AboutBlocks $section.Lines)) { $text.Add($line) }
        foreach ($sub in $section.Children) {
            $text.Add('  ' + $sub.Title)
            foreach ($line in (Format-AboutBlocks $sub.Lines)) { $text.Add($line) }
        }
    }
    ($text -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine
}

function Invoke-Docs {
    param([Parameter(Mandatory)] [string] $OutputFolder)
    Write-Host '== Docs' -ForegroundColor Cyan
    $docs = Join-Path (Split-Path -Parent $PSScriptRoot) 'docs'
    Import-Module (Join-Path $PSScriptRoot 'Maml.psm1') -Force
    $commands = Get-CommandMetadata $OutputFolder
    if (-not $commands) { throw "No cmdlets found in $OutputFolder." }
    # A cmdlet's page is named Verb-Noun.md; about_*.md are topics and other pages (performance.md) are not help.
    $pages = @(Get-ChildItem $docs -Filter '*-*.md' | Where-Object Name -NotLike 'about_*' | Sort-Object Name)
    $help = foreach ($page in $pages) {
        $parsed = ConvertFrom-CommandMarkdown $page.FullName
        if ($parsed.Meta['external help file'] -ne 'OpenStackSnapshot.dll-Help.xml' -or $parsed.Meta['Module Name'] -ne 'OpenStackSnapshot') {
            throw "$($page.Name): the front matter must name 'external help file: OpenStackSnapshot.dll-Help.xml' " +
                "and 'Module Name: OpenStackSnapshot'"
        }
        $command = $commands | Where-Object Name -EQ $parsed.Name
        if (-not $command) { throw "$($page.Name) documents $($parsed.Name), which the module does not export." }
        Assert-HelpMatchesCommand $parsed $command
        $parsed
    }
    foreach ($command in $commands) { if ($command.Name -notin @($help.Name)) { throw "$($command.Name) has no docs/$($command.Name).md." } }

    $xml = ConvertTo-Maml $help $commands
    $utf8 = [Text.UTF8Encoding]::new($false)
    # Beside OpenStackSnapshot.dll, the root module, where PowerShell looks for a binary module's help.
    $target = Join-Path $OutputFolder 'en-US'
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    [IO.File]::WriteAllText((Join-Path $target 'OpenStackSnapshot.dll-Help.xml'), $xml, $utf8)
    foreach ($about in Get-ChildItem $docs -Filter 'about_*.md') {
        [IO.File]::WriteAllText((Join-Path $target "$($about.BaseName).help.txt"), (ConvertTo-AboutText $about.FullName), $utf8)
    }
    Write-Host "Help for $(@($help).Count) cmdlets and $(@(Get-ChildItem $docs -Filter 'about_*.md').Count) about topic(s) written to $OutputFolder"
}
