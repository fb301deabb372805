# Issue 24's routes, the same raw requests to the emulator and to the real Cinder and Nova: volumes made from snapshots,
# deleted and reverted, block storage's messages, and Nova's os-volumes create and delete. No module code is used here.
Import-Module (Join-Path $PSScriptRoot 'ConformanceCases.psm1')
Import-Module (Join-Path $PSScriptRoot '../../build/RawOpenStack.psm1')

function Invoke-RestoreConformanceCases {
    param(
        [Parameter(Mandatory)] [string] $AuthUrl,
        [Parameter(Mandatory)] [pscredential] $Member,
        [Parameter(Mandatory)] [pscredential] $Reader,
        [Parameter(Mandatory)] [pscredential] $Admin,
        [Parameter(Mandatory)] [string] $Project,
        [Parameter(Mandatory)] [string] $AdminProject,
        [Parameter(Mandatory)] [string] $VolumeAvailable,
        [Parameter(Mandatory)] [string] $VolumeInUse
    )
    # The admin's token is not asked for: no case here acts as the admin.
    $run = New-ConformanceRun $AuthUrl $Member $Reader $Project
    $h = $run.Cinder; $nova = $run.Nova; $v = $run.BlockStorage; $c = $run.Compute; $missing = $run.Missing
    $results = $run.Results; $add = $run.Add
    $revert = $h.Clone(); $revert['OpenStack-API-Version'] = 'volume 3.40'
    $asReader = $nova.Clone(); $asReader['X-Auth-Token'] = $run.ReaderToken.Token
    $snapshot = {
        param($volume, [hashtable] $extra = @{})
        $made = Send-Raw Post "$v/snapshots" $h (@{ snapshot = (@{ volume_id = $volume } + $extra) } | ConvertTo-Json -Depth 5)
        Wait-Raw "$v/snapshots/$($made.Json.snapshot.id)" $h 'available' | Out-Null
        # MariaDB keeps whole seconds: the next snapshot of the volume must be newer for Cinder too.
        Start-Sleep -Milliseconds 1100
        $made.Json.snapshot.id
    }
    $volume = { param([hashtable] $fields) @{ volume = $fields } | ConvertTo-Json -Depth 5 }
    $snapshots = [System.Collections.Generic.List[string]]::new()
    $volumes = [System.Collections.Generic.List[string]]::new()
    try {
        $older = & $snapshot $VolumeAvailable @{ name = 'conformance-restore-1' }; $snapshots.Add($older)

        # Cinder: a volume made from a snapshot.
        $made = Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = $older; name = 'conformance-restore-vol' })
        & $add 'restore volume create from snapshot' $made
        if ($made.Json.volume.id) { $volumes.Add($made.Json.volume.id) }
        & $add 'restore volume show made (available)' (Wait-Raw "$v/volumes/$($made.Json.volume.id)" $h 'available' -Item volume)
        & $add 'restore volume create size 0' (Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = $older; size = 0 }))
        & $add 'restore volume create unknown zone' (Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = $older; availability_zone = 'mars' }))
        & $add 'restore volume create unknown type' (Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = $older; volume_type = 'gold' }))
        & $add 'restore volume create unknown snapshot' (Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = $missing }))
        & $add 'restore volume create non-UUID snapshot' (Send-Raw Post "$v/volumes" $h (& $volume @{ snapshot_id = 'not-a-uuid' }))
        & $add 'restore volume create {"volume":"string"}' (Send-Raw Post "$v/volumes" $h '{"volume": "string"}')
        & $add 'restore volume create without volume' (Send-Raw Post "$v/volumes" $h '{"size": 1}')

        # Cinder: the revert action (3.40) and its refusals, in Cinder's order.
        $newest = & $snapshot $VolumeAvailable @{ name = 'conformance-restore-2' }; $snapshots.Add($newest)
        $body = { param($id) @{ revert = @{ snapshot_id = $id } } | ConvertTo-Json }
        & $add 'restore revert at 3.31' (Send-Raw Post "$v/volumes/$VolumeAvailable/action" $h (& $body $newest))
        & $add 'restore revert unknown action' (Send-Raw Post "$v/volumes/$VolumeAvailable/action" $revert '{"frobnicate": {}}')
        & $add 'restore revert older snapshot' (Send-Raw Post "$v/volumes/$VolumeAvailable/action" $revert (& $body $older))
        & $add 'restore revert volume without snapshots' (Send-Raw Post "$v/volumes/$($made.Json.volume.id)/action" $revert (& $body $older))
        & $add 'restore revert unknown volume' (Send-Raw Post "$v/volumes/$missing/action" $revert (& $body $older))
        $ofInUse = & $snapshot $VolumeInUse @{ name = 'conformance-restore-in-use'; force = $true }; $snapshots.Add($ofInUse)
        & $add 'restore revert in-use volume' (Send-Raw Post "$v/volumes/$VolumeInUse/action" $revert (& $body $ofInUse))
        & $add 'restore revert newest' (Send-Raw Post "$v/volumes/$VolumeAvailable/action" $revert (& $body $newest))
        & $add 'restore volume available again after revert' (Wait-Raw "$v/volumes/$VolumeAvailable" $h 'available' -Item volume)

        # Cinder: deletes, and block storage's messages.
        & $add 'restore volume delete with snapshots' (Send-Raw Delete "$v/volumes/$VolumeAvailable" $h)
        & $add 'restore volume delete in-use' (Send-Raw Delete "$v/volumes/$VolumeInUse" $h)
        & $add 'restore volume delete unknown' (Send-Raw Delete "$v/volumes/$missing" $h)
        & $add 'restore messages of a volume' (Send-Raw Get "$v/messages?resource_uuid=$($made.Json.volume.id)" $h)
        $old = $h.Clone(); $old.Remove('OpenStack-API-Version')
        & $add 'restore messages at 3.0' (Send-Raw Get "$v/messages" $old)
        & $add 'restore volume delete made' (Send-Raw Delete "$v/volumes/$($made.Json.volume.id)" $h)
        & $add 'restore volume show after delete (eventually)' (Wait-Raw "$v/volumes/$($made.Json.volume.id)" $h 'gone' -Item volume)

        # Nova's os-volumes proxy: create (size required: the snapshot's) and delete, block storage's refusals in Nova's shape.
        $size = (Send-Raw Get "$v/snapshots/$newest" $h).Json.snapshot.size
        $viaNova = Send-Raw Post "$c/os-volumes" $nova (& $volume @{ snapshot_id = $newest; size = $size; display_name = 'conformance-restore-nova' })
        & $add 'nova volume create from snapshot' $viaNova
        if ($viaNova.Json.volume.id) { $volumes.Add($viaNova.Json.volume.id) }
        & $add 'nova volume create without size' (Send-Raw Post "$c/os-volumes" $nova (& $volume @{ snapshot_id = $newest }))
        & $add 'nova volume create size 0' (Send-Raw Post "$c/os-volumes" $nova (& $volume @{ snapshot_id = $newest; size = 0 }))
        & $add 'nova volume create with "name"' (Send-Raw Post "$c/os-volumes" $nova (& $volume @{ snapshot_id = $newest; size = $size; name = 'x' }))
        $mars = & $volume @{ snapshot_id = $newest; size = $size; availability_zone = 'mars' }
        & $add 'nova volume create unknown zone' (Send-Raw Post "$c/os-volumes" $nova $mars)
        $gold = & $volume @{ snapshot_id = $newest; size = $size; volume_type = 'gold' }
        & $add 'nova volume create unknown type' (Send-Raw Post "$c/os-volumes" $nova $gold)
        & $add 'nova volume create unknown snapshot' (Send-Raw Post "$c/os-volumes" $nova (& $volume @{ snapshot_id = $missing; size = $size }))
        & $add 'nova volume create as reader' (Send-Raw Post "$c/os-volumes" $asReader (& $volume @{ snapshot_id = $newest; size = $size }))
        Wait-Raw "$v/volumes/$($viaNova.Json.volume.id)" $h 'available' -Item volume | Out-Null
        & $add 'nova volume delete with snapshots' (Send-Raw Delete "$c/os-volumes/$VolumeAvailable" $nova)
        & $add 'nova volume delete unknown' (Send-Raw Delete "$c/os-volumes/$missing" $nova)
        & $add 'nova volume delete made' (Send-Raw Delete "$c/os-volumes/$($viaNova.Json.volume.id)" $nova)
        & $add 'nova volume show after delete (eventually)' (Wait-Raw "$c/os-volumes/$($viaNova.Json.volume.id)" $nova 'gone' -Item volume)
    }
    finally {
        foreach ($id in $volumes) {
            Send-Raw Delete "$v/volumes/$id" $h | Out-Null
            Wait-Raw "$v/volumes/$id" $h 'gone' -Item volume | Out-Null
        }
        foreach ($id in $snapshots) {
            Wait-Raw "$v/snapshots/$id" $h 'available' | Out-Null
            Send-Raw Delete "$v/snapshots/$id" $h | Out-Null
            Wait-Raw "$v/snapshots/$id" $h 'gone' | Out-Null
        }
    }
    $results
}

Export-ModuleMember -Function Invoke-RestoreConformanceCases
