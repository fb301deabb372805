#!/bin/bash
# Stop everything tests/real-openstack/start.sh STATE_DIR started, by the process-group ids it
# recorded in STATE_DIR/run/*.pid (never by process name), then check that the ports are free
# and that no process of this STATE_DIR is left.
#
# Usage: tests/real-openstack/stop.sh STATE_DIR
#
# Safe to call twice, and after a start that failed half-way (only the groups that were
# recorded are signalled). A group is signalled only if one of its processes carries
# OSS_REAL_OPENSTACK_STATE=STATE_DIR in its environment, so a recycled pid is never hit.
# Exit status: 0 when everything is stopped and the ports are free, 1 otherwise.
set -uo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then echo "usage: $0 STATE_DIR" >&2; exit 2; fi
T0=$(date +%s%N)
ms() { echo $(( ($(date +%s%N) - ${1:-$T0}) / 1000000 )); }
PORTS="5000 8774 8776 5672 25672"
if [ -d "$1" ]; then R=$(cd "$1" && pwd); else R=$1; fi
RUN=$R/run
MARK="OSS_REAL_OPENSTACK_STATE=$R"

ours() { # pid... -> prints those that carry our marker (one grep over their NUL-separated environments)
  [ $# -gt 0 ] || return 0
  local p; for p in "$@"; do printf '/proc/%s/environ\0' "$p"; done \
    | xargs -0 grep -lzxF -- "$MARK" 2>/dev/null | cut -d/ -f3
}
group_alive() { # pgid -> 0 if any live (non-zombie) process of the group is ours
  local members; members=$(ps -e -o stat=,pid=,pgid= | awk -v g="$1" '$1 !~ /^Z/ && $3 == g {print $2}')
  [ -n "$members" ] || return 1
  # shellcheck disable=SC2086
  [ -n "$(ours $members)" ]
}

# process groups with a live member: one ps per poll, whatever the load; zombies do not count
# (when start.sh calls this after a failure, it cannot reap its finished set-up jobs meanwhile)
live_pgids() { ps -e -o stat=,pgid= | awk '$1 !~ /^Z/ {print $2}' | sort -u; }

# stop_phase TIMEOUT_S NAME... : TERM every named group at once, wait (wall clock), KILL what is left.
# The marker is checked once, before signalling; after that a group is alive while it has members.
stop_phase() {
  local timeout=$1; shift
  local name pid live=() t e still alive
  for name in "$@"; do
    [ -f "$RUN/$name.pid" ] || continue
    pid=$(cat "$RUN/$name.pid" 2>/dev/null)
    if [[ "$pid" =~ ^[0-9]+$ ]] && group_alive "$pid"; then
      kill -TERM -- "-$pid" 2>/dev/null
      live+=("$name:$pid")
    else
      rm -f "$RUN/$name.pid"
    fi
  done
  [ ${#live[@]} -gt 0 ] || return 0
  t=$(date +%s%N)
  local deadline=$(( t + timeout * 1000000000 ))
  while :; do
    alive=$(live_pgids); still=0
    for e in "${live[@]}"; do grep -qx "${e#*:}" <<<"$alive" && still=1; done
    [ $still = 0 ] && break
    [ "$(date +%s%N)" -lt $deadline ] || break
    sleep 0.1
  done
  for e in "${live[@]}"; do
    name=${e%%:*}; pid=${e#*:}
    if grep -qx "$pid" <<<"$(live_pgids)"; then
      echo "$name (pgid $pid): still running after ${timeout}s, SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null
      for _ in $(seq 1 30); do grep -qx "$pid" <<<"$(live_pgids)" || break; sleep 0.1; done
    fi
    if grep -qx "$pid" <<<"$(live_pgids)"; then echo "$name (pgid $pid): COULD NOT STOP"
    else echo "$name (pgid $pid) stopped"; rm -f "$RUN/$name.pid"; fi
  done
  echo "  ... in $(ms "$t") ms"
}

EPMD_OURS=0; [ -f "$RUN/epmd.pid" ] && EPMD_OURS=1
if [ -d "$RUN" ]; then
  # OpenStack services first (while the broker is still there for their shutdown), then the broker.
  # shellcheck disable=SC2046
  stop_phase 10 $(cd "$RUN" && ls setup-*.pid 2>/dev/null | sed 's/\.pid$//') \
    cinder-volume cinder-scheduler cinder-api nova-api keystone
  stop_phase 15 rabbitmq mariadb
  stop_phase 5 epmd
  for f in "$RUN"/*.pid; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in rabbitmq.beam.pid|mariadb.server.pid) rm -f "$f";; *) echo "left: $f";; esac
  done
else
  echo "no $RUN: nothing recorded to stop"
fi

# ---------------------------------------------------------------- verification
[ $EPMD_OURS = 1 ] && PORTS="$PORTS 4369"
rc=0
for _ in $(seq 1 30); do
  busy=""; for p in $PORTS; do ss -ltnH "sport = :$p" | grep -q . && busy="$busy $p"; done
  [ -z "$busy" ] && break; sleep 0.1
done
if [ -n "$busy" ]; then
  echo "WARNING: ports still listening:$busy"; for p in $busy; do ss -ltnpH "sport = :$p"; done; rc=1
else
  echo "ports free: $PORTS"
fi
socks=$(ss -lxH 2>/dev/null | awk '{print $5}' | grep -F "$R/" || true)   # MariaDB's unix socket
if [ -n "$socks" ]; then echo "WARNING: unix sockets still listening: $socks"; rc=1; fi
all=(); for d in /proc/[0-9]*; do all+=("${d#/proc/}"); done
left=$(ours "${all[@]}" | paste -sd, -)
if [ -n "$left" ]; then
  echo "WARNING: processes of $R still running:"; ps -o pid,pgid,cmd -p "$left" | cut -c1-160; rc=1
else
  echo "no process of $R left"
fi
echo "stop.sh done in $(ms) ms"
exit $rc
