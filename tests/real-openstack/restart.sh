#!/bin/bash
# Restart one API service of the real OpenStack that start.sh started, as a crash does: its whole process group is
# killed with SIGKILL (no graceful stop, so requests in flight die with it), it stays down DOWN_SECONDS, then it is
# started again with the command start.sh recorded, and this waits until its port listens.
#
# Usage: tests/real-openstack/restart.sh [STATE_DIR] nova-api|cinder-api|keystone [DOWN_SECONDS]
#        STATE_DIR defaults to $OSS_REAL_STATE_DIR (set by STATE_DIR/env.sh and env.ps1); DOWN_SECONDS to 5.
# Prints one line: NAME killed at <epoch ms>, listening again at <epoch ms>.
set -euo pipefail

if [ $# -ge 1 ] && [ -d "$1" ]; then R=$(cd "$1" && pwd); shift; else R=${OSS_REAL_STATE_DIR:-}; fi
[ -n "$R" ] && [ -d "$R/run" ] || { echo "usage: $0 [STATE_DIR] nova-api|cinder-api|keystone [DOWN_SECONDS]" >&2; exit 2; }
NAME=${1:-}; DOWN=${2:-5}
case "$NAME" in nova-api) PORT=8774;; cinder-api) PORT=8776;; keystone) PORT=5000;;
  *) echo "restart.sh: NAME must be nova-api, cinder-api or keystone" >&2; exit 2;; esac
[[ "$DOWN" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "restart.sh: DOWN_SECONDS must be a number" >&2; exit 2; }
RUN=$R/run; LOG=$R/log; MARK="OSS_REAL_OPENSTACK_STATE=$R"
[ -s "$RUN/$NAME.pid" ] && [ -s "$RUN/$NAME.cmd" ] || { echo "restart.sh: $NAME was not started by start.sh in $R" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
members() { ps -e -o stat=,pid=,pgid= | awk -v g="$1" '$1 !~ /^Z/ && $3 == g {print $2}'; }

PGID=$(cat "$RUN/$NAME.pid")
# Only a group one of whose processes carries our marker is signalled, so a recycled pid is never hit.
mine=""; for p in $(members "$PGID"); do grep -qzxF -- "$MARK" "/proc/$p/environ" 2>/dev/null && mine=1; done
[ -n "$mine" ] || { echo "restart.sh: $NAME (group $PGID) is not running" >&2; exit 1; }
kill -KILL -- "-$PGID"
KILLED=$(now_ms)
end=$(( $(date +%s) + 30 ))
while [ -n "$(members "$PGID")" ]; do [ "$(date +%s)" -le $end ] || { echo "restart.sh: $NAME did not die" >&2; exit 1; }; sleep 0.05; done
sleep "$DOWN"

eval "set -- $(cat "$RUN/$NAME.cmd")"
: > "$RUN/$NAME.pid"
setsid env OSS_REAL_OPENSTACK_STATE="$R" /bin/bash -c 'echo $$ > "$0"; exec "$@"' "$RUN/$NAME.pid" "$@" \
  >> "$LOG/$NAME.out" 2>&1 < /dev/null &
end=$(( $(date +%s) + 120 ))
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
  [ "$(date +%s)" -le $end ] || { echo "restart.sh: $NAME did not listen on $PORT within 120 s" >&2; exit 1; }
  sleep 0.1
done
echo "$NAME killed at $KILLED, listening again at $(now_ms)"
