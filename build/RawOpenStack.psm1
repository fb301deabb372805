# Raw requests to Keystone and Nova without the module: for the benchmark's baseline, the conformance
# comparison and the integration tests' raw checks. One place writes the token request.

function Send-Raw {
    param([string] $Method, [string] $Url, [hashtable] $Headers = @{}, [AllowNull()] $Body = $null, [string] $ContentType = 'application/json')
    $request = @{ Method = $Method; Uri = $Url; Headers = $Headers; SkipHttpErrorCheck = $true; TimeoutSec = 60 }
    if ($null -ne $Body) { $request.Body = $Body; $request.ContentType = $ContentType }
    $response = Invoke-WebRequest @request
    $text = if ($response.Content -is [byte[]]) { [Text.Encoding]::UTF8.GetString($response.Content) } else { [string]$response.Content }
    $json = $null
    try { if ($text.Trim()) { $json = $text | ConvertFrom-Json -ErrorAction Stop } } catch { $json = $null }
    [pscustomobject]@{ Status = [int]$response.StatusCode; Text = $text; Json = $json; Headers = $response.Headers }
}

# Keystone v3 password sign-in scoped to a project by name, all in the default domain.
function New-PasswordAuthBody([string] $User, [string] $Password, [string] $Project) {
    @{ auth = @{ identity = @{ methods = @('password'); password = @{ user = @{ name = $User; domain = @{ id = 'default' }; password = $Password } } }
                 scope = @{ project = @{ name = $Project; domain = @{ id = 'default' } } } } } | ConvertTo-Json -Depth 10
}

# The token, the catalog's public compute and block-storage URLs and the project id.
function Get-RawToken([string] $AuthUrl, [pscredential] $Credential, [string] $Project) {
    $body = New-PasswordAuthBody $Credential.UserName $Credential.GetNetworkCredential().Password $Project
    $response = Send-Raw -Method Post -Url "$AuthUrl/auth/tokens" -Body $body
    if ($response.Status -ne 201) { throw "Sign-in as $($Credential.UserName) failed: HTTP $($response.Status) $($response.Text)" }
    $publicUrl = {
        param($type)
        $endpoints = ($response.Json.token.catalog | Where-Object type -eq $type).endpoints
        "$(($endpoints | Where-Object interface -eq 'public' | Select-Object -First 1).url)".TrimEnd('/')
    }
    [pscustomobject]@{
        Token = $response.Headers['X-Subject-Token'][0]; Compute = & $publicUrl 'compute'; BlockStorage = & $publicUrl 'block-storage'
        ProjectId = $response.Json.token.project.id
    }
}

Export-ModuleMember -Function Send-Raw, New-PasswordAuthBody, Get-RawToken
