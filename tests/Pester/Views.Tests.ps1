# The views: times in UTC with a Z in every view whatever the local zone, tables that keep which snapshot, of what,
# how old and in what state at 80 columns and show whole names when wider, and a run summary that stays short.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
    Connect-TestCloud $script:Emulator | Out-Null
    $script:Long = 'nightly-' + ('x' * 60)
    $script:Short = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name nightly-20261206
    $script:Named = New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name $script:Long
    $script:SavedTz = $env:TZ
    $env:TZ = 'Asia/Kolkata'                  # +05:30: a local reading would be off by a half hour too
    [TimeZoneInfo]::ClearCachedData()
}
AfterAll {
    $env:TZ = $script:SavedTz
    [TimeZoneInfo]::ClearCachedData()
    Stop-CleanTestEmulator
}

Describe 'Times' {
    It 'keeps every time the objects carry in UTC, and says so' {
        $script:Short.CreatedAt.Kind | Should -Be 'Utc'
        (Get-OSVolume -VolumeId $script:VolumeAvailable).CreatedAt.Kind | Should -Be 'Utc'
        (Get-OSSession -Default).TokenExpiresAt.Kind | Should -Be 'Utc'
    }

    It 'shows a snapshot, a volume and a session time in UTC with a Z, whatever the local zone' {
        [TimeZoneInfo]::Local.BaseUtcOffset | Should -Be ([timespan]'05:30:00')   # the zone really is set
        $snapshot = Get-OSSnapshot -Id $script:Short.Id | Format-List | Out-String
        $snapshot | Should -Match ('CreatedAt\s*:\s*' + $script:Short.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss') + 'Z')
        $volume = Get-OSVolume -VolumeId $script:VolumeAvailable
        Get-OSVolume -VolumeId $script:VolumeAvailable | Format-List | Out-String |
            Should -Match ('CreatedAt\s*:\s*' + $volume.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss') + 'Z')
        $session = Get-OSSession -Default
        $session | Format-List | Out-String | Should -Match ('TokenExpiresAt\s*:\s*' + $session.TokenExpiresAt.ToString('yyyy-MM-dd HH:mm:ss') + 'Z')
    }

    It 'converts a local time to UTC before showing it' {
        $local = [datetime]::new(2026, 12, 6, 23, 0, 0, [DateTimeKind]::Local)
        [OpenStackSnapshot.Output.Display]::Time($local) | Should -Be '2026-12-06 17:30:00Z'
    }

    It 'shows ages in the largest unit that keeps two digits of sense' {
        [OpenStackSnapshot.Output.Display]::Span([timespan]::FromSeconds(45)) | Should -Be '45s'
        [OpenStackSnapshot.Output.Display]::Span([timespan]::FromMinutes(90)) | Should -Be '90m'
        [OpenStackSnapshot.Output.Display]::Span([timespan]::FromHours(30)) | Should -Be '30h'
        [OpenStackSnapshot.Output.Display]::Span([timespan]::FromDays(400)) | Should -Be '400d'
        [OpenStackSnapshot.Output.Display]::Span([timespan]::FromMinutes(-5)) | Should -Be '0s'
    }
}

Describe 'Tables' {
    It 'keeps the id, the name, the status, the age and the volume of a snapshot at 80 columns' {
        $lines = (Get-OSSnapshot -Id $script:Short.Id | Out-String -Width 80) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Id\s+Name\s+Status\s+Age\s+Volume\s*$'
        $lines[2] | Should -Match ("^$($script:Short.Id) nightly-20261206\s+available\s+\d+[smhd] $($script:VolumeAvailable.Substring(0, 8))\s*$")
        foreach ($line in $lines) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'cuts a long name at 80 columns and shows it whole at 160' {
        Get-OSSnapshot -Id $script:Named.Id | Out-String -Width 80 | Should -Match 'nightly-x+…'
        Get-OSSnapshot -Id $script:Named.Id | Out-String -Width 160 | Should -Match ([regex]::Escape($script:Long))
    }

    It 'keeps the id, the name, the status, the size and the server of a volume at 80 columns' {
        $table = Get-OSVolume | Out-String -Width 80
        $table | Should -Match 'Id\s+Name\s+Status\s+Size\s+Server'
        $attached = Get-OSVolume -VolumeId $script:VolumeInUse
        $table | Should -Match ("$($attached.Id)\s+\S+\s+in-use\s+\d+ $($attached.Attachments[0].ServerId.Substring(0, 8))")
        foreach ($line in $table -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }
}

Describe 'Run summary' {
    It 'shows a few snapshot ids whole, many as the first three and a count, and each ErrorId once with its count' {
        $ids = 1..7 | ForEach-Object { [guid]::NewGuid().ToString() }
        [OpenStackSnapshot.Output.Display]::Ids($ids[0..1]) | Should -Be "$($ids[0]), $($ids[1])"
        [OpenStackSnapshot.Output.Display]::Ids($ids) | Should -Be "$($ids[0]), $($ids[1]), $($ids[2]) and 4 more"
        [OpenStackSnapshot.Output.Display]::Counted(@('OSNotFound', 'OSTimeout', 'OSNotFound')) | Should -Be 'OSNotFound x2, OSTimeout'
    }

    It 'lists the failures of a run grouped' {
        $run = 'no-such-volume-1', 'no-such-volume-2' | ForEach-Object { [guid]::NewGuid().ToString() } |
            New-OSSnapshot -Name missing -Summary -ErrorAction SilentlyContinue
        $run | Out-String -Width 80 | Should -Match 'FailedErrorIds\s*:\s*OSVolumeNotFound x2'
    }
}
