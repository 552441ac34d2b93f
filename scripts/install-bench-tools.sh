#!/usr/bin/env bash
# `make bench` drives the site with Debian's wrk and puts Debian's nginx and Varnish beside it. It runs its own
# instances, on its own ports, from a temporary directory: the packages' system services are never wanted.
set -euo pipefail
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian's ${missing[*]} for the benchmark..."
# Debian starts a package's service on install unless policy-rc.d says no (exit 101): say no for this install,
# unless the machine already has its own policy.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  trap '$sudo rm -f "$policy"' EXIT
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Only the services of the packages installed just now: ones the machine had before are its owner's business.
services=()
for package in "${missing[@]}"; do
  case "$package" in
    nginx) services+=(nginx) ;;
    varnish) services+=(varnish varnishncsa) ;;
  esac
done
for service in "${services[@]}"; do
  if [ -d /run/systemd/system ]; then
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$service" ]; then
    $sudo "/etc/init.d/$service" stop >/dev/null 2>&1 || true
  fi
done
