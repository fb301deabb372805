# The same raw requests, sent to the emulator and to the real Nova/Keystone, so their answers can be compared:
# status code, body keys (and the snapshot object's keys) and fault name. No module code is used here.
Import-Module (Join-Path $PSScriptRoot '../../build/RawOpenStack.psm1')

# What is compared: status, top-level keys, the keys inside a snapshot object, and the fault name.
function ConvertTo-Shape([string] $Case, $Response) {
    $keys = ''; $inner = ''; $fault = ''
    if ($Response.Json -is [pscustomobject]) {
        $names = @($Response.Json.PSObject.Properties.Name | Sort-Object)
        $keys = $names -join ','
        $item = if ($names -contains 'snapshot') { $Response.Json.snapshot } elseif ($names -contains 'snapshots') { @($Response.Json.snapshots)[0] } else { $null }
        if ($item -is [pscustomobject]) { $inner = ($item.PSObject.Properties.Name | Sort-Object) -join ',' }
        if ($Response.Status -ge 400 -and $names.Count -eq 1) { $fault = $names[0] }
    }
    elseif ($Response.Text.Trim()) { $keys = '(not JSON)' }
    [pscustomobject]@{ Case = $Case; Status = $Response.Status; Keys = $keys; SnapshotKeys = $inner; Fault = $fault }
}

# A copy of the headers with one value replaced.
function With([hashtable] $Headers, [string] $Name, [string] $Value) {
    $copy = $Headers.Clone()
    $copy[$Name] = $Value
    $copy
}

# Polls a snapshot until a status (or 404 for 'gone'); the real block storage takes a moment.
function Wait-Raw([string] $Url, [hashtable] $Headers, [string] $Until, [int] $Seconds = 90) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    do {
        $response = Send-Raw -Method Get -Url $Url -Headers $Headers
        if ($Until -eq 'gone' -and $response.Status -eq 404) { return $response }
        if ($Until -ne 'gone' -and $response.Json.snapshot.status -eq $Until) { return $response }
        Start-Sleep -Milliseconds 500
    } while ([DateTime]::UtcNow -lt $deadline)
    $response
}

function Invoke-ConformanceCases {
    param(
        [Parameter(Mandatory)] [string] $AuthUrl,
        [Parameter(Mandatory)] [pscredential] $Member,
        [Parameter(Mandatory)] [pscredential] $Reader,
        [Parameter(Mandatory)] [string] $Project,
        [Parameter(Mandatory)] [string] $VolumeAvailable,
        [Parameter(Mandatory)] [string] $VolumeInUse
    )
    $session = Get-RawToken $AuthUrl $Member $Project
    $readerToken = Get-RawToken $AuthUrl $Reader $Project
    $h = @{ 'X-Auth-Token' = $session.Token; 'X-OpenStack-Nova-API-Version' = '2.1'; Accept = 'application/json' }
    $c = $session.Compute
    $root = $c -replace '/v2\.1(/[0-9a-f]+)?$', ''
    $snap = { param($volume, $extra) @{ snapshot = (@{ volume_id = $volume } + $extra) } | ConvertTo-Json -Depth 5 }
    $results = [System.Collections.Generic.List[object]]::new()
    $add = { param($case, $response) $results.Add((ConvertTo-Shape $case $response)) }

    $first = Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeAvailable @{ display_name = 'conformance-1'; display_description = 'd'; force = $false })
    & $add 'create' $first
    $second = Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeAvailable @{ display_name = 'conformance-2'; force = 'true' })
    & $add 'create with force "true"' $second
    $id = $first.Json.snapshot.id
    & $add 'show' (Send-Raw Get "$c/os-snapshots/$id" $h)
    & $add 'list' (Send-Raw Get "$c/os-snapshots" $h)
    & $add 'detail' (Send-Raw Get "$c/os-snapshots/detail" $h)
    $page = Send-Raw Get "$c/os-snapshots/detail?limit=1&offset=1" $h
    & $add 'detail limit=1 offset=1' $page
    $results[$results.Count - 1].Keys += " ($(@($page.Json.snapshots).Count) item)"
    & $add 'unknown query parameter ignored' (Send-Raw Get "$c/os-snapshots/detail?colour=blue" $h)
    & $add 'limit=-1' (Send-Raw Get "$c/os-snapshots/detail?limit=-1" $h)
    & $add 'offset=abc' (Send-Raw Get "$c/os-snapshots/detail?offset=abc" $h)
    & $add 'create with "name"' (Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeAvailable @{ name = 'x' }))
    & $add 'create without body' (Send-Raw Post "$c/os-snapshots" $h '')
    & $add 'create {"foo":{}}' (Send-Raw Post "$c/os-snapshots" $h '{"foo": {}}')
    & $add 'create {"snapshot":"string"}' (Send-Raw Post "$c/os-snapshots" $h '{"snapshot": "string"}')
    & $add 'create with force "maybe"' (Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeAvailable @{ force = 'maybe' }))
    & $add 'create with display_name null' (Send-Raw Post "$c/os-snapshots" $h ('{"snapshot": {"volume_id": "' + $VolumeAvailable + '", "display_name": null}}'))
    & $add 'create malformed JSON' (Send-Raw Post "$c/os-snapshots" $h '{"snapshot": {')
    & $add 'create as application/xml' (Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeAvailable @{}) 'application/xml')
    & $add 'create on unknown volume' (Send-Raw Post "$c/os-snapshots" $h (& $snap '00000000-0000-4000-8000-000000000000' @{}))
    & $add 'create on in-use volume' (Send-Raw Post "$c/os-snapshots" $h (& $snap $VolumeInUse @{}))
    & $add 'create on non-UUID volume' (Send-Raw Post "$c/os-snapshots" $h (& $snap 'not-a-uuid' @{}))
    & $add 'create as reader' (Send-Raw Post "$c/os-snapshots" (With $h 'X-Auth-Token' $readerToken.Token) (& $snap $VolumeAvailable @{}))
    & $add 'show unknown id' (Send-Raw Get "$c/os-snapshots/00000000-0000-4000-8000-000000000000" $h)
    & $add 'delete unknown id' (Send-Raw Delete "$c/os-snapshots/00000000-0000-4000-8000-000000000000" $h)
    & $add 'PUT a snapshot' (Send-Raw Put "$c/os-snapshots/$id" $h '{}')
    & $add 'microversion 2.35' (Send-Raw Get "$c/os-snapshots" (With $h 'X-OpenStack-Nova-API-Version' '2.35'))
    & $add 'microversion 2.36' (Send-Raw Get "$c/os-snapshots" (With $h 'X-OpenStack-Nova-API-Version' '2.36'))
    & $add 'microversion 2.200' (Send-Raw Get "$c/os-snapshots" (With $h 'X-OpenStack-Nova-API-Version' '2.200'))
    & $add 'microversion 2.abc' (Send-Raw Get "$c/os-snapshots" (With $h 'X-OpenStack-Nova-API-Version' '2.abc'))
    & $add 'no token' (Send-Raw Get "$c/os-snapshots" @{ Accept = 'application/json' })
    & $add 'other project id in URL' (Send-Raw Get "$root/v2.1/0123456789abcdef0123456789abcdef/os-snapshots" $h)
    & $add 'project id in URL' (Send-Raw Get "$root/v2.1/$($session.ProjectId)/os-snapshots" $h)
    & $add 'version document /v2.1/' (Send-Raw Get "$root/v2.1/" @{ Accept = 'application/json' })
    & $add 'wrong password' (Send-Raw Post "$AuthUrl/auth/tokens" -Body (New-PasswordAuthBody $Member.UserName 'wrong' $Project))

    # Deleting needs a settled snapshot on the real cloud (a delete while creating is a 500 there).
    foreach ($snapshot in @($first, $second)) { Wait-Raw "$c/os-snapshots/$($snapshot.Json.snapshot.id)" $h 'available' | Out-Null }
    & $add 'delete' (Send-Raw Delete "$c/os-snapshots/$id" $h)
    & $add 'show after delete (eventually)' (Wait-Raw "$c/os-snapshots/$id" $h 'gone')
    Send-Raw Delete "$c/os-snapshots/$($second.Json.snapshot.id)" $h | Out-Null
    Wait-Raw "$c/os-snapshots/$($second.Json.snapshot.id)" $h 'gone' | Out-Null
    $results
}

Export-ModuleMember -Function Invoke-ConformanceCases
