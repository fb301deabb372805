# Way: reads coverlet's cobertura reports of N = 1, 2 and 3 creates (build/Way.ps1) and finds the files a create passes:
# those with a line hit more often after the second create than after the first. Sign-in, module loading and what a
# process sets up once are hit as often after one create as after two, so they drop out without a list of exclusions.

# The module's own sources, as cobertura names them relative to src/; anything else a report holds is not counted.
function Test-WaySource([string] $File) {
    $File.EndsWith('.cs') -and ($File.StartsWith('OpenStackSnapshot/') -or $File.StartsWith('OpenStackSnapshot.Client/'))
}

# One report's hits per file and line, summed over the classes' own <lines> (the per-method lists repeat them), and the
# folders it names as the sources' roots.
function Read-WayHits([string] $Path) {
    $report = [xml](Get-Content -Path $Path -Raw)
    $hits = [Collections.Generic.Dictionary[string, Collections.Generic.Dictionary[int, long]]]::new([StringComparer]::Ordinal)
    foreach ($class in $report.SelectNodes('//class')) {
        $file = $class.GetAttribute('filename').Replace('\', '/')
        if (-not (Test-WaySource $file)) { continue }
        if (-not $hits.ContainsKey($file)) { $hits[$file] = [Collections.Generic.Dictionary[int, long]]::new() }
        foreach ($line in $class.SelectNodes('lines/line')) {
            $number = [int]$line.GetAttribute('number')
            $hits[$file][$number] = $hits[$file][$number] + [long]$line.GetAttribute('hits')
        }
    }
    [pscustomobject]@{ Sources = @($report.SelectNodes('//sources/source') | ForEach-Object InnerText); Hits = $hits }
}

# Names in ordinal order, as `sort` with LC_ALL=C gives them: the same on every machine and culture.
function Get-OrdinalSorted([string[]] $Names) {
    $sorted = [string[]]@($Names)
    [Array]::Sort($sorted, [StringComparer]::Ordinal)
    , $sorted
}

function Get-LineHits($Hits, [string] $File, [int] $Number) {
    $lines = $null
    if ($Hits.TryGetValue($File, [ref]$lines) -and $lines.ContainsKey($Number)) { $lines[$Number] } else { 0 }
}

# File -> the sorted numbers of its lines hit more often in -After than in -Before.
function Compare-WayHits($Before, $After) {
    $grew = [Collections.Generic.SortedDictionary[string, int[]]]::new([StringComparer]::Ordinal)
    foreach ($file in $After.Keys) {
        $up = @($After[$file].Keys | Where-Object { $After[$file][$_] -gt (Get-LineHits $Before $file $_) } | Sort-Object)
        if ($up) { $grew[$file] = $up }
    }
    $grew
}

# The way and its checks from the three runs' hits (index 0 = N=1): the files, their `wc -l` total under -SourceRoot, the
# files a line of which ran less often after two creates than after one (never expected), and whether the third create
# passed the same files as the second, with the lines that say how they differ.
function Get-WayReport([object[]] $Hits, [string] $SourceRoot) {
    $way = Compare-WayHits $Hits[0] $Hits[1]
    $third = Compare-WayHits $Hits[1] $Hits[2]
    $files = @($way.Keys)
    $lineCount = 0
    foreach ($file in $files) {
        $lineCount += @([IO.File]::ReadAllBytes((Join-Path $SourceRoot $file)) -eq 10).Count
    }
    $less = Get-OrdinalSorted @($Hits[0].Keys | Where-Object {
            $file = $_
            @($Hits[0][$file].Keys | Where-Object { $Hits[0][$file][$_] -gt (Get-LineHits $Hits[1] $file $_) }).Count -gt 0
        })
    # A file passed by one of the two creates only: each of its lines whose increase differs says where.
    $unsteady = @($files | Where-Object { -not $third.ContainsKey($_) }) + @($third.Keys | Where-Object { -not $way.ContainsKey($_) })
    $differ = @(foreach ($file in @($files) + @($third.Keys) | Select-Object -Unique) {
            $numbers = @($Hits[0], $Hits[1], $Hits[2] | ForEach-Object { if ($_.ContainsKey($file)) { $_[$file].Keys } }) |
                Sort-Object -Unique
            foreach ($number in $numbers) {
                $second = (Get-LineHits $Hits[1] $file $number) - (Get-LineHits $Hits[0] $file $number)
                $last = (Get-LineHits $Hits[2] $file $number) - (Get-LineHits $Hits[1] $file $number)
                if ($second -ne $last) {
                    [pscustomobject]@{ File = $file; Line = $number; Text = "${file}:$number (+$second then +$last)" }
                }
            }
        })
    [pscustomobject]@{
        Files    = $files
        Lines    = $lineCount
        Less     = $less
        Steady   = ($unsteady.Count -eq 0)
        Unsteady = @($differ | Where-Object File -In $unsteady | ForEach-Object Text)
        Differ   = @($differ | ForEach-Object Text)
    }
}

Export-ModuleMember -Function Read-WayHits, Get-WayReport
