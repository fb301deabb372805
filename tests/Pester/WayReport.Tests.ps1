# build/WayReport.psm1, the whole definition of -Task Way's count, on small coverlet reports written here: which files
# a create passes, the lines they hold, and the checks printed beside the count. No emulator, no build, no coverlet.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../build/WayReport.psm1') -Force

    # One run's coverlet report: File -> line number -> hits. Each file is a class whose lines are listed twice, under
    # its method and in its own <lines>, as coverlet writes them.
    function Write-WayCoverage([string] $Path, [hashtable] $Files) {
        $classes = foreach ($file in $Files.Keys) {
            $lines = ($Files[$file].GetEnumerator() | ForEach-Object { "<line number=""$($_.Key)"" hits=""$($_.Value)"" />" }) -join ''
            "<class name=""C"" filename=""$file""><methods><method name=""M""><lines>$lines</lines></method></methods>" +
            "<lines>$lines</lines></class>"
        }
        $xml = "<coverage><sources><source>/tree/src/</source></sources><packages><package name=""P""><classes>" +
            "$($classes -join '')</classes></package></packages></coverage>"
        Set-Content -Path $Path -Value $xml -Encoding utf8NoBOM
    }

    # The report on three runs of N = 1, 2 and 3 creates. $Hits: File -> line number -> @(hits at N=1, N=2, N=3), $null
    # where a run's report leaves the line out. Each file's source, in a folder of its own under TestDrive:, has as many
    # lines as its highest line number, unless $Sources gives its text.
    function Get-TestWayReport([hashtable] $Hits, [hashtable] $Sources = @{}) {
        $folder = Join-Path $TestDrive ([guid]::NewGuid())
        foreach ($file in $Hits.Keys) {
            $text = if ($Sources.ContainsKey($file)) { $Sources[$file] }
            else { "//`n" * ($Hits[$file].Keys | Measure-Object -Maximum).Maximum }
            $path = Join-Path $folder "src/$file"
            New-Item -ItemType Directory -Path (Split-Path $path) -Force | Out-Null
            [IO.File]::WriteAllText($path, $text)
        }
        $runs = foreach ($run in 0..2) {
            $files = @{}
            foreach ($file in $Hits.Keys) {
                $lines = @{}
                foreach ($number in $Hits[$file].Keys) {
                    if ($null -ne $Hits[$file][$number][$run]) { $lines[$number] = $Hits[$file][$number][$run] }
                }
                if ($lines.Count) { $files[$file] = $lines }
            }
            $xml = Join-Path $folder "N$($run + 1).xml"
            Write-WayCoverage $xml $files
            (Read-WayHits $xml).Hits
        }
        Get-WayReport $runs (Join-Path $folder 'src')
    }
}
AfterAll { Remove-Module WayReport -ErrorAction SilentlyContinue }

Describe 'Read-WayHits' {
    It 'sums a line over the classes of its file, once each, and keeps only the module''s two projects'' .cs files' {
        $xml = Join-Path $TestDrive 'read.xml'
        Set-Content -Path $xml -Encoding utf8NoBOM -Value @'
<coverage><sources><source>/tree/src/</source></sources><packages><package name="P"><classes>
<class name="A" filename="OpenStackSnapshot\Cmdlets\New.cs"><methods><method name="M"><lines><line number="12" hits="2" />
</lines></method></methods><lines><line number="12" hits="2" /><line number="13" hits="0" /></lines></class>
<class name="A/Nested" filename="OpenStackSnapshot\Cmdlets\New.cs"><lines><line number="12" hits="3" /></lines></class>
<class name="B" filename="OpenStackSnapshot.Client/Api.cs"><lines><line number="1" hits="7" /></lines></class>
<class name="E" filename="OpenStackSnapshot.Emulator/Nova.cs"><lines><line number="1" hits="9" /></lines></class>
<class name="T" filename="OpenStackSnapshot/OpenStackSnapshot.Format.ps1xml"><lines><line number="1" hits="9" /></lines></class>
</classes></package></packages></coverage>
'@
        $read = Read-WayHits $xml

        $read.Sources | Should -Be @('/tree/src/')
        @($read.Hits.Keys | Sort-Object) | Should -Be @('OpenStackSnapshot.Client/Api.cs', 'OpenStackSnapshot/Cmdlets/New.cs')
        $read.Hits['OpenStackSnapshot/Cmdlets/New.cs'][12] | Should -Be 5 -Because 'two classes ran line 12: 2 + 3, the method''s list not again'
        $read.Hits['OpenStackSnapshot/Cmdlets/New.cs'][13] | Should -Be 0
        $read.Hits['OpenStackSnapshot.Client/Api.cs'][1] | Should -Be 7
    }
}

Describe 'Get-WayReport: the files one create passes' {
    BeforeAll {
        $script:Grows = 'OpenStackSnapshot.Client/Way/Grows.cs'
        $script:SignIn = 'OpenStackSnapshot.Client/SignIn.cs'
        $script:Equal = 'OpenStackSnapshot/Loaded.cs'
        $script:Less = 'OpenStackSnapshot/Less.cs'
        $script:Report = Get-TestWayReport @{
            # line 10 ran again for the second create, line 11 as often (one line is enough), line 12 +1 then +2
            $script:Grows  = @{ 10 = 1, 2, 3; 11 = 4, 4, 4; 12 = 1, 2, 4 }
            # ran for the first create only, as sign-in does: every run's report holds it, the same
            $script:SignIn = @{ 5 = 1, 1, 1; 6 = 3, 3, 3 }
            # the same hits after one create as after two (module loading, a line never run)
            $script:Equal  = @{ 3 = 2, 2, 2; 4 = 0, 0, 0 }
            # a line that ran less often after two creates than after one, which no create should cause
            $script:Less   = @{ 7 = 3, 2, 2 }
        }
    }

    It 'counts a file one of whose lines ran more often after two creates than after one' {
        $script:Report.Files | Should -Contain $script:Grows
    }

    It 'does not count a file run for the first create only (sign-in)' {
        $script:Report.Files | Should -Not -Contain $script:SignIn
    }

    It 'does not count a file whose lines ran as often after one create as after two' {
        $script:Report.Files | Should -Not -Contain $script:Equal
    }

    It 'names in Less the files a line of which ran less often after two creates than after one, and no other' {
        $script:Report.Less | Should -Be @($script:Less)
        $script:Report.Files | Should -Not -Contain $script:Less
    }

    It 'is steady when the third create passed the same files, and lists a line whose increase differs in Differ' {
        $script:Report.Steady | Should -BeTrue
        $script:Report.Unsteady | Should -BeNullOrEmpty
        $script:Report.Differ | Should -Be @("${script:Grows}:12 (+1 then +2)")
    }
}

Describe 'Get-WayReport: the third create' {
    It 'is unsteady when the third create passed a file the second did not, and names its line' {
        $late = 'OpenStackSnapshot/Late.cs'
        $report = Get-TestWayReport @{
            'OpenStackSnapshot/Grows.cs' = @{ 10 = 1, 2, 3 }
            $late                        = @{ 20 = 1, 1, 2 }
        }
        $report.Files | Should -Be @('OpenStackSnapshot/Grows.cs') -Because 'the count is the second create''s'
        $report.Steady | Should -BeFalse
        $report.Unsteady | Should -Be @("${late}:20 (+0 then +1)")
    }

    It 'is unsteady when the second create passed a file the third did not, and names its line' {
        $once = 'OpenStackSnapshot/Once.cs'
        $report = Get-TestWayReport @{
            'OpenStackSnapshot/Grows.cs' = @{ 10 = 1, 2, 3 }
            $once                        = @{ 8 = 1, 2, 2 }
        }
        $report.Steady | Should -BeFalse
        $report.Unsteady | Should -Be @("${once}:8 (+1 then +0)")
    }

    It 'takes a file missing from the first run''s report as hit 0 times there' {
        $new = 'OpenStackSnapshot/Waiter.cs'
        $report = Get-TestWayReport @{ $new = @{ 30 = $null, 1, 2 } }
        $report.Files | Should -Be @($new)
        $report.Steady | Should -BeTrue
    }
}

Describe 'Get-WayReport: the lines and the order' {
    BeforeAll {
        $script:Report = Get-TestWayReport -Hits @{
            'OpenStackSnapshot/B.cs' = @{ 1 = 1, 2, 3 }
            'OpenStackSnapshot/a.cs' = @{ 2 = 1, 2, 3 }
            'OpenStackSnapshot/Sign.cs' = @{ 1 = 1, 1, 1 }
        } -Sources @{
            'OpenStackSnapshot/B.cs' = "//`n" * 40
            'OpenStackSnapshot/a.cs' = ("//`r`n" * 7) + '// no line end at the end'
            'OpenStackSnapshot/Sign.cs' = "//`n" * 100
        }
    }

    It 'totals the line ends of the counted files only, as wc -l counts them' {
        $script:Report.Lines | Should -Be 47 -Because 'B.cs has 40 and a.cs 7 (its last line has no line end); Sign.cs is not counted'
    }

    It 'lists the files in ordinal order, as sort with LC_ALL=C does' {
        $script:Report.Files | Should -Be @('OpenStackSnapshot/B.cs', 'OpenStackSnapshot/a.cs')
    }
}
