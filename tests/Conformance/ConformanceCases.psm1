# The same raw requests, sent to the emulator and to the real Nova/Keystone, so their answers can be compared:
# status code, body keys (and the snapshot object's keys) and fault name. No module code is used here.
Import-Module (Join-Path $PSScriptRoot '../../build/RawOpenStack.psm1')

# What is compared: status, top-level keys, the keys inside the (first) snapshot or volume, the fault name, and
# for block storage the echoed OpenStack-API-Version header.
function ConvertTo-Shape([string] $Case, $Response) {
    $keys = ''; $inner = ''; $fault = ''
    if ($Response.Json -is [pscustomobject]) {
        $names = @($Response.Json.PSObject.Properties.Name | Sort-Object)
        $keys = $names -join ','
        $item = foreach ($name in 'snapshot', 'snapshots', 'volume', 'volumes') { if ($names -contains $name) { @($Response.Json.$name)[0]; break } }
        if ($item -is [pscustomobject]) { $inner = ($item.PSObject.Properties.Name | Sort-Object) -join ',' }
        if ($Response.Status -ge 400 -and $names.Count -eq 1) { $fault = $names[0] }
    }
    elseif ($Response.Text.Trim()) { $keys = '(not JSON)' }
    $version = if ($Response.Headers -and $Response.Headers['OpenStack-API-Version'] -match '^volume') {
        "$($Response.Headers['OpenStack-API-Version'])"
    }
    else { '' }
    [pscustomobject]@{ Case = $Case; Status = $Response.Status; Keys = $keys; ItemKeys = $inner; Fault = $fault; Version = $version }
}

# The number of items a list answered, appended to its Keys so that filters and paging are compared too.
function Add-ItemCount($Shape, $Response, [string] $Collection) {
    $Shape.Keys += " ($(@($Response.Json.$Collection).Count) items)"
    $Shape
}

# A copy of the headers with one value replaced.
function With([hashtable] $Headers, [string] $Name, [string] $Value) {
    $copy = $Headers.Clone()
    $copy[$Name] = $Value
    $copy
}

# Polls a snapshot (or with -Item volume, a volume) until a status (or 404 for 'gone'); the real block storage takes a moment.
function Wait-Raw([string] $Url, [hashtable] $Headers, [string] $Until, [int] $Seconds = 90, [string] $Item = 'snapshot') {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    do {
        $response = Send-Raw -Method Get -Url $Url -Headers $Headers
        if ($Until -eq 'gone' -and $response.Status -eq 404) { return $response }
        if ($Until -ne 'gone' -and $response.Json.$Item.status -eq $Until) { return $response }
        Start-Sleep -Milliseconds 500
    } while ([DateTime]::UtcNow -lt $deadline)
    $response
}

# What every set of cases starts from, one way for all (this module's and RestoreConformanceCases.psm1's): the member's
# and the reader's tokens (and the admin's when given, in that order), the endpoints, the member's headers for Nova at
# 2.1 and for Cinder at 3.31, an id that exists nowhere, and the rows with the one way to add one (Add: case, response).
function New-ConformanceRun {
    param(
        [Parameter(Mandatory)] [string] $AuthUrl,
        [Parameter(Mandatory)] [pscredential] $Member,
        [Parameter(Mandatory)] [pscredential] $Reader,
        [Parameter(Mandatory)] [string] $Project,
        [pscredential] $Admin,
        [string] $AdminProject
    )
    $session = Get-RawToken $AuthUrl $Member $Project
    $readerToken = Get-RawToken $AuthUrl $Reader $Project
    $adminSession = if ($Admin) { Get-RawToken $AuthUrl $Admin $AdminProject }
    $results = [System.Collections.Generic.List[object]]::new()
    $shape = ${function:ConvertTo-Shape}
    [pscustomobject]@{
        Session = $session
        ReaderToken = $readerToken
        AdminSession = $adminSession
        Compute = $session.Compute
        BlockStorage = $session.BlockStorage
        Nova = @{ 'X-Auth-Token' = $session.Token; 'X-OpenStack-Nova-API-Version' = '2.1'; Accept = 'application/json' }
        Cinder = @{ 'X-Auth-Token' = $session.Token; 'OpenStack-API-Version' = 'volume 3.31'; Accept = 'application/json' }
        Missing = '00000000-0000-4000-8000-000000000000'
        Results = $results
        Add = { param($case, $response) $results.Add((& $shape $case $response)) }.GetNewClosure()
    }
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
    $run = New-ConformanceRun $AuthUrl $Member $Reader $Project
    $session = $run.Session; $readerToken = $run.ReaderToken; $h = $run.Nova; $c = $run.Compute
    $results = $run.Results; $add = $run.Add
    $root = $c -replace '/v2\.1(/[0-9a-f]+)?$', ''
    $snap = { param($volume, $extra) @{ snapshot = (@{ volume_id = $volume } + $extra) } | ConvertTo-Json -Depth 5 }

    $body = & $snap $VolumeAvailable @{ display_name = 'conformance-1'; display_description = 'd'; force = $false }
    $first = Send-Raw Post "$c/os-snapshots" $h $body
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
    $nullName = '{"snapshot": {"volume_id": "' + $VolumeAvailable + '", "display_name": null}}'
    & $add 'create with display_name null' (Send-Raw Post "$c/os-snapshots" $h $nullName)
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

# Cinder's v3 routes, the same way: the pinned microversion the notes recommend (docs/cinder.md),
# then the edges of Cinder's version history, errors, filters and paging, and one snapshot seen through both APIs.
function Invoke-BlockStorageConformanceCases {
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
    $run = New-ConformanceRun $AuthUrl $Member $Reader $Project $Admin $AdminProject
    $readerToken = $run.ReaderToken; $adminSession = $run.AdminSession; $h = $run.Cinder; $nova = $run.Nova
    $v = $run.BlockStorage; $c = $run.Compute; $missing = $run.Missing; $results = $run.Results; $add = $run.Add
    $at = { param($version) With $h 'OpenStack-API-Version' "volume $version" }
    $root = $v -replace '/v3/[0-9a-f]+$', '/v3'
    $snap = { param($volume, $extra) @{ snapshot = (@{ volume_id = $volume } + $extra) } | ConvertTo-Json -Depth 5 }
    $count = { param($case, $response, $collection) $results.Add((Add-ItemCount (ConvertTo-Shape $case $response) $response $collection)) }

    $body = & $snap $VolumeAvailable @{ name = 'conformance-bs-1'; description = 'd'; metadata = @{ 'managed-by' = 'conformance' } }
    $first = Send-Raw Post "$v/snapshots" $h $body
    & $add 'bs create with metadata' $first
    $second = Send-Raw Post "$v/snapshots" $h (& $snap $VolumeInUse @{ name = 'conformance-bs-2'; force = $true })
    & $add 'bs create on in-use volume with force' $second
    $id = $first.Json.snapshot.id
    $made = @($first, $second) | Where-Object Status -eq 202 | ForEach-Object { $_.Json.snapshot.id }
    & $add 'bs show' (Send-Raw Get "$v/snapshots/$id" $h)
    & $add 'bs list' (Send-Raw Get "$v/snapshots" $h)
    & $add 'bs detail' (Send-Raw Get "$v/snapshots/detail" $h)
    & $count 'bs detail limit=1 (next link)' (Send-Raw Get "$v/snapshots/detail?limit=1" $h) 'snapshots'
    # The marker is the first item the server listed: on MySQL two snapshots of one second tie on created_at and
    # their ids (random) decide which comes first, so "the one made last" is not always the first.
    $firstListed = @((Send-Raw Get "$v/snapshots/detail" $h).Json.snapshots)[0].id
    & $count 'bs detail marker=first listed limit=5' (Send-Raw Get "$v/snapshots/detail?marker=$firstListed&limit=5" $h) 'snapshots'
    & $count 'bs detail name=' (Send-Raw Get "$v/snapshots/detail?name=conformance-bs-1" $h) 'snapshots'
    $managedBy = [uri]::EscapeDataString("{'managed-by': 'conformance'}")
    & $count 'bs detail metadata=' (Send-Raw Get "$v/snapshots/detail?metadata=$managedBy" $h) 'snapshots'
    & $count 'bs detail volume_id=' (Send-Raw Get "$v/snapshots/detail?volume_id=$VolumeInUse" $h) 'snapshots'
    # Cinder compares filters in SQL, under MariaDB's utf8 general_ci collation: case and trailing blanks do not count.
    & $count 'bs detail name= in upper case' (Send-Raw Get "$v/snapshots/detail?name=CONFORMANCE-BS-1" $h) 'snapshots'
    $otherCase = [uri]::EscapeDataString("{'managed-by': 'CONFORMANCE '}")
    & $count 'bs detail metadata= value in other case' (Send-Raw Get "$v/snapshots/detail?metadata=$otherCase" $h) 'snapshots'
    & $count 'bs detail with_count at 3.45' (Send-Raw Get "$v/snapshots/detail?with_count=true" (& $at '3.45')) 'snapshots'
    & $add 'bs unknown filter at 3.31' (Send-Raw Get "$v/snapshots/detail?colour=blue" $h)
    & $count 'bs unknown filter at 3.0' (Send-Raw Get "$v/snapshots/detail?colour=blue" (& $at '3.0')) 'snapshots'
    & $count 'bs all_tenants as member' (Send-Raw Get "$v/snapshots/detail?all_tenants=1" $h) 'snapshots'
    $asAdmin = With $h 'X-Auth-Token' $adminSession.Token
    & $add 'bs all_tenants as admin' (Send-Raw Get "$($adminSession.BlockStorage)/snapshots/detail?all_tenants=1&name=conformance-bs-1" $asAdmin)
    & $add 'bs admin shows another project''s snapshot' (Send-Raw Get "$($adminSession.BlockStorage)/snapshots/$id" $asAdmin)
    & $add 'bs limit=-1' (Send-Raw Get "$v/snapshots/detail?limit=-1" $h)
    & $add 'bs limit=abc' (Send-Raw Get "$v/snapshots/detail?limit=abc" $h)
    & $add 'bs offset=abc' (Send-Raw Get "$v/snapshots/detail?offset=abc" $h)
    & $add 'bs sort=name:asc' (Send-Raw Get "$v/snapshots/detail?sort=name:asc" $h)
    & $add 'bs sort_key=bogus' (Send-Raw Get "$v/snapshots/detail?sort_key=bogus" $h)
    & $add 'bs sort_dir=sideways' (Send-Raw Get "$v/snapshots/detail?sort_dir=sideways" $h)
    & $add 'bs unknown marker' (Send-Raw Get "$v/snapshots/detail?marker=$missing" $h)
    & $add 'bs update name' (Send-Raw Put "$v/snapshots/$id" $h '{"snapshot": {"name": "conformance-bs-renamed"}}')
    & $add 'bs update with nothing' (Send-Raw Put "$v/snapshots/$id" $h '{"snapshot": {}}')
    & $add 'bs metadata list' (Send-Raw Get "$v/snapshots/$id/metadata" $h)
    & $add 'bs metadata merge (POST)' (Send-Raw Post "$v/snapshots/$id/metadata" $h '{"metadata": {"tier": "gold"}}')
    & $add 'bs metadata replace (PUT)' (Send-Raw Put "$v/snapshots/$id/metadata" $h '{"metadata": {"managed-by": "conformance", "tier": "silver"}}')
    & $add 'bs metadata show key' (Send-Raw Get "$v/snapshots/$id/metadata/tier" $h)
    & $add 'bs metadata show unknown key' (Send-Raw Get "$v/snapshots/$id/metadata/colour" $h)
    & $add 'bs metadata update key' (Send-Raw Put "$v/snapshots/$id/metadata/tier" $h '{"meta": {"tier": "bronze"}}')
    & $add 'bs metadata update key mismatch' (Send-Raw Put "$v/snapshots/$id/metadata/tier" $h '{"meta": {"colour": "red"}}')
    & $add 'bs metadata delete key' (Send-Raw Delete "$v/snapshots/$id/metadata/tier" $h)
    & $add 'bs metadata delete unknown key' (Send-Raw Delete "$v/snapshots/$id/metadata/tier" $h)
    & $add 'bs metadata POST without metadata' (Send-Raw Post "$v/snapshots/$id/metadata" $h '{"meta": {}}')
    & $add 'bs metadata of unknown snapshot' (Send-Raw Get "$v/snapshots/$missing/metadata" $h)
    $asReader = With $h 'X-Auth-Token' $readerToken.Token
    & $add 'bs metadata merge as reader' (Send-Raw Post "$v/snapshots/$id/metadata" $asReader '{"metadata": {"tier": "gold"}}')
    & $add 'bs create on in-use volume' (Send-Raw Post "$v/snapshots" $h (& $snap $VolumeInUse @{}))
    & $add 'bs create with force false at 3.66' (Send-Raw Post "$v/snapshots" (& $at '3.66') (& $snap $VolumeInUse @{ force = $false }))
    & $add 'bs create on unknown volume' (Send-Raw Post "$v/snapshots" $h (& $snap $missing @{}))
    & $add 'bs create on non-UUID volume' (Send-Raw Post "$v/snapshots" $h (& $snap 'not-a-uuid' @{}))
    & $add 'bs create with display_description' (Send-Raw Post "$v/snapshots" $h (& $snap $VolumeAvailable @{ display_description = 'x' }))
    & $add 'bs create with metadata key a@b' (Send-Raw Post "$v/snapshots" $h (& $snap $VolumeAvailable @{ metadata = @{ 'a@b' = 'x' } }))
    & $add 'bs create without body' (Send-Raw Post "$v/snapshots" $h '')
    & $add 'bs create {"snapshot":"string"}' (Send-Raw Post "$v/snapshots" $h '{"snapshot": "string"}')
    & $add 'bs create malformed JSON' (Send-Raw Post "$v/snapshots" $h '{"snapshot": {')
    & $add 'bs create as application/xml' (Send-Raw Post "$v/snapshots" $h (& $snap $VolumeAvailable @{}) 'application/xml')
    & $add 'bs create as reader' (Send-Raw Post "$v/snapshots" $asReader (& $snap $VolumeAvailable @{ name = 'conformance-bs-reader' }))
    & $add 'bs show unknown id' (Send-Raw Get "$v/snapshots/$missing" $h)
    & $add 'bs delete unknown id' (Send-Raw Delete "$v/snapshots/$missing" $h)
    $noVersion = $h.Clone(); $noVersion.Remove('OpenStack-API-Version')
    & $add 'bs show at 3.0 (no header)' (Send-Raw Get "$v/snapshots/$id" $noVersion)
    & $add 'bs show at 3.10' (Send-Raw Get "$v/snapshots/$id" (& $at '3.10'))
    & $add 'bs show at 3.65' (Send-Raw Get "$v/snapshots/$id" (& $at '3.65'))
    & $add 'bs show at latest' (Send-Raw Get "$v/snapshots/$id" (& $at 'latest'))
    & $add 'bs microversion 3.71' (Send-Raw Get "$v/snapshots" (& $at '3.71'))
    & $add 'bs microversion 2.0' (Send-Raw Get "$v/snapshots" (& $at '2.0'))
    & $add 'bs microversion 3.abc' (Send-Raw Get "$v/snapshots" (& $at '3.abc'))
    & $add 'bs header without volume' (Send-Raw Get "$v/snapshots" (With $h 'OpenStack-API-Version' 'compute 2.1'))
    & $add 'bs no token' (Send-Raw Get "$v/snapshots" @{ Accept = 'application/json' })
    & $add 'bs other project id in URL' (Send-Raw Get "$root/0123456789abcdef0123456789abcdef/snapshots" $h)
    & $add 'bs no project id in URL' (Send-Raw Get "$root/snapshots" $h)
    & $add 'bs volumes list' (Send-Raw Get "$v/volumes" $h)
    & $add 'bs volumes detail' (Send-Raw Get "$v/volumes/detail?limit=1" $h)
    & $add 'bs volume show in-use' (Send-Raw Get "$v/volumes/$VolumeInUse" $h)
    $attachment = @((Send-Raw Get "$v/volumes/$VolumeInUse" $h).Json.volume.attachments)[0]
    $results.Add([pscustomobject]@{
        Case = 'bs volume attachment keys'; Status = 200; Keys = (@($attachment.PSObject.Properties.Name | Sort-Object) -join ',')
        ItemKeys = ''; Fault = ''; Version = ''
    })
    & $add 'bs volume show unknown' (Send-Raw Get "$v/volumes/$missing" $h)
    & $add 'nova shows a block-storage snapshot' (Send-Raw Get "$c/os-snapshots/$id" $nova)

    # A snapshot made through Nova is Cinder's too; deleting needs settled snapshots on the real cloud.
    $viaNova = Send-Raw Post "$c/os-snapshots" $nova (& $snap $VolumeAvailable @{ display_name = 'conformance-bs-nova' })
    $made += @($viaNova) | Where-Object Status -eq 200 | ForEach-Object { $_.Json.snapshot.id }
    & $add 'bs shows a nova snapshot' (Send-Raw Get "$v/snapshots/$($viaNova.Json.snapshot.id)" $h)
    $inUse = Send-Raw Post "$v/snapshots" (& $at '3.66') (& $snap $VolumeInUse @{ name = 'conformance-bs-3' })
    & $add 'bs create on in-use volume at 3.66' $inUse
    $made += @($inUse) | Where-Object Status -eq 202 | ForEach-Object { $_.Json.snapshot.id }
    foreach ($made1 in $made) { Wait-Raw "$v/snapshots/$made1" $h 'available' | Out-Null }
    & $add 'bs delete' (Send-Raw Delete "$v/snapshots/$id" $h)
    & $add 'bs show after delete (eventually)' (Wait-Raw "$v/snapshots/$id" $h 'gone')
    foreach ($other in $made | Where-Object { $_ -ne $id }) {
        Send-Raw Delete "$v/snapshots/$other" $h | Out-Null
        Wait-Raw "$v/snapshots/$other" $h 'gone' | Out-Null
    }
    $reader = Send-Raw Get "$v/snapshots/detail?name=conformance-bs-reader" $h
    foreach ($left in @($reader.Json.snapshots)) {
        if ($left) {
            Wait-Raw "$v/snapshots/$($left.id)" $h 'available' | Out-Null
            Send-Raw Delete "$v/snapshots/$($left.id)" $h | Out-Null
        }
    }
    $results
}

Export-ModuleMember -Function Invoke-ConformanceCases, Invoke-BlockStorageConformanceCases, ConvertTo-Shape, Wait-Raw, New-ConformanceRun
