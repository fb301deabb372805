#!/usr/bin/python3
"""Second half of tests/real-openstack/start.sh: talk to the freshly started
Keystone / Cinder / Nova on 127.0.0.1 and prepare what the integration tests need.

  setup-demo.py STATE_DIR

Reads STATE_DIR/run/setup-input.json (written by start.sh: admin password, token
lifetime, start time), then:
  1. registers the catalog (compute, volumev3, block-storage; public/internal/admin),
  2. creates project `demo`, user `demo-member` (member + reader on demo), user
     `demo-reader` (reader only on demo), an application credential of demo-member,
  3. waits for cinder-volume/cinder-scheduler, raises demo's Cinder quota to -1,
  4. creates three 1 GiB volumes as demo-member, waits until they are `available`,
     and attaches the third one (Cinder attachments API) so it is `in-use`/`attached`,
  5. checks that Nova refuses a snapshot of the in-use volume without force,
  6. writes STATE_DIR/env.sh, STATE_DIR/env.ps1 and STATE_DIR/adminrc.

Standard library only; every request goes to 127.0.0.1.
"""
import json
import os
import shlex
import sys
import time
import urllib.error
import urllib.request
import uuid

KEYSTONE = "http://127.0.0.1:5000/v3"
NOVA = "http://127.0.0.1:8774/v2.1"
CINDER_ROOT = "http://127.0.0.1:8776/v3"
REGION = "RegionOne"
NOVA_MICROVERSION = "2.35"

STATE = os.path.abspath(sys.argv[1])
RUN = os.path.join(STATE, "run")
with open(os.path.join(RUN, "setup-input.json")) as f:
    INP = json.load(f)
T0 = INP["t0_ns"]


def ts(msg):
    print("[%6.1fs] %s" % ((time.time_ns() - T0) / 1e9, msg), flush=True)


def die(msg):
    print("setup-demo: ERROR: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def http(method, url, body=None, token=None, headers=None, ok=(200, 201, 202, 204), timeout=60):
    """Returns (status, headers, parsed-json-or-text). Raises on a status not in ok."""
    assert url.startswith("http://127.0.0.1:"), url  # loopback only, always
    h = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if token:
        h["X-Auth-Token"] = token
    h.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, hdrs, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    text = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = text
    if ok is not None and status not in ok:
        raise RuntimeError("%s %s -> %s %s" % (method, url, status, text[:500]))
    return status, hdrs, parsed


class Session:
    """A password or application-credential login that renews its token well before
    Keystone's (deliberately short) token lifetime runs out."""

    def __init__(self, auth):
        self.auth = auth
        self._token = None
        self._got = 0.0
        self.body = None

    def token(self):
        if self._token is None or time.monotonic() - self._got > max(10, INP["token_lifetime"] / 2):
            _, hdrs, body = http("POST", KEYSTONE + "/auth/tokens", {"auth": self.auth}, ok=(201,))
            self._token = hdrs["X-Subject-Token"]
            self._got = time.monotonic()
            self.body = body
        return self._token


def password_auth(user, password, project):
    return {"identity": {"methods": ["password"],
                         "password": {"user": {"name": user, "domain": {"id": "default"}, "password": password}}},
            "scope": {"project": {"name": project, "domain": {"id": "default"}}}}


# ------------------------------------------------------------------ keystone
admin = Session(password_auth("admin", INP["admin_password"], "admin"))
admin.token()
ADMIN_PROJECT_ID = admin.body["token"]["project"]["id"]


def kpost(path, body):
    return http("POST", KEYSTONE + path, body, token=admin.token())[2]


for stype, sname, url in (("compute", "nova", NOVA),
                          ("volumev3", "cinderv3", CINDER_ROOT + "/%(project_id)s"),
                          ("block-storage", "cinder", CINDER_ROOT + "/%(project_id)s")):
    sid = kpost("/services", {"service": {"type": stype, "name": sname, "enabled": True}})["service"]["id"]
    for iface in ("public", "internal", "admin"):
        kpost("/endpoints", {"endpoint": {"service_id": sid, "interface": iface, "region_id": REGION, "url": url}})
ts("catalog registered (compute, volumev3, block-storage)")

roles = {r["name"]: r["id"] for r in http("GET", KEYSTONE + "/roles", token=admin.token())[2]["roles"]}
for needed in ("member", "reader"):
    if needed not in roles:
        die("role %r missing after keystone-manage bootstrap (have %s)" % (needed, sorted(roles)))

DEMO_PROJECT_ID = kpost("/projects", {"project": {"name": "demo", "domain_id": "default",
                                                  "description": "OpenStackSnapshot integration tests"}})["project"]["id"]
users = {}
for name, pw_key in (("demo-member", "member_password"), ("demo-reader", "reader_password")):
    users[name] = kpost("/users", {"user": {"name": name, "domain_id": "default", "password": INP[pw_key],
                                            "default_project_id": DEMO_PROJECT_ID}})["user"]["id"]
for user, role in (("demo-member", "member"), ("demo-member", "reader"), ("demo-reader", "reader")):
    http("PUT", "%s/projects/%s/users/%s/roles/%s" % (KEYSTONE, DEMO_PROJECT_ID, users[user], roles[role]),
         token=admin.token())
ts("project demo, users demo-member (member+reader) and demo-reader (reader) created")

member = Session(password_auth("demo-member", INP["member_password"], "demo"))
appcred = http("POST", "%s/users/%s/application_credentials" % (KEYSTONE, users["demo-member"]),
               {"application_credential": {"name": "oss-real-tests",
                                           "description": "OpenStackSnapshot integration tests"}},
               token=member.token())[2]["application_credential"]
ts("application credential %s for demo-member created (roles: %s)"
   % (appcred["id"], ",".join(r["name"] for r in appcred.get("roles", []))))

# ------------------------------------------------------------------ cinder
ADMIN_CINDER = "%s/%s" % (CINDER_ROOT, ADMIN_PROJECT_ID)
DEMO_CINDER = "%s/%s" % (CINDER_ROOT, DEMO_PROJECT_ID)


def wait(what, fn, seconds, interval=0.5):
    end = time.monotonic() + seconds
    last = None
    while time.monotonic() < end:
        try:
            last = fn()
            if last is True:
                return
        except (OSError, RuntimeError) as e:  # connection refused while still booting, 5xx...
            last = e
        time.sleep(interval)
    die("timed out after %ss waiting for %s (last: %s)" % (seconds, what, last))


def cinder_services_up():
    svcs = http("GET", ADMIN_CINDER + "/os-services", token=admin.token())[2]["services"]
    up = {s["binary"] for s in svcs if s["state"] == "up" and s["status"] == "enabled"}
    return True if {"cinder-scheduler", "cinder-volume"} <= up else sorted(up)


wait("cinder-scheduler and cinder-volume to report up", cinder_services_up, 180)


def scheduler_has_pool():
    # "up" only means heartbeats; the scheduler can place a volume once cinder-volume has sent it its
    # capabilities. Without this wait, on a loaded machine, creates failed with "No valid backend".
    pools = http("GET", ADMIN_CINDER + "/scheduler-stats/get_pools", token=admin.token())[2].get("pools", [])
    return True if pools else "no pools yet"


wait("cinder-scheduler to know the fake backend's pool", scheduler_has_pool, 180)
ts("cinder-api, cinder-scheduler and cinder-volume up, backend pool known")

http("PUT", "%s/os-quota-sets/%s" % (ADMIN_CINDER, DEMO_PROJECT_ID),
     {"quota_set": {"snapshots": -1, "volumes": -1, "gigabytes": -1}}, token=admin.token())

def create_volume(key):
    return http("POST", DEMO_CINDER + "/volumes",
                {"volume": {"size": 1, "name": "oss-real-" + key,
                            "description": "OpenStackSnapshot integration tests"}},
                token=member.token())[2]["volume"]["id"]


vols = {key: create_volume(key) for key in ("available-1", "available-2", "inuse")}
retries = {key: 0 for key in vols}


def all_available():
    st = {}
    for key, vid in list(vols.items()):
        st[key] = http("GET", "%s/volumes/%s" % (DEMO_CINDER, vid), token=member.token())[2]["volume"]["status"]
        if st[key] == "error":
            # seen once on a loaded machine: "No valid backend was found" just after start-up
            if retries[key] >= 2:
                die("volume %s (%s) went to error 3 times: see log/cinder-volume.log and log/cinder-scheduler.log"
                    % (vid, key))
            retries[key] += 1
            print("setup-demo: volume %s (%s) went to error; deleting it and trying again" % (vid, key),
                  file=sys.stderr, flush=True)
            http("DELETE", "%s/volumes/%s" % (DEMO_CINDER, vid), token=member.token(), ok=None)
            vols[key] = create_volume(key)
    return True if all(s == "available" for s in st.values()) else st


wait("volumes to become available", all_available, 180, interval=0.3)
ts("quota raised; 3 volumes of 1 GiB available in demo")

# The third volume: not available. Cinder refuses os-reset_status to in-use on a volume without
# attachments ("Cannot reset-state to in-use because volume does not have any attachments."), so it
# is attached the way Nova attaches volumes (attachments API, 3.27+/3.44): an attachment to a made-up
# server id with a connector (the fake driver's initialize_connection accepts any), then os-complete.
# That is a real in-use/attached volume as far as Cinder is concerned; no Nova server exists.
VOL_MV = {"OpenStack-API-Version": "volume 3.44"}
connector = {"platform": "x86_64", "os_type": "linux", "ip": "127.0.0.1", "host": "oss-real-test",
             "initiator": "iqn.1993-08.org.debian:01:oss-real-test", "multipath": False}
att = http("POST", DEMO_CINDER + "/attachments",
           {"attachment": {"volume_uuid": vols["inuse"], "instance_uuid": str(uuid.uuid4()), "connector": connector}},
           token=member.token(), headers=VOL_MV)[2]["attachment"]
http("POST", "%s/attachments/%s/action" % (DEMO_CINDER, att["id"]), {"os-complete": None},
     token=member.token(), headers=VOL_MV)
v = http("GET", "%s/volumes/%s" % (DEMO_CINDER, vols["inuse"]), token=member.token())[2]["volume"]
if v["status"] != "in-use" or not v.get("attachments"):
    die("attaching did not make volume %s in-use: %s, attachments %s" % (vols["inuse"], v["status"], v.get("attachments")))


def nova_up():
    return http("GET", "http://127.0.0.1:8774/", ok=None)[0] in (200, 300)


wait("nova-api on 127.0.0.1:8774", nova_up, 120, interval=0.2)
ts("nova-api up")

# Self-check: Nova must refuse a snapshot of it without force (Cinder 400 -> Nova 500 InvalidInput).
st, _, body = http("POST", NOVA + "/os-snapshots", {"snapshot": {"volume_id": vols["inuse"], "force": False}},
                   token=member.token(), headers={"X-OpenStack-Nova-API-Version": NOVA_MICROVERSION}, ok=None)
if st == 500 and "InvalidInput" in json.dumps(body):
    ts("volume %s is in-use/attached; Nova refuses a snapshot without force (500 InvalidInput) as expected"
       % vols["inuse"])
else:
    print("setup-demo: WARNING: Nova create without force on the in-use volume answered %s %s" % (st, body),
          file=sys.stderr, flush=True)
    if st == 200 and isinstance(body, dict):  # do not leave an unexpected snapshot behind
        http("DELETE", NOVA + "/os-snapshots/" + body["snapshot"]["id"], token=member.token(),
             headers={"X-OpenStack-Nova-API-Version": NOVA_MICROVERSION}, ok=None)

# ------------------------------------------------------------------ env files
env = [
    ("OSS_REAL_AUTH_URL", KEYSTONE),
    ("OSS_REAL_REGION", REGION),
    ("OSS_REAL_DOMAIN", "Default"),
    ("OSS_REAL_PROJECT", "demo"),
    ("OSS_REAL_PROJECT_ID", DEMO_PROJECT_ID),
    ("OSS_REAL_MEMBER_USER", "demo-member"),
    ("OSS_REAL_MEMBER_USER_ID", users["demo-member"]),
    ("OSS_REAL_MEMBER_PASSWORD", INP["member_password"]),
    ("OSS_REAL_READER_USER", "demo-reader"),
    ("OSS_REAL_READER_PASSWORD", INP["reader_password"]),
    ("OSS_REAL_APPCRED_ID", appcred["id"]),
    ("OSS_REAL_APPCRED_NAME", appcred["name"]),
    ("OSS_REAL_APPCRED_SECRET", appcred["secret"]),
    ("OSS_REAL_VOLUME_AVAILABLE_1", vols["available-1"]),
    ("OSS_REAL_VOLUME_AVAILABLE_2", vols["available-2"]),
    ("OSS_REAL_VOLUME_INUSE", vols["inuse"]),
    ("OSS_REAL_VOLUME_INUSE_ATTACHMENT_ID", att["id"]),
    ("OSS_REAL_ADMIN_USER", "admin"),
    ("OSS_REAL_ADMIN_PASSWORD", INP["admin_password"]),
    ("OSS_REAL_ADMIN_PROJECT", "admin"),
    ("OSS_REAL_ADMIN_PROJECT_ID", ADMIN_PROJECT_ID),
    ("OSS_REAL_NOVA_URL", NOVA),
    ("OSS_REAL_CINDER_URL", DEMO_CINDER),
    ("OSS_REAL_NOVA_MAX_LIMIT", str(INP["nova_max_limit"])),
    ("OSS_REAL_TOKEN_LIFETIME", str(INP["token_lifetime"])),
    ("OSS_REAL_STATE_DIR", STATE),
]


def write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


write_private(os.path.join(STATE, "env.sh"),
              "# generated by tests/real-openstack/start.sh - secrets of this run only\n"
              + "".join("export %s=%s\n" % (k, shlex.quote(v)) for k, v in env))
write_private(os.path.join(STATE, "env.ps1"),
              "# generated by tests/real-openstack/start.sh - secrets of this run only\n"
              + "".join("$env:%s = '%s'\n" % (k, v.replace("'", "''")) for k, v in env))
write_private(os.path.join(STATE, "adminrc"),
              "# for the openstack CLI: . adminrc && openstack volume list --all-projects\n"
              + "".join("export %s=%s\n" % (k, shlex.quote(v)) for k, v in (
                  ("OS_AUTH_URL", KEYSTONE), ("OS_IDENTITY_API_VERSION", "3"), ("OS_USERNAME", "admin"),
                  ("OS_PASSWORD", INP["admin_password"]), ("OS_PROJECT_NAME", "admin"),
                  ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"),
                  ("OS_REGION_NAME", REGION))))
ts("wrote %s/env.sh, env.ps1 and adminrc" % STATE)
