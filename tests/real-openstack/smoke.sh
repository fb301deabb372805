#!/bin/bash
# Smoke check of a stack started by start.sh, with curl only: what the integration tests rely on.
# Prints every status and body it sees; exits 1 if one expectation fails. Leaves no snapshot behind.
#
# Usage: tests/real-openstack/smoke.sh STATE_DIR
set -uo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 STATE_DIR" >&2; exit 2; fi
# shellcheck disable=SC1091
. "$1/env.sh"
PY=/usr/bin/python3
MV="X-OpenStack-Nova-API-Version: 2.35"
S=$OSS_REAL_NOVA_URL/os-snapshots
FAILS=0; PASSES=0
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

token() { # json-auth -> token on stdout
  curl -s -D "$TMP/h" -o /dev/null -X POST "$OSS_REAL_AUTH_URL/auth/tokens" -H 'Content-Type: application/json' -d "$1"
  awk -F': ' 'tolower($1)=="x-subject-token"{print $2}' "$TMP/h" | tr -d '\r'
}
pw() { printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"id":"default"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"id":"default"}}}}}' "$1" "$2" "$3"; }
# req METHOD URL TOKEN [BODY] [extra header]: sets CODE and BODY
req() {
  local args=(-s -o "$TMP/b" -w '%{http_code}' -X "$1" "$2" -H "$MV" -H 'Accept: application/json')
  [ -n "$3" ] && args+=(-H "X-Auth-Token: $3")
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' -d "$4")
  [ -n "${5:-}" ] && args+=(-H "$5")
  CODE=$(curl "${args[@]}"); BODY=$(cat "$TMP/b")
}
expect() { # label expected-code [substring]
  if [ "$CODE" = "$2" ] && { [ -z "${3:-}" ] || grep -qF -- "$3" <<<"$BODY"; }; then
    PASSES=$((PASSES + 1)); echo "ok   $1: $CODE ${BODY:0:300}"
  else
    FAILS=$((FAILS + 1)); echo "FAIL $1: expected $2 ${3:-}, got $CODE ${BODY:0:400}"
  fi
}
jget() { # python expression on the last body d, "" when it does not apply
  $PY -c '
import json, sys
try:
    d = json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, {"d": d}))
except Exception:
    print("")' "$BODY" "$1"
}
now() { date +%s%N; }

MT=$(token "$(pw "$OSS_REAL_MEMBER_USER" "$OSS_REAL_MEMBER_PASSWORD" "$OSS_REAL_PROJECT")")
RT=$(token "$(pw "$OSS_REAL_READER_USER" "$OSS_REAL_READER_PASSWORD" "$OSS_REAL_PROJECT")")
AT=$(token "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{\"id\":\"$OSS_REAL_APPCRED_ID\",\"secret\":\"$OSS_REAL_APPCRED_SECRET\"}}}}")
if [ -z "$MT" ] || [ -z "$RT" ] || [ -z "$AT" ]; then echo "FAIL: could not get the three tokens"; exit 1; fi
echo "tokens: member, reader and application credential OK"

# create on an available volume, watch the status
t=$(now)
req POST "$S" "$MT" "{\"snapshot\":{\"volume_id\":\"$OSS_REAL_VOLUME_AVAILABLE_1\",\"display_name\":\"smoke-1\",\"display_description\":\"smoke\"}}"
expect "member create on available volume" 200 '"status": "creating"'
SNAP=$(jget 'd["snapshot"]["id"]')
seen="creating"
for _ in $(seq 1 100); do
  req GET "$S/$SNAP" "$MT"; st=$(jget 'd["snapshot"]["status"]')
  [ "$st" != "${seen##* }" ] && seen="$seen -> $st"
  case $st in available|error) break;; esac; sleep 0.1
done
echo "     status seen: $seen (in $(( ($(now) - t) / 1000000 )) ms)"
expect "show after create" 200 '"status": "available"'

req POST "$S" "$RT" "{\"snapshot\":{\"volume_id\":\"$OSS_REAL_VOLUME_AVAILABLE_1\"}}"
expect "reader create" 403 'os_compute_api:os-volumes:snapshots:create'
req GET "$S" "$RT"
expect "reader list" 200 '"snapshots"'
req POST "$S" "$MT" "{\"snapshot\":{\"volume_id\":\"$OSS_REAL_VOLUME_INUSE\",\"force\":false}}"
expect "create on in-use volume without force" 500 'InvalidInput'
req POST "$S" "$MT" '{"snapshot":{"volume_id":"not-a-uuid"}}'
expect "create with non-UUID volume id" 500 'InvalidInput'
req POST "$S" "$MT" '{"snapshot":{"volume_id":"00000000-0000-4000-8000-000000000000"}}'
expect "create with unknown volume id" 500 'VolumeNotFound'
req GET "$S" "$MT" "" "X-OpenStack-Nova-API-Version: 2.36"
expect "list at microversion 2.36" 404 'itemNotFound'
req GET "$S" ""
expect "list without token" 401 'Unauthorized'
req GET "$S" "$AT"
expect "list with application-credential token" 200 '"snapshots"'

# a revoked token is refused at once (no validation cache: token_cache_time = -1), which is how a
# test can make a client meet a 401 and renew without waiting for the token lifetime
FT=$(token "$(pw "$OSS_REAL_MEMBER_USER" "$OSS_REAL_MEMBER_PASSWORD" "$OSS_REAL_PROJECT")")
req GET "$S" "$FT";                     expect "fresh token before revocation" 200
CODE=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$OSS_REAL_AUTH_URL/auth/tokens" -H "X-Auth-Token: $FT" -H "X-Subject-Token: $FT"); BODY=""
expect "revoke own token" 204
req GET "$S" "$FT";                     expect "same token after revocation" 401

# force on the in-use volume, and more snapshots for paging (max_limit)
req POST "$S" "$AT" "{\"snapshot\":{\"volume_id\":\"$OSS_REAL_VOLUME_INUSE\",\"force\":true,\"display_name\":\"smoke-force\"}}"
expect "app-credential create with force on in-use volume" 200 '"snapshot"'
IDS="$SNAP $(jget 'd["snapshot"]["id"]')"
for n in 3 4 5; do
  req POST "$S" "$MT" "{\"snapshot\":{\"volume_id\":\"$OSS_REAL_VOLUME_AVAILABLE_2\",\"display_name\":\"smoke-$n\"}}"
  expect "create smoke-$n" 200; IDS="$IDS $(jget 'd["snapshot"]["id"]')"
done
req GET "$S" "$MT";                     expect "list without limit (max_limit $OSS_REAL_NOVA_MAX_LIMIT)" 200
echo "     items: $(jget 'len(d["snapshots"])')"
req GET "$S/detail?offset=3" "$MT";     expect "detail offset=3" 200; echo "     items: $(jget 'len(d["snapshots"])')"
req GET "$S?limit=10&offset=0" "$MT";   expect "list limit=10" 200; echo "     items: $(jget 'len(d["snapshots"])') (limit above max_limit is capped)"
req GET "$S?limit=-1" "$MT";            expect "list limit=-1" 400

# delete, then show until 404
for id in $IDS; do
  for _ in $(seq 1 50); do req GET "$S/$id" "$MT"; [ "$(jget 'd["snapshot"]["status"]')" = creating ] || break; sleep 0.1; done
done
t=$(now)
req DELETE "$S/$SNAP" "$MT";           expect "delete" 202
seen=""
for _ in $(seq 1 100); do
  req GET "$S/$SNAP" "$MT"
  if [ "$CODE" = 404 ]; then seen="$seen -> 404"; break; fi
  st=$(jget 'd["snapshot"]["status"]'); [ "$st" != "${seen##* }" ] && seen="$seen -> $st"; sleep 0.1
done
echo "     after delete:$seen (in $(( ($(now) - t) / 1000000 )) ms)"
expect "show after delete" 404 'could not be found'
for id in ${IDS#* }; do req DELETE "$S/$id" "$MT"; expect "cleanup delete $id" 202; done
for _ in $(seq 1 100); do req GET "$S" "$MT"; [ "$(jget 'len(d["snapshots"])')" = 0 ] && break; sleep 0.2; done
expect "list empty after cleanup" 200 '"snapshots": []'

echo "smoke: $PASSES passed, $FAILS failed"
[ $FAILS = 0 ]
