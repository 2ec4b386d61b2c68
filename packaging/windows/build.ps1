<#
.SYNOPSIS
Builds the Windows installers of MGN Dashboard into <BuildDir>\packages.

.DESCRIPTION
Configures (unless BuildDir is already configured) and builds a Release build,
then runs cpack for each generator. The install step of the "application"
component runs windeployqt, so every package carries the Qt runtime.
  NSIS  mgn-dashboard-<version>-windows-x86_64.exe       per-machine installer
        mgn-dashboard-<version>-windows-x86_64-user.exe  per-user installer (no elevation)
  ZIP   mgn-dashboard-<version>-windows-x86_64.zip       portable
  WIX   .msi (per machine and per user); needs the WiX Toolset 3 (candle, light)
Run it from a Developer PowerShell for Visual Studio (cl.exe on PATH), with
CMAKE_PREFIX_PATH naming Qt 6 (6.4 or later) and qtkeychain, and NSIS installed.

.EXAMPLE
pwsh packaging/windows/build.ps1 -BuildDir build-pkg -Generators NSIS,ZIP,WIX
#>
param(
    [string]$BuildDir = "build-pkg",
    [string[]]$Generators = @("NSIS", "ZIP")
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Native {
    param([string]$Command, [string[]]$Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
if (-not (Test-Path (Join-Path $BuildDir "CMakeCache.txt"))) {
    Write-Host "== Configuring a release build in $BuildDir"
    Invoke-Native cmake @("-S", $root, "-B", $BuildDir, "-G", "Ninja",
        "-DCMAKE_BUILD_TYPE=Release", "-DMGN_BUILD_TESTS=OFF")
} else {
    Write-Host "== Reusing the configured build in $BuildDir"
}
Invoke-Native cmake @("--build", $BuildDir)

$packages = Join-Path (Resolve-Path $BuildDir).Path "packages"
if (Test-Path $packages) { Remove-Item -Recurse -Force $packages }
Push-Location $BuildDir
try {
    foreach ($generator in $Generators) {
        Write-Host "== cpack -G $generator"
        Invoke-Native cpack @("-G", $generator, "-B", $packages)
        if ($generator -in @("NSIS", "WIX")) {
            Write-Host "== cpack -G $generator (per user)"
            Invoke-Native cpack @("-G", $generator, "-D", "MGN_PER_USER=ON", "-B", $packages)
        }
    }
} finally {
    Pop-Location
}
Remove-Item -Recurse -Force (Join-Path $packages "_CPack_Packages") -ErrorAction SilentlyContinue
Get-ChildItem $packages | Format-Table Name, Length
