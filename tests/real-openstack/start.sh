#!/bin/bash
# Start a REAL OpenStack (Debian 12 / Zed packages) on 127.0.0.1 for integration tests:
#   keystone (uwsgi, :5000)   nova-api (:8774)   cinder-api (:8776)
#   rabbitmq (:5672, dist :25672, epmd :4369)   cinder-scheduler   cinder-volume (fake driver)
#   mariadb (Cinder's database; unix socket only, no port)
# then create the demo project, users, application credential and volumes the tests use
# and write STATE_DIR/env.sh and STATE_DIR/env.ps1.
#
# Usage:  tests/real-openstack/install.sh            # once, as root
#         tests/real-openstack/start.sh STATE_DIR     # fresh state every time
#         . STATE_DIR/env.sh   (bash)   or   . STATE_DIR/env.ps1   (pwsh)
#         tests/real-openstack/stop.sh STATE_DIR
#
# Knobs (environment): TOKEN_LIFETIME (Keystone [token] expiration, seconds, default 180),
#   NOVA_MAX_LIMIT (Nova [api] max_limit, default 3), KEEP_ON_FAILURE=1 (do not stop
#   what was started when start fails, to look at it).
#
# Every daemon is started with setsid as its own process group; its group id is written to
# STATE_DIR/run/NAME.pid the moment it starts, so stop.sh can always stop it (never by name).
set -euo pipefail
umask 077

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -ne 1 ] || [ -z "$1" ]; then echo "usage: $0 STATE_DIR" >&2; exit 2; fi
case "$1" in *[[:space:]]*) echo "start.sh: STATE_DIR must not contain spaces (it goes into database URLs)" >&2; exit 2;; esac
if [ "$(id -u)" != 0 ]; then echo "start.sh: run as root (the services run as root here)" >&2; exit 1; fi
TOKEN_LIFETIME=${TOKEN_LIFETIME:-180}
if ! [[ "$TOKEN_LIFETIME" =~ ^[0-9]+$ ]] || [ "$TOKEN_LIFETIME" -lt 60 ]; then echo "start.sh: TOKEN_LIFETIME must be >= 60" >&2; exit 2; fi
mkdir -p "$1"
R=$(cd "$1" && pwd)
ST=$R/state; LOG=$R/log; RUN=$R/run; ETC=$R/etc
SOCK=$RUN/mariadb.sock          # MariaDB listens on this unix socket only (no TCP port at all)
if [ ${#SOCK} -gt 100 ]; then echo "start.sh: STATE_DIR path too long for a unix socket ($SOCK)" >&2; exit 2; fi
PY=/usr/bin/python3            # the system python that has the OpenStack libraries, not a pyenv one
# Keystone token lifetime. Not below ~150: keystoneauth (inside nova/cinder's auth middleware) treats a
# token with less than 120 s left as expired, so with 120 s every API call re-authenticates the
# service user (4 extra token requests per Nova call, 0.5-2.5 s each). 180 s: services reuse their
# token for a minute, and a client's token really expires within 3 minutes.
NOVA_MAX_LIMIT=${NOVA_MAX_LIMIT:-3}
if ! [[ "$NOVA_MAX_LIMIT" =~ ^[1-9][0-9]*$ ]]; then echo "start.sh: NOVA_MAX_LIMIT must be a positive integer" >&2; exit 2; fi
PORTS="5000 8774 8776 5672 25672"

T0=$(date +%s%N)
[ "$TOKEN_LIFETIME" -gt 150 ] || echo "start.sh: WARNING: TOKEN_LIFETIME=$TOKEN_LIFETIME <= 150 s makes nova/cinder re-authenticate on every call (slow)" >&2
ts() { local ms=$(( ($(date +%s%N) - T0) / 1000000 )); printf '[%4d.%01ds] %s\n' $((ms / 1000)) $(( (ms % 1000) / 100 )) "$*"; }

for b in keystone-manage nova-api cinder-api cinder-scheduler cinder-volume uwsgi /usr/lib/rabbitmq/bin/rabbitmq-server \
         epmd mariadb-install-db /usr/sbin/mariadbd mariadb sqlite3 curl ss ps setsid $PY; do
  command -v "$b" >/dev/null || { echo "start.sh: $b not found - run $HERE/install.sh first" >&2; exit 1; }
done

# A previous run in the same STATE_DIR is stopped first; then the ports must be free.
if [ -d "$RUN" ]; then "$HERE/stop.sh" "$R" >/dev/null || true; fi
port_busy() { ss -ltnH "sport = :$1" | grep -q .; }
for p in $PORTS; do
  if port_busy "$p"; then
    echo "start.sh: port $p is already in use (another OpenStack? stop it with stop.sh ITS_STATE_DIR):" >&2
    ss -ltnpH "sport = :$p" >&2; exit 1
  fi
done

on_exit() {
  local rc=$?
  [ "$rc" != 0 ] || return 0
  echo "start.sh: FAILED (exit $rc) after $(( ($(date +%s%N) - T0) / 1000000 )) ms" >&2
  for f in "$LOG"/*.log "$LOG"/*.out; do
    [ -s "$f" ] || continue
    if grep -qE 'ERROR|CRITICAL|Traceback' "$f"; then echo "---- $f (last errors)" >&2; grep -E 'ERROR|CRITICAL|Error' "$f" | tail -5 >&2; fi
  done
  if [ "${KEEP_ON_FAILURE:-0}" = 1 ]; then
    echo "start.sh: KEEP_ON_FAILURE=1: left running; stop with $HERE/stop.sh $R" >&2
  else
    "$HERE/stop.sh" "$R" >&2 || true
  fi
}
declare -A JOBS=()   # background set-up jobs (db syncs): pid -> name
trap on_exit EXIT
trap 'exit 130' INT TERM HUP   # so that on_exit cleans up on Ctrl-C / kill too
die() { echo "start.sh: $*" >&2; exit 1; }

rm -rf "$ST" "$LOG" "$RUN" "$ETC" "$R/env.sh" "$R/env.ps1" "$R/adminrc"
mkdir -p "$ETC" "$ST/nova/lock" "$ST/cinder/lock" "$ST/rabbitmq" "$LOG" "$RUN"

# launch NAME CMD...: own session/process group; pgid recorded at once in run/NAME.pid.
# OSS_REAL_OPENSTACK_STATE marks the processes as ours (stop.sh checks it before signalling,
# so a recycled pid is never hit).
launch() {
  local name=$1; shift
  printf '%q ' "$@" > "$RUN/$name.cmd"   # restart.sh starts it again the same way
  setsid env OSS_REAL_OPENSTACK_STATE="$R" /bin/bash -c 'echo $$ > "$0"; exec "$@"' "$RUN/$name.pid" "$@" \
    > "$LOG/$name.out" 2>&1 < /dev/null &
  local end=$(( $(date +%s) + 10 ))
  while [ "$(date +%s)" -le $end ]; do [ -s "$RUN/$name.pid" ] && return 0; sleep 0.02; done
  die "$name did not start"
}
group_members() { ps -e -o stat=,pid=,pgid= | awk -v g="$1" '$1 !~ /^Z/ && $3 == g {print $2}'; }  # zombies excluded
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_tcp() { # port seconds name  (wall-clock deadline: loops run slowly on a loaded machine)
  local end=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -le $end ]; do tcp_open "$1" && return 0; check_alive "$3"; sleep 0.1; done
  die "timeout waiting for $3 on port $1"
}
wait_http() { # url seconds name
  local c end=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -le $end ]; do
    c=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)
    case "$c" in 200|300) return 0;; esac; check_alive "$3"; sleep 0.1
  done; die "timeout waiting for $3 at $1"
}
check_alive() { # name: fail early if the process group is gone
  local pid; pid=$(cat "$RUN/$1.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  [ -n "$(group_members "$pid")" ] || { tail -20 "$LOG/$1.out" >&2; die "$1 exited; see $LOG/$1.*"; }
}

# ---------------------------------------------------------------- secrets (new every run)
# Passwords, and Keystone's fernet + credential key repositories written directly: what
# `keystone-manage fernet_setup` / `credential_setup` produce (files 0 = staged, 1 = primary, each
# a Fernet key), without two more Python start-ups of keystone-manage.
read -r ADMIN_PASSWORD MEMBER_PASSWORD READER_PASSWORD < <($PY - "$ST" <<'PYEOF'
import base64, os, secrets, sys
for repo in ("fernet-keys", "credential-keys"):
    d = os.path.join(sys.argv[1], repo)
    os.makedirs(d, mode=0o700)
    for i in ("0", "1"):
        with open(os.path.join(d, i), "w") as f:
            f.write(base64.urlsafe_b64encode(os.urandom(32)).decode())
# a letter first: a password starting with "-" would read as an option on a command line
print(*("p" + secrets.token_urlsafe(18) for _ in range(3)))
PYEOF
)

# ---------------------------------------------------------------- configs
cat > "$ETC/keystone.conf" <<EOF
[DEFAULT]
log_dir = $LOG
log_file = keystone.log
[database]
connection = sqlite:///$ST/keystone.sqlite?timeout=30
[token]
provider = fernet
expiration = $TOKEN_LIFETIME
[fernet_tokens]
key_repository = $ST/fernet-keys
[fernet_receipts]
key_repository = $ST/fernet-keys
[credential]
key_repository = $ST/credential-keys
EOF

AUTHTOKEN="[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:5000/
auth_url = http://127.0.0.1:5000/
auth_type = password
username = admin
password = $ADMIN_PASSWORD
project_name = admin
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
# no validation cache: a revoked token is refused at once (renewal tests), one GET per call
token_cache_time = -1"

mkdir -p "$ETC/nova-policy.d"   # empty: Nova's built-in defaults, nothing from /etc/nova
cat > "$ETC/nova.conf" <<EOF
[DEFAULT]
log_dir = $LOG
log_file = nova-api.log
state_path = $ST/nova
my_ip = 127.0.0.1
host = realos
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
transport_url = fake://
graceful_shutdown_timeout = 5
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[api]
auth_strategy = keystone
max_limit = $NOVA_MAX_LIMIT
[api_database]
connection = sqlite:///$ST/nova_api.sqlite?timeout=30
[database]
connection = sqlite:///$ST/nova.sqlite?timeout=30
$AUTHTOKEN
[cinder]
os_region_name = RegionOne
catalog_info = volumev3::publicURL
[oslo_concurrency]
lock_path = $ST/nova/lock
[oslo_policy]
enforce_new_defaults = True
policy_file = $ETC/nova-policy.yaml
policy_dirs = $ETC/nova-policy.d
EOF

cat > "$ETC/cinder.conf" <<EOF
[DEFAULT]
log_dir = $LOG
state_path = $ST/cinder
my_ip = 127.0.0.1
host = realos
auth_strategy = keystone
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
transport_url = rabbit://guest:guest@127.0.0.1:5672/
api_paste_config = /etc/cinder/api-paste.ini
graceful_shutdown_timeout = 5
enabled_backends = fake
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
volume_group = fake-vg
[database]
# MariaDB, not sqlite: three Cinder processes write concurrently, and sqlite answered "database is
# locked" at once (no busy wait: a read transaction cannot be upgraded after another commit)
connection = mysql+pymysql://root@localhost/cinder?unix_socket=$SOCK&charset=utf8
$AUTHTOKEN
[oslo_concurrency]
lock_path = $ST/cinder/lock
[coordination]
backend_url = file://$ST/cinder/coord
EOF

cat > "$ETC/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:5672
loopback_users = none
EOF
echo "[]." > "$ETC/rabbitmq-advanced.config"
echo "[]." > "$ETC/rabbitmq-enabled-plugins"
ts "configs written ($R)"

# ---------------------------------------------------------------- rabbitmq (boots while the DBs sync)
# epmd: ours only if nobody runs one yet (then stop.sh stops it and checks port 4369 too).
if ! port_busy 4369; then
  ERL_EPMD_ADDRESS=127.0.0.1 launch epmd epmd -address 127.0.0.1
  wait_tcp 4369 10 epmd
fi
launch rabbitmq env RABBITMQ_CONFIG_FILE="$ETC/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="$ETC/rabbitmq-advanced.config" \
  RABBITMQ_MNESIA_BASE="$ST/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$LOG" RABBITMQ_NODENAME=rabbit@localhost \
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672 RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_PID_FILE="$RUN/rabbitmq.beam.pid" RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq-enabled-plugins" \
  HOME="$ST/rabbitmq" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none" \
  /usr/lib/rabbitmq/bin/rabbitmq-server

# ---------------------------------------------------------------- databases in parallel; each service starts
# as soon as its own database is ready (python start-up is the cost here: spread it over the 2 cores)
KM=(keystone-manage --config-file "$ETC/keystone.conf")
job() { # name cmd...: a set-up step in the background, output in log/setup-NAME.out. Own process
  # group too (run/setup-NAME.pid), so that stop.sh also ends it if start.sh dies half-way.
  local name=$1; shift
  launch "setup-$name" "$@"
  JOBS[$!]=$name
}
job keystone-db "${KM[@]}" db_sync
job nova-db /bin/sh -ec 'nova-manage --config-file "$0" api_db sync; nova-manage --config-file "$0" db sync' "$ETC/nova.conf"
MDB_OPTS=(--no-defaults --user=root --innodb-log-file-size=8M --innodb-buffer-pool-size=32M --skip-log-bin)
job mariadb-init mariadb-install-db "${MDB_OPTS[@]}" --datadir="$ST/mariadb" --auth-root-authentication-method=socket \
  --skip-test-db
# a "job" that ends when rabbitmq listens (or fails after 120 s), so the loop below reacts to it too
job rabbitmq-port /bin/bash -c 'end=$(( $(date +%s) + 120 )); while [ "$(date +%s)" -le $end ]; do (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null && exit 0; sleep 0.1; done; exit 1'
declare -A FINISHED=()
# WAL: keystone and nova keep read transactions open under sqlite; WAL lets writers proceed
wal() { local d; for d in "$@"; do sqlite3 "$ST/$d.sqlite" 'PRAGMA journal_mode=WAL;' >/dev/null; done; }
start_cinder_rpc() { # cinder-scheduler and cinder-volume need the broker
  for s in cinder-scheduler cinder-volume; do launch $s $s --config-file "$ETC/cinder.conf" --log-file "$LOG/$s.log"; done
  FINISHED[cinder-rpc]=1
}
while [ ${#JOBS[@]} -gt 0 ]; do
  rc=0; wait -n -p fin "${!JOBS[@]}" || rc=$?
  name=${JOBS[$fin]}; unset "JOBS[$fin]"; rm -f "$RUN/setup-$name.pid"
  if [ $rc != 0 ]; then
    [ "$name" = rabbitmq-port ] && { tail -20 "$LOG/rabbitmq.out" >&2; die "rabbitmq did not listen on 127.0.0.1:5672 within 120 s"; }
    tail -20 "$LOG/setup-$name.out" >&2; die "$name failed (exit $rc): $LOG/setup-$name.out"
  fi
  FINISHED[$name]=1; ts "$name done"
  case $name in
    keystone-db)
      # bootstrap (admin user, roles admin/member/reader, region, identity endpoints) and the
      # keystone server start together: the server reads no data while it loads
      wal keystone
      job keystone-bootstrap "${KM[@]}" bootstrap --bootstrap-password="$ADMIN_PASSWORD" --bootstrap-region-id RegionOne \
        --bootstrap-admin-url http://127.0.0.1:5000/v3/ --bootstrap-internal-url http://127.0.0.1:5000/v3/ \
        --bootstrap-public-url http://127.0.0.1:5000/v3/
      # threads=1: keystone + sqlite breaks with several threads per process.
      # "Connection: close": uwsgi's http-socket answers HTTP/1.1 without it and then closes the
      # connection, so keep-alive clients (keystonemiddleware in nova/cinder, .NET's HttpClient)
      # reuse a dead socket and fail ("Remote end closed connection without response" -> 503).
      launch keystone env OS_KEYSTONE_CONFIG_FILES="$ETC/keystone.conf" uwsgi --plugins python3 \
        --http-socket 127.0.0.1:5000 --wsgi-file /usr/bin/keystone-wsgi-public --master --processes 2 --threads 1 \
        --lazy-apps --die-on-term --buffer-size 65535 --add-header 'Connection: close' \
        --logto "$LOG/keystone-uwsgi.log";;
    keystone-bootstrap) ;;
    nova-db)
      wal nova_api nova
      launch nova-api nova-api --config-file "$ETC/nova.conf";;
    mariadb-init)
      launch mariadb /usr/sbin/mariadbd "${MDB_OPTS[@]}" --datadir="$ST/mariadb" --socket="$SOCK" --skip-networking \
        --pid-file="$RUN/mariadb.server.pid" --log-error="$LOG/mariadb.log"
      job cinder-db /bin/bash -ec 'end=$(( $(date +%s) + 60 ))
        until mariadb --no-defaults -S "$0" -u root -e "CREATE DATABASE cinder CHARACTER SET utf8" 2>/dev/null; do
          [ "$(date +%s)" -le $end ] || { echo "mariadb did not answer on $0 within 60 s"; exit 1; }; sleep 0.2
        done
        exec cinder-manage --config-file "$1" db sync' "$SOCK" "$ETC/cinder.conf";;
    cinder-db)
      launch cinder-api cinder-api --config-file "$ETC/cinder.conf" --log-file "$LOG/cinder-api.log";;
  esac
  if [ -n "${FINISHED[cinder-db]:-}" ] && [ -n "${FINISHED[rabbitmq-port]:-}" ] && [ -z "${FINISHED[cinder-rpc]:-}" ]; then
    start_cinder_rpc
  fi
done
wait_http http://127.0.0.1:5000/v3 90 keystone
ts "keystone listening on 127.0.0.1:5000"

# ---------------------------------------------------------------- catalog, demo project, users, volumes
cat > "$RUN/setup-input.json" <<EOF
{"t0_ns": $T0, "admin_password": "$ADMIN_PASSWORD", "member_password": "$MEMBER_PASSWORD",
 "reader_password": "$READER_PASSWORD", "token_lifetime": $TOKEN_LIFETIME, "nova_max_limit": $NOVA_MAX_LIMIT}
EOF
$PY "$HERE/setup-demo.py" "$R" || die "setup-demo.py failed (logs in $LOG)"
rm -f "$RUN/setup-input.json"

# nothing of ours may listen anywhere but on loopback
ours=" "; for pidf in "$RUN"/*.pid; do for p in $(group_members "$(cat "$pidf")"); do ours="$ours$p "; done; done
while read -r addr users; do
  case "$addr" in 127.0.0.1:*|\[::1\]:*|\[::ffff:127.0.0.1\]:*) continue;; esac
  for p in $(grep -o 'pid=[0-9]*' <<<"$users" | cut -d= -f2); do
    if [[ "$ours" == *" $p "* ]]; then die "a process of ours (pid $p) listens on $addr, not on loopback"; fi
  done
done < <(ss -ltnpH | awk '{print $4, $6}')
ts "READY: . $R/env.sh (bash) or . $R/env.ps1 (pwsh); stop with $HERE/stop.sh $R"
