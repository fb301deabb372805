# Reads cmdlet help written in platyPS's markdown schema (2.0.0) and about topics, checks them against the
# real cmdlets, and writes MAML (OpenStackSnapshot.dll-Help.xml) and about_*.help.txt. No external modules.
Set-StrictMode -Version 3.0

$script:CmdletSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$script:YamlKeys = 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters'

function Fail([string] $File, [string] $Message) { throw "$([IO.Path]::GetFileName($File)): $Message" }

# Front matter and a tree of headings: every node has Level, Title, Lines (its own text) and Children.
# Lines inside ``` fences are never headings.
function Read-Markdown([string] $Path) {
    $lines = [IO.File]::ReadAllLines($Path)
    $meta = [ordered]@{}
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        for ($i = 1; $i -lt $lines.Count -and $lines[$i] -ne '---'; $i++) {
            if ($lines[$i] -match '^([^:]+):\s*(.*)$') { $meta[$Matches[1].Trim()] = $Matches[2].Trim() }
        }
        if ($i -ge $lines.Count) { Fail $Path 'the front matter is not closed with ---' }
        $i++
    }
    $root = [pscustomobject]@{
        Level = 0; Title = ''; Lines = [Collections.Generic.List[string]]::new(); Children = [Collections.Generic.List[object]]::new()
    }
    $stack = [Collections.Generic.List[object]]::new(); $stack.Add($root)
    $fenced = $false
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^\s*```') { $fenced = -not $fenced }
        if (-not $fenced -and $line -match '^(#{1,3})\s+(.+?)\s*$') {
            $node = [pscustomobject]@{
                Level = $Matches[1].Length; Title = $Matches[2]
                Lines = [Collections.Generic.List[string]]::new(); Children = [Collections.Generic.List[object]]::new()
            }
            while ($stack[-1].Level -ge $node.Level) { $stack.RemoveAt($stack.Count - 1) }
            $stack[-1].Children.Add($node); $stack.Add($node)
        }
        else { $stack[-1].Lines.Add($line) }
    }
    if ($fenced) { Fail $Path 'a ``` code fence is not closed' }
    [pscustomobject]@{ Path = $Path; Meta = $meta; Root = $root }
}

# Splits text into blocks: @{ Kind = 'text' | 'list' | 'table' | 'code'; Info = fence info; Lines }.
function Get-Blocks([string[]] $Lines) {
    $blocks = [Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($line in $Lines) {
        if ($null -ne $current -and $current.Kind -eq 'code') {
            if ($line -match '^\s*```\s*$') { $current = $null } else { $current.Lines.Add($line) }
            continue
        }
        if ($line -match '^\s*```\s*(\S*)') {
            $current = @{ Kind = 'code'; Info = $Matches[1].ToLowerInvariant(); Lines = [Collections.Generic.List[string]]::new() }
            $blocks.Add($current); continue
        }
        if ($line.Trim() -eq '') { $current = $null; continue }
        $kind = if ($line -match '^\s*\|') { 'table' } elseif ($line -match '^\s*([-*]|\d+\.)\s') { 'list' } else { 'text' }
        if ($kind -eq 'text' -and $null -ne $current -and $current.Kind -eq 'list' -and $line -match '^\s+\S') {
            $current.Lines[-1] += ' ' + $line.Trim(); continue
        }
        if ($null -eq $current -or $current.Kind -ne $kind) {
            $current = @{ Kind = $kind; Info = ''; Lines = [Collections.Generic.List[string]]::new() }; $blocks.Add($current)
        }
        $current.Lines.Add($line.Trim())
    }
    , $blocks
}

# Markdown inline syntax that reads badly as plain text: links keep their text, emphasis marks go.
function ConvertTo-PlainInline([string] $Text) {
    # Code spans (odd pieces) are kept verbatim without their backticks; the rest loses links, emphasis and escapes.
    $pieces = $Text -split '`'
    $plain = for ($i = 0; $i -lt $pieces.Count; $i++) {
        if ($i % 2 -eq 1 -and $i -lt $pieces.Count - 1) { $pieces[$i]; continue }
        $part = [regex]::Replace($pieces[$i], '\\([\\*_{}\[\]()#+\-.!<>|])', { [string][char](0xE000 + [int][char]$args[0].Groups[1].Value) })
        $part = [regex]::Replace($part, '\[([^\]]+)\]\([^)]*\)', '$1')
        $part = $part -replace '\*\*([^*]+)\*\*', '$1' -replace '(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])', '$1'
        [regex]::Replace($part, '[\uE000-\uE0FF]', { [string][char]([int][char]$args[0].Value - 0xE000) })
    }
    $plain -join ''
}

# Words on lines of at most $Width characters (a longer word gets a line of its own); later lines start with $Hang.
function Format-Lines([string] $Text, [int] $Width, [string] $Hang = '') {
    $lines = [Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split ' +' | Where-Object { $_ }) {
        if ($line -and $line.Length + 1 + $word.Length -gt $Width) { $lines.Add($line); $line = $Hang + $word }
        elseif ($line) { $line += " $word" }
        else { $line = $word }
    }
    $lines.Add($line)
    $lines -join "`n"
}

# MAML paragraphs: a paragraph per text block or list (an item a line), a line per table row, code kept verbatim.
# With a width, text is broken into lines at words, since Get-Help breaks a long line wherever the console ends:
# 75 suits text Get-Help indents by 4 (descriptions, example remarks), 71 text it indents by 8, in an 80-column console.
function ConvertTo-Paragraphs([string[]] $Lines, [int] $Width = [int]::MaxValue) {
    foreach ($block in (Get-Blocks $Lines)) {
        switch ($block.Kind) {
            'text' { Format-Lines (ConvertTo-PlainInline ($block.Lines -join ' ')) $Width }
            'list' { ($block.Lines | ForEach-Object { Format-Lines (ConvertTo-PlainInline $_) $Width '  ' }) -join "`n" }
            'table' {
                foreach ($row in $block.Lines) {
                    if ($row -notmatch '^\|[\s:|-]+\|$') { ConvertTo-PlainInline (($row.Trim('|') -split '\|' | ForEach-Object Trim) -join ' | ') }
                }
            }
            'code' { $block.Lines -join "`n" }
        }
    }
}

function Get-Child($Node, [string] $Title, [string] $File) {
    $found = @($Node.Children | Where-Object Title -EQ $Title)
    if ($found.Count -ne 1) { Fail $File "expected one '$('#' * ($Node.Level + 1)) $Title' section, found $($found.Count)" }
    $found[0]
}

function Test-Blank([string[]] $Lines) { -not ($Lines | Where-Object { $_.Trim() -ne '' }) }

# One cmdlet's markdown as an object; throws when the schema is not followed.
function ConvertFrom-CommandMarkdown([string] $Path) {
    $doc = Read-Markdown $Path
    foreach ($key in 'external help file', 'Module Name', 'online version', 'schema') {
        if (-not $doc.Meta.Contains($key)) { Fail $Path "the front matter has no '$key'" }
    }
    if ($doc.Meta['schema'] -ne '2.0.0') { Fail $Path "schema must be 2.0.0, not '$($doc.Meta['schema'])'" }
    if ($doc.Meta['online version'] -and $doc.Meta['online version'] -notmatch '^https://\S+$') {
        Fail $Path "online version must be an https URL, not '$($doc.Meta['online version'])'"
    }
    $top = @($doc.Root.Children)
    if ($top.Count -ne 1 -or $top[0].Level -ne 1) { Fail $Path 'expected exactly one # heading, the command name' }
    $name = $top[0].Title
    if ($name -ne [IO.Path]::GetFileNameWithoutExtension($Path)) { Fail $Path "the # heading '$name' does not match the file name" }
    $unknown = $top[0].Children | Where-Object { $_.Title -notin $script:CmdletSections }
    if ($unknown) { Fail $Path "unknown section '## $($unknown[0].Title)'" }
    $s = @{}; foreach ($title in $script:CmdletSections) { $s[$title] = Get-Child $top[0] $title $Path }
    $synopsis = @(ConvertTo-Paragraphs $s['SYNOPSIS'].Lines); if ($synopsis.Count -eq 0) { Fail $Path 'SYNOPSIS is empty' }
    $description = @(ConvertTo-Paragraphs $s['DESCRIPTION'].Lines 75); if ($description.Count -eq 0) { Fail $Path 'DESCRIPTION is empty' }
    $syntaxNodes = if ($s['SYNTAX'].Children.Count) { $s['SYNTAX'].Children } else { , $s['SYNTAX'] }
    $syntax = foreach ($node in $syntaxNodes) {
        $code = @((Get-Blocks $node.Lines) | Where-Object Kind -EQ 'code')
        if ($code.Count -ne 1) { Fail $Path "SYNTAX '$($node.Title)' needs exactly one code block" }
        $set = if ($node.Level -eq 3) { $node.Title -replace '\s*\(Default\)$', '' } else { '__AllParameterSets' }
        [pscustomobject]@{ SetName = $set; IsDefault = $node.Title -match '\(Default\)$'; Text = ($code[0].Lines | ForEach-Object Trim) -join ' ' }
    }
    $examples = foreach ($node in $s['EXAMPLES'].Children) {
        if ($node.Title -notmatch '^Example \d+: \S') { Fail $Path "example heading '### $($node.Title)' is not 'Example N: title'" }
        $blocks = Get-Blocks $node.Lines
        $code = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Info -eq 'powershell' })
        if ($code.Count -ne 1) { Fail $Path "'$($node.Title)' needs exactly one powershell code block" }
        $at = $node.Lines.IndexOf(($node.Lines | Where-Object { $_ -match '^\s*```powershell' } | Select-Object -First 1))
        $before = @($node.Lines | Select-Object -First $at)
        $after = @($node.Lines | Select-Object -Skip $at | Select-Object -Skip ($code[0].Lines.Count + 2))
        [pscustomobject]@{ Title = $node.Title; Code = $code[0].Lines -join "`n"; Remarks = @(ConvertTo-Paragraphs ($before + $after) 75) }
    }
    if (-not $examples) { Fail $Path 'EXAMPLES has no example' }
    $parameters = foreach ($node in $s['PARAMETERS'].Children) {
        if ($node.Title -eq 'CommonParameters') { continue }
        if ($node.Title -notmatch '^-(\w+)$') { Fail $Path "parameter heading '### $($node.Title)' is not '-Name'" }
        $pname = $Matches[1]
        $blocks = Get-Blocks $node.Lines
        $yaml = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Info -eq 'yaml' })
        if ($yaml.Count -ne 1) { Fail $Path "-$pname needs exactly one yaml block" }
        $fields = [ordered]@{}
        foreach ($line in $yaml[0].Lines) { if ($line -match '^([^:]+):\s*(.*)$') { $fields[$Matches[1]] = $Matches[2].Trim() } }
        foreach ($key in $script:YamlKeys) { if (-not $fields.Contains($key)) { Fail $Path "-$pname's yaml has no '$key'" } }
        $fence = $node.Lines | Where-Object { $_ -match '^\s*```yaml' } | Select-Object -First 1
        $text = @(ConvertTo-Paragraphs ($node.Lines | Select-Object -First ($node.Lines.IndexOf($fence))) 71)
        if ($text.Count -eq 0) { Fail $Path "-$pname has no description" }
        [pscustomobject]@{ Name = $pname; Description = $text; Fields = $fields }
    }
    if (-not ($s['PARAMETERS'].Children | Where-Object Title -EQ 'CommonParameters')) { Fail $Path "PARAMETERS has no '### CommonParameters'" }
    $types = {
        param($section)
        foreach ($node in $section.Children) { [pscustomobject]@{ Type = $node.Title; Description = @(ConvertTo-Paragraphs $node.Lines 71) } }
    }
    $inputs = @(& $types $s['INPUTS']); $outputs = @(& $types $s['OUTPUTS'])
    if ($inputs.Count -eq 0 -or $outputs.Count -eq 0) { Fail $Path 'INPUTS and OUTPUTS each need a ### type (None when there is none)' }
    $links = foreach ($line in $s['RELATED LINKS'].Lines) {
        if ($line -match '^\s*\[([^\]]+)\]\(([^)]*)\)') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
    }
    [pscustomobject]@{
        Path = $Path; Name = $name; Meta = $doc.Meta; Synopsis = $synopsis -join ' '; Description = $description; Syntax = @($syntax)
        Examples = @($examples); Parameters = @($parameters); Inputs = $inputs; Outputs = $outputs
        Notes = @(ConvertTo-Paragraphs $s['NOTES'].Lines 71); Links = @($links)
    }
}

# platyPS's SYNTAX line for one parameter set of the real command (from Get-CommandMetadata), wrapped at 110.
function Format-SyntaxLine($Command, $Set) {
    $words = foreach ($name in $Set.Order) {
        $p = $Command.Parameters.$name; $m = $p.Sets.($Set.Name)
        $word = if ($p.IsSwitch) { "-$name" } elseif ($m.Position -ge 0) { "[-$name] <$($p.Type)>" } else { "-$name <$($p.Type)>" }
        if ($m.Mandatory) { $word } else { "[$word]" }
    }
    (@($Command.Name) + @($words) + '[<CommonParameters>]') -join ' '
}

function Format-Pipeline($ByValue, $ByPropertyName) {
    $how = @(if ($ByPropertyName) { 'ByPropertyName' }) + @(if ($ByValue) { 'ByValue' })
    if ($how.Count) { "True ($($how -join ', '))" } else { 'False' }
}

# Throws unless the document describes exactly the command's parameters, sets and syntax.
function Assert-HelpMatchesCommand($Help, $Command) {
    $f = $Help.Path
    $documented = @($Help.Parameters.Name); $actual = @($Command.Parameters.PSObject.Properties.Name)
    foreach ($n in $actual) { if ($n -notin $documented) { Fail $f "parameter -$n of $($Command.Name) is not documented" } }
    foreach ($n in $documented) { if ($n -notin $actual) { Fail $f "documents -$n, which $($Command.Name) does not have" } }
    $sorted = @($documented | Sort-Object)
    if (($documented -join ',') -ne ($sorted -join ',')) {
        Fail $f "PARAMETERS are not in alphabetical order (platyPS's order): $($sorted -join ', ')"
    }
    $setNames = @($Command.Sets.Name)
    $wanted = if ($setNames.Count -eq 1) { @('__AllParameterSets') } else { $setNames }
    if ((@($Help.Syntax.SetName) -join ',') -ne ($wanted -join ',')) {
        Fail $f "SYNTAX must show the parameter sets $($wanted -join ', ') in that order"
    }
    foreach ($set in $Command.Sets) {
        $entry = @($Help.Syntax | Where-Object { $_.SetName -eq $set.Name -or $setNames.Count -eq 1 })[0]
        if ($setNames.Count -gt 1 -and $entry.IsDefault -ne $set.IsDefault) {
            Fail $f "SYNTAX '$($set.Name)' must be marked (Default) exactly when it is the default set"
        }
        $expected = Format-SyntaxLine $Command $set
        if ($entry.Text -ne $expected) { Fail $f "SYNTAX for '$($set.Name)' differs from the cmdlet:`n  doc:    $($entry.Text)`n  cmdlet: $expected" }
    }
    foreach ($doc in $Help.Parameters) {
        $p = $Command.Parameters.($doc.Name)
        $meta = @($p.Sets.PSObject.Properties.Value)
        foreach ($field in 'Mandatory', 'Position', 'ByValue', 'ByPropertyName') {
            if (@($meta.$field | Sort-Object -Unique).Count -ne 1) {
                Fail $f "-$($doc.Name) differs between parameter sets; one yaml block cannot describe it"
            }
        }
        $inAll = @($p.Sets.PSObject.Properties.Name) -contains '__AllParameterSets' -or
            @($p.Sets.PSObject.Properties.Name).Count -eq $setNames.Count
        $expect = [ordered]@{
            'Type' = $p.Type
            'Parameter Sets' = if ($inAll) { '(All)' } else { (@($p.Sets.PSObject.Properties.Name) | Sort-Object) -join ', ' }
            'Aliases' = @($p.Aliases) -join ', '
            'Required' = "$([bool]$meta[0].Mandatory)"
            'Position' = if ($meta[0].Position -ge 0) { "$($meta[0].Position)" } else { 'Named' }
            'Default value' = $p.Default
            'Accept pipeline input' = Format-Pipeline $meta[0].ByValue $meta[0].ByPropertyName
            'Accept wildcard characters' = "$([bool]$p.Wildcards)"
        }
        if ($p.AcceptedValues) { $expect['Accepted values'] = @($p.AcceptedValues) -join ', ' }
        elseif ($doc.Fields.Contains('Accepted values')) { Fail $f "-$($doc.Name) lists accepted values but has no ValidateSet" }
        foreach ($key in $expect.Keys) {
            $value = $doc.Fields[$key]
            if ($key -eq 'Parameter Sets') { $value = (($value -split ',\s*') | Sort-Object) -join ', ' }
            if ($value -ne $expect[$key]) { Fail $f "-$($doc.Name) '$key' is '$($doc.Fields[$key])' but the cmdlet says '$($expect[$key])'" }
        }
    }
}

function X([string] $Text) { [Security.SecurityElement]::Escape($Text) }
function Paras([string[]] $Paragraphs) {
    if (-not $Paragraphs) { return '<maml:para />' }
    ($Paragraphs | ForEach-Object { "<maml:para>$(X $_)</maml:para>" }) -join ''
}

function Format-MamlParameter($Doc, [bool] $InSyntax) {
    $f = $Doc.Fields
    $isSwitch = $f['Type'] -eq 'SwitchParameter'
    $aliases = if ($f['Aliases']) { $f['Aliases'] } else { 'none' }
    $position = if ($f['Position'] -eq 'Named') { 'named' } else { $f['Position'] }
    $value = if ($isSwitch -and $InSyntax) { '' } else {
        $required = (-not $isSwitch).ToString().ToLowerInvariant()
        $variableLength = $f['Type'].EndsWith('[]').ToString().ToLowerInvariant()
        "<command:parameterValue required=`"$required`" variableLength=`"$variableLength`">$(X $f['Type'])</command:parameterValue>"
    }
    $group = if ($InSyntax -and $f.Contains('Accepted values')) {
        $values = $f['Accepted values'] -split ',\s*' |
            ForEach-Object { "<command:parameterValue required=`"false`" variableLength=`"false`">$(X $_)</command:parameterValue>" }
        '<command:parameterValueGroup>' + ($values -join '') + '</command:parameterValueGroup>'
    } else { '' }
    "<command:parameter required=`"$($f['Required'].ToLowerInvariant())`" variableLength=`"true`" " +
    "globbing=`"$($f['Accept wildcard characters'].ToLowerInvariant())`" pipelineInput=`"$(X $f['Accept pipeline input'])`" " +
    "position=`"$position`" aliases=`"$(X $aliases)`">" +
    "<maml:name>$(X $Doc.Name)</maml:name><maml:description>$(Paras $Doc.Description)</maml:description>$group$value" +
    "<dev:type><maml:name>$(X $f['Type'])</maml:name><maml:uri /></dev:type>" +
    "<dev:defaultValue>$(X $f['Default value'])</dev:defaultValue></command:parameter>"
}

# One <command:command> per help object; the syntax items follow the real command's sets and order.
function ConvertTo-Maml($Help, $Commands) {
    $out = [Text.StringBuilder]::new()
    [void]$out.AppendLine('<?xml version="1.0" encoding="utf-8"?>').AppendLine('<helpItems schema="maml" xmlns="http://msh">')
    foreach ($h in $Help) {
        $c = $Commands | Where-Object Name -EQ $h.Name
        $verb, $noun = $h.Name -split '-', 2
        [void]$out.AppendLine('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" ' +
            'xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10" ' +
            'xmlns:MSHelp="http://msdn.microsoft.com/mshelp">')
        [void]$out.AppendLine("<command:details><command:name>$(X $h.Name)</command:name><command:verb>$(X $verb)</command:verb>" +
            "<command:noun>$(X $noun)</command:noun><maml:description><maml:para>$(X $h.Synopsis)</maml:para></maml:description>" +
            '</command:details>')
        [void]$out.AppendLine("<maml:description>$(Paras $h.Description)</maml:description><command:syntax>")
        foreach ($set in $c.Sets) {
            $items = foreach ($name in $set.Order) { Format-MamlParameter ($h.Parameters | Where-Object Name -EQ $name) $true }
            [void]$out.AppendLine("<command:syntaxItem><maml:name>$(X $h.Name)</maml:name>$($items -join '')</command:syntaxItem>")
        }
        $parameters = ($h.Parameters | ForEach-Object { Format-MamlParameter $_ $false }) -join ''
        [void]$out.AppendLine("</command:syntax><command:parameters>$parameters</command:parameters>")
        $types = {
            param($tag, $list)
            ($list | ForEach-Object {
                "<command:$tag><dev:type><maml:name>$(X $_.Type)</maml:name></dev:type>" +
                    "<maml:description>$(Paras $_.Description)</maml:description></command:$tag>"
            }) -join ''
        }
        [void]$out.AppendLine("<command:inputTypes>$(& $types 'inputType' $h.Inputs)</command:inputTypes>" +
            "<command:returnValues>$(& $types 'returnValue' $h.Outputs)</command:returnValues>")
        [void]$out.AppendLine("<maml:alertSet><maml:alert>$(Paras $h.Notes)</maml:alert></maml:alertSet><command:examples>")
        foreach ($e in $h.Examples) {
            $remarks = if ($e.Remarks) { (Paras $e.Remarks) + '<maml:para />' }
            [void]$out.AppendLine("<command:example><maml:title>--------- $(X $e.Title) ---------</maml:title>" +
                "<dev:code>$(X $e.Code)</dev:code><dev:remarks>$remarks</dev:remarks></command:example>")
        }
        # Get-Help -Online opens the first link that has a URI, and fails on one it cannot open: the online version comes
        # first, and links to other pages (Get-OSSnapshot.md) get no URI, as only an absolute one can be opened.
        $links = @(if ($h.Meta['online version']) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $h.Meta['online version'] } }) + $h.Links
        $linkXml = $links | ForEach-Object {
            $uri = if ($_.Uri -match '^https?://') { $_.Uri } else { '' }
            "<maml:navigationLink><maml:linkText>$(X $_.Text)</maml:linkText><maml:uri>$(X $uri)</maml:uri></maml:navigationLink>"
        }
        [void]$out.AppendLine("</command:examples><command:relatedLinks>$($linkXml -join '')</command:relatedLinks></command:command>")
    }
    [void]$out.AppendLine('</helpItems>')
    $xml = $out.ToString()
    [void][xml]$xml   # must be well-formed
    $xml
}

Export-ModuleMember -Function Read-Markdown, Get-Blocks, ConvertTo-PlainInline, ConvertFrom-CommandMarkdown, Assert-HelpMatchesCommand,
    Format-SyntaxLine, ConvertTo-Maml
