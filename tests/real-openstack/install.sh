#!/bin/bash
# Install the Debian 12 packages the real-OpenStack harness needs (FULL mode:
# Keystone, Nova API, Cinder API + scheduler + volume, RabbitMQ, MariaDB (Cinder's
# database: sqlite gave "database is locked" with three Cinder processes), the
# openstack CLI and the small tools the scripts use). Idempotent: when everything is already
# installed it only runs dpkg-query and exits in well under a second.
#
# Usage: sudo tests/real-openstack/install.sh
#
# No daemon is started: /usr/sbin/policy-rc.d is made to exit 101 first, otherwise
# the packages' postinst scripts would start keystone/nova/cinder/rabbitmq on 0.0.0.0.
set -euo pipefail

PKGS=(keystone nova-api cinder-api cinder-scheduler cinder-volume rabbitmq-server
      python3-openstackclient uwsgi-core uwsgi-plugin-python3
      mariadb-server python3-pymysql
      sqlite3 curl iproute2 procps util-linux python3)

T0=$(date +%s%N)
elapsed() { local ms=$(( ($(date +%s%N) - T0) / 1000000 )); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: must run as root (it uses apt-get install); try: sudo $0" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install.sh: apt-get/dpkg-query not found - this harness needs Debian 12 (bookworm) packages" >&2
  exit 1
fi

# (dpkg-query exits 1 when a package is unknown to dpkg: that only means "missing")
installed=" $( { dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PKGS[@]}" 2>/dev/null || true; } \
  | awk '$2 == "installed" {printf "%s ", $1}')"
missing=()
for p in "${PKGS[@]}"; do [[ "$installed" == *" $p "* ]] || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install.sh: all ${#PKGS[@]} packages already installed ($(elapsed))"
  exit 0
fi
echo "install.sh: missing: ${missing[*]}"

# Keep postinst scripts from starting daemons (they would listen on 0.0.0.0).
# An existing policy-rc.d that already exits 101 (e.g. Docker's) is left alone.
rc=0; [ -x /usr/sbin/policy-rc.d ] && { /usr/sbin/policy-rc.d dummy start >/dev/null 2>&1 || rc=$?; }
if [ "$rc" != 101 ]; then
  [ -e /usr/sbin/policy-rc.d ] && cp -p /usr/sbin/policy-rc.d /usr/sbin/policy-rc.d.before-real-openstack
  printf '#!/bin/sh\n# written by tests/real-openstack/install.sh: never start daemons from maintainer scripts\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  echo "install.sh: /usr/sbin/policy-rc.d now exits 101"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
echo "install.sh: apt-get update done ($(elapsed))"
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install.sh: installed ${#missing[@]} requested packages ($(elapsed))"

# Belt and braces: if a package's unit got enabled and something started it anyway
# (no systemd here normally), report it; we never stop processes by name.
for port in 5000 8774 8776 5672 3306; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "install.sh: WARNING: something listens on port $port after install:" >&2
    ss -ltnpH "sport = :$port" >&2
  fi
done
