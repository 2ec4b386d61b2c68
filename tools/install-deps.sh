#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages needed to build, run and test MGN Dashboard.
# Runs apt-get through sudo unless already root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    # tools/check-format.sh: the formatting CI checks
    clang-format-14
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
    # JsonTape's engine (models/json/JsonTape.cpp)
    libsimdjson-dev
    libgl1-mesa-dev
    # Qt6Charts' CMake package needs Qt6OpenGL's, which qt6-base-dev only recommends
    libqt6opengl6-dev
    python3 python3-botocore awscli
    dbus dbus-bin gnome-keyring
    # bench/run.sh: Google Benchmark, /usr/bin/time for peak RSS, boto3 for its column
    libbenchmark-dev time python3-boto3
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
