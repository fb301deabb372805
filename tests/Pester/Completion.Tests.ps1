# Tab completion of snapshot and volume ids and names from the session's listing: an id completes from its name too,
# a burst of Tabs sends one listing, a slow cloud never holds the prompt, and nothing is offered when not connected.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorTestSetup.ps1')
    Start-CleanTestEmulator
}
AfterAll { Stop-CleanTestEmulator }

Describe 'Completion of ids and names' {
    BeforeAll {
        Get-OSSession | Disconnect-OSCloud
        Reset-Emulator $script:Emulator
        Connect-TestCloud $script:Emulator | Out-Null
        $script:Nightly = New-OSSnapshot -VolumeId $script:VolumeAvailable -Name 'nightly one'
        $script:Weekly = New-OSSnapshot -VolumeId $script:VolumeAvailable2 -Name weekly
    }

    It 'completes -VolumeId of New-OSSnapshot from the volumes, by id or by name' {
        $volume = Get-OSVolume -VolumeId $script:VolumeAvailable
        $byName = CompleteListed "New-OSSnapshot -VolumeId $($volume.Name.Substring(0, 3))"
        $byName.CompletionText | Should -Contain $volume.Id
        ($byName | Where-Object CompletionText -EQ $volume.Id).ListItemText | Should -Be "$($volume.Name) ($($volume.Id))"
        (CompleteListed "New-OSSnapshot -VolumeId $($volume.Id.Substring(0, 6))").CompletionText | Should -Be @($volume.Id)
    }

    It 'completes -Id of Get-, Remove-, Wait- and Set-OSSnapshot from the snapshots' {
        foreach ($command in 'Get-OSSnapshot', 'Remove-OSSnapshot', 'Wait-OSSnapshot', 'Set-OSSnapshot') {
            (CompleteListed "$command -Id week").CompletionText | Should -Be @($script:Weekly.Id) -Because $command
        }
    }

    It 'completes -Name of Get-OSSnapshot and Get-OSVolume, quoting a name with a blank' {
        (CompleteListed 'Get-OSSnapshot -Name nigh').CompletionText | Should -Be @("'nightly one'")
        $volume = Get-OSVolume -VolumeId $script:VolumeInUse
        (CompleteListed "Get-OSVolume -Name $($volume.Name.Substring(0, 2))").CompletionText | Should -Contain $volume.Name
        (CompleteListed "Get-OSSnapshot -VolumeId $($script:VolumeAvailable2.Substring(0, 8))").CompletionText |
            Should -Be @($script:VolumeAvailable2)
    }

    It 'sends one listing for a burst of Tabs' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'burst' } | Out-Null   # a new session: nothing cached
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        Get-OSSnapshot | Out-Null   # one listing's requests, to compare the Tabs' with
        $perListing = (Get-EmulatorRequestCount $script:Emulator 'snapshots.detail') - $before
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        (CompleteListed 'Get-OSSnapshot -Id w').CompletionText | Should -Be @($script:Weekly.Id)
        $oneListing = (Get-EmulatorRequestCount $script:Emulator 'snapshots.detail') - $before
        $oneListing | Should -BeGreaterThan 0
        $oneListing | Should -Be $perListing   # however often Tab was pressed while the listing came
        1..4 | ForEach-Object { (Complete 'Get-OSSnapshot -Id w').CompletionText | Should -Be @($script:Weekly.Id) }
        Get-EmulatorRequestCount $script:Emulator 'snapshots.detail' | Should -Be ($before + $oneListing)
    }

    It 'completes from the session named by -Session' {
        $admin = @{ User = 'admin'; Password = 'admin-secret'; Project = 'admin'; Extra = @{ Name = 'adminside'; NoDefault = $true } }
        $other = Connect-TestCloud $script:Emulator @admin
        # The admin project has none: asked once its listing has been sent, so an empty answer is the listing's.
        $before = Get-EmulatorRequestCount $script:Emulator 'snapshots.detail'
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        do { $offered = Complete 'Get-OSSnapshot -Session adminside -Id w' }
        until ((Get-EmulatorRequestCount $script:Emulator 'snapshots.detail') -gt $before -or [DateTime]::UtcNow -gt $deadline)
        $offered = Complete 'Get-OSSnapshot -Session adminside -Id w'
        $offered.CompletionText | Should -BeNullOrEmpty
        (CompleteListed 'Get-OSSnapshot -Id w').CompletionText | Should -Be @($script:Weekly.Id)
        Disconnect-OSCloud -Session $other
    }
}

Describe 'Completion that must not hold the prompt' {
    It 'offers nothing when not connected, and sends nothing' {
        Get-OSSession | Disconnect-OSCloud
        Reset-Emulator $script:Emulator
        Complete 'New-OSSnapshot -VolumeId 5' | Should -BeNullOrEmpty
        Get-RequestTotal | Should -Be 0
    }

    It 'gives up waiting on a slow listing after about a second, and offers it at a later Tab' {
        Connect-TestCloud $script:Emulator -Extra @{ Name = 'slow' } | Out-Null
        Set-EmulatorFault $script:Emulator -Route 'volumes.detail' -Status 0 -DelayMs 10000   # late, then answered
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Complete 'New-OSSnapshot -VolumeId d' | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5   # the listing takes 10 s; the prompt waited for about 1
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 0.9   # and it did wait: a quick listing completes at the first Tab
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        do { Start-Sleep -Milliseconds 500; $later = Complete 'New-OSSnapshot -VolumeId d' } until ($later -or [DateTime]::UtcNow -gt $deadline)
        $later.CompletionText | Should -Contain $script:VolumeAvailable
        $sent = Get-EmulatorRequestCount $script:Emulator 'volumes.detail'
        Complete 'New-OSSnapshot -VolumeId d' | Out-Null
        Get-EmulatorRequestCount $script:Emulator 'volumes.detail' | Should -Be $sent   # served from the listing the first Tab began
    }
}
