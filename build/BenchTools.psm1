# What the benchmark sessions share: medians of alternating runs and one row shape. (A fresh pwsh: Build.ps1's Invoke-FreshPwsh.)

# The median of a list of numbers (the lower middle for an even count).
function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
}

# Runs each action $Runs times, alternating them so both meet the same machine load. Each run's wall time is its
# Wall figure; an action may return a hashtable of more figures (CPU time, memory). Returns, per action in order, a
# hashtable of the median of each figure. -Before runs, untimed, before every run of every action.
function Measure-Alternating([int] $Runs, [scriptblock[]] $Actions, [scriptblock] $Before = {}) {
    $figures = @(foreach ($action in $Actions) { @{ Wall = [Collections.Generic.List[double]]::new() } })
    foreach ($run in 1..$Runs) {
        for ($i = 0; $i -lt $Actions.Count; $i++) {
            & $Before | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $more = @(& $Actions[$i]) | Where-Object { $_ -is [hashtable] } | Select-Object -Last 1
            $figures[$i].Wall.Add($clock.Elapsed.TotalMilliseconds)
            if ($more) {
                foreach ($key in $more.Keys) {
                    if (-not $figures[$i].ContainsKey($key)) { $figures[$i][$key] = [Collections.Generic.List[double]]::new() }
                    $figures[$i][$key].Add([double]$more[$key])
                }
            }
        }
    }
    foreach ($set in $figures) {
        $medians = @{}
        foreach ($key in $set.Keys) { $medians[$key] = Get-Median $set[$key] }
        $medians
    }
}

# One line of the table: the module's figure beside its comparison, measured in the same run.
function New-BenchRow([string] $Case, [string] $Unit, [double] $Module, [string] $Versus, [double] $Comparison, [string] $Target, [bool] $Met) {
    [pscustomobject]@{ Case = $Case; Unit = $Unit; Module = $Module; Versus = $Versus; Comparison = $Comparison
                       Ratio = $(if ($Comparison) { $Module / $Comparison } else { 0 }); Target = $Target; Met = $Met }
}

Export-ModuleMember -Function Get-Median, Measure-Alternating, New-BenchRow
