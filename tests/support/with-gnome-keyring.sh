#!/bin/sh
# Runs a command with an unlocked gnome-keyring serving the Secret Service on
# the current D-Bus session (start this under dbus-run-session). The keyring
# lives in a throw-away HOME so nothing touches the user's real keyring.
set -eu
export HOME="$(mktemp -d)"
export XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$XDG_DATA_HOME/keyrings"
eval "$(printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
status=0
"$@" || status=$?
rm -rf "$HOME"
exit $status
