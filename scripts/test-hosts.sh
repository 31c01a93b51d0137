#!/usr/bin/env bash
# Namespaced libvirt "hosts" for the SSH and TLS transport tests: each is a real libvirtd (+ virtlogd + sshd) in its
# own mount, network, UTS and PID namespace, reachable from this machine only over a veth pair.
#
#   host N (N = 1..VIREO_TEST_HOSTS, default 2)   hostname vireo-hN, address 10.77.N.2/30, root side 10.77.N.1/30
#     sshd            10.77.N.2:22, root login with the key the script makes (client/id_ed25519)
#     libvirtd TLS    10.77.N.2:16514, server certificate for IP:10.77.N.2 and DNS:vireo-hN, client certificates
#                     checked against the test CA and tls_allowed_dn_list
#     unix socket     $root/hN/sock/libvirt-sock (unix_sock_dir lies outside the namespace, so tests reach it
#                     as qemu+unix:///system?socket=...; inside, /run/libvirt/libvirt-sock links to it for
#                     virt-ssh-helper and nc)
#
# Inside, /run is a fresh tmpfs and /etc/libvirt, /var/lib/libvirt, /var/cache/libvirt and /var/log/libvirt are the
# host's own directories under $root/hN (wiped at every fresh start; keys and certificates are kept). The hosts
# route 10.77.0.0/16 to the root side only; the root namespace refuses 10.77.0.0/16 apart from the hosts' /30s,
# so nothing sent to or from a test host leaves this machine. Guest kernel/initrd fixtures are copied into each
# host's /var/lib/libvirt/images/vireo-fixtures (the same path as on the root, so fixture XML works unchanged).
#
# $root/hosts.json describes the running hosts for test/support/test-hosts.ts.
#
# Usage: scripts/test-hosts.sh start|stop|status
#        scripts/test-hosts.sh libvirtd hN stop|kill|freeze|thaw|start     (tests: make the remote daemon fail)
# start and stop are idempotent; start replaces a host that is half up (a stale namespace, a dead daemon).
set -euo pipefail
# shellcheck source=scripts/daemon-lib.sh
source "$(dirname "$0")/daemon-lib.sh"
close_inherited_fds

root=${VIREO_TEST_HOSTS_DIR:-/var/lib/vireo-test-hosts}
count=${VIREO_TEST_HOSTS:-2}
fixtures=${VIREO_FIXTURE_DIR:-/var/lib/libvirt/images/vireo-fixtures}
tls_port=16514
# As libvirt prints it (virt-pki-query-dn): issuer-first order.
client_dn="O=Vireo test,CN=vireo-test-client"

die() { echo "test-hosts: $*" >&2; exit 1; }

# Runs a command, keeping its output unless it fails.
quiet() {
  local out
  out=$("$@" 2>&1) || { echo "test-hosts: FAILED: $*" >&2; echo "$out" >&2; return 1; }
}

names() { local i; for ((i = 1; i <= count; i++)); do echo "h$i"; done; }
index_of() { echo "${1#h}"; }
address_of() { echo "10.77.$(index_of "$1").2"; }
gateway_of() { echo "10.77.$(index_of "$1").1"; }
hostname_of() { echo "vireo-$1"; }
veth_of() { echo "vireo-$1"; }

# The root-namespace pid of a host's namespace init, when it is alive.
init_pid() {
  local file="$root/$1/init.pid" pid
  [[ -s "$file" ]] || return 1
  pid=$(tr -dc 0-9 < "$file")
  [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
  # A recycled pid would not be in our UTS namespace.
  [[ "$(nsenter -t "$pid" -u hostname 2>/dev/null)" == "$(hostname_of "$1")" ]] || return 1
  echo "$pid"
}

in_ns() { local pid=$1; shift; nsenter -t "$pid" -m -u -n -p -- "$@"; }

# --- keys and certificates (made once, kept across restarts) --------------------------------------------------

make_ca() {
  local dir=$1 cn=$2
  [[ -s "$dir/cacert.pem" ]] && return 0
  mkdir -p "$dir"
  quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/cakey.pem" -out "$dir/cacert.pem" -days 3650 \
    -subj "/O=Vireo test/CN=$cn" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}

# sign_cert CA_DIR OUT_CERT OUT_KEY SUBJECT EXTENSIONS
sign_cert() {
  local ca=$1 cert=$2 key=$3 subject=$4 ext=$5 csr
  csr=$(mktemp)
  quiet openssl req -new -newkey rsa:2048 -nodes -keyout "$key" -out "$csr" -subj "$subject"
  quiet openssl x509 -req -in "$csr" -CA "$ca/cacert.pem" -CAkey "$ca/cakey.pem" -CAcreateserial -days 3650 \
    -out "$cert" -extfile <(printf '%s\n' "$ext")
  rm -f "$csr"
  chmod 0600 "$key"
}

client_ext="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"

make_shared_credentials() {
  mkdir -p "$root/client" "$root/rogue"
  chmod 0700 "$root/client" "$root/rogue"
  make_ca "$root/ca" "Vireo test CA"
  make_ca "$root/rogue" "Vireo rogue CA"
  # libvirt's pkipath layout, so virsh -c 'qemu+tls://...?pkipath=$root/client' works as a witness.
  cp "$root/ca/cacert.pem" "$root/client/cacert.pem"
  [[ -s "$root/client/clientcert.pem" ]] ||
    sign_cert "$root/ca" "$root/client/clientcert.pem" "$root/client/clientkey.pem" "/O=Vireo test/CN=vireo-test-client" "$client_ext"
  # Signed by the right CA but not in tls_allowed_dn_list: the daemon closes without its acceptance byte.
  [[ -s "$root/client/intruder-cert.pem" ]] ||
    sign_cert "$root/ca" "$root/client/intruder-cert.pem" "$root/client/intruder-key.pem" "/O=Vireo test/CN=vireo-test-intruder" "$client_ext"
  # Signed by a CA the hosts do not trust.
  [[ -s "$root/rogue/clientcert.pem" ]] ||
    sign_cert "$root/rogue" "$root/rogue/clientcert.pem" "$root/rogue/clientkey.pem" "/O=Vireo test/CN=vireo-test-client" "$client_ext"
  [[ -s "$root/client/id_ed25519" ]] || quiet ssh-keygen -q -t ed25519 -N '' -C vireo-test-client -f "$root/client/id_ed25519"
  [[ -s "$root/rogue/id_ed25519" ]] || quiet ssh-keygen -q -t ed25519 -N '' -C vireo-rogue -f "$root/rogue/id_ed25519"
}

make_host_credentials() {
  local name=$1 dir="$root/$1" addr
  addr=$(address_of "$name")
  mkdir -p "$dir/pki" "$dir/ssh"
  chmod 0700 "$dir/pki" "$dir/ssh"
  # Made again when missing or not for this address.
  if ! openssl x509 -in "$dir/pki/servercert.pem" -noout -ext subjectAltName 2>/dev/null | grep -q "IP Address:$addr"; then
    sign_cert "$root/ca" "$dir/pki/servercert.pem" "$dir/pki/serverkey.pem" "/O=Vireo test/CN=$(hostname_of "$name")" \
      "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:$addr,DNS:$(hostname_of "$name")"
  fi
  cp "$root/ca/cacert.pem" "$dir/pki/cacert.pem"
  [[ -s "$dir/ssh/ssh_host_ed25519_key" ]] || quiet ssh-keygen -q -t ed25519 -N '' -C "$(hostname_of "$name")" -f "$dir/ssh/ssh_host_ed25519_key"
  cp "$root/client/id_ed25519.pub" "$dir/ssh/authorized_keys"
  chmod 0600 "$dir/ssh/authorized_keys"
  [[ -s "$dir/host_uuid" ]] || cat /proc/sys/kernel/random/uuid > "$dir/host_uuid"
}

# --- one host ----------------------------------------------------------------------------------------------------

write_config() {
  local name=$1 dir="$root/$1" addr
  addr=$(address_of "$name")
  rm -rf "$dir/etc" "$dir/lib" "$dir/cache" "$dir/log" "$dir/sock"
  mkdir -p "$dir/etc/qemu" "$dir/lib" "$dir/cache" "$dir/log" "$dir/sock"
  cat > "$dir/etc/libvirtd.conf" <<EOF
host_uuid = "$(cat "$dir/host_uuid")"
unix_sock_dir = "$dir/sock"
unix_sock_rw_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tls = 1
listen_tcp = 0
listen_addr = "$addr"
tls_port = "$tls_port"
auth_tls = "none"
key_file = "$dir/pki/serverkey.pem"
cert_file = "$dir/pki/servercert.pem"
ca_file = "$dir/pki/cacert.pem"
tls_allowed_dn_list = ["$client_dn"]
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
EOF
  # No cgroups (the namespace has a sysfs of its own without them) and no relabelling of the copied fixtures.
  cat > "$dir/etc/qemu.conf" <<EOF
cgroup_controllers = [ ]
security_driver = "none"
remember_owner = 0
EOF
  cat > "$dir/sshd_config" <<EOF
ListenAddress $addr
Port 22
HostKey $dir/ssh/ssh_host_ed25519_key
PidFile /run/sshd.pid
AuthorizedKeysFile $dir/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
LogLevel VERBOSE
EOF
  copy_fixtures "$name"
}

# The guest kernel and initrd at the path fixture XML names, refreshed when the root's copy changed.
copy_fixtures() {
  local dest="$root/$1/lib/images/vireo-fixtures" f
  mkdir -p "$dest"
  for f in vmlinuz initrd.gz; do
    [[ -s "$fixtures/$f" ]] || continue
    cmp -s "$fixtures/$f" "$dest/$f" && continue
    cp "$fixtures/$f" "$dest/$f.tmp"
    chown libvirt-qemu:libvirt-qemu "$dest/$f.tmp" 2>/dev/null || true
    mv "$dest/$f.tmp" "$dest/$f"
  done
}

# The namespace's pid 1: reaps every orphan at once (libvirt waits for its qemu processes to vanish).
reaper='import os, signal
def reap(*_):
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
signal.signal(signal.SIGCHLD, reap)
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
while True:
    signal.pause()
    reap()'

# Mounts, hostname and addresses inside a new namespace whose init is $2.
setup_namespace() {
  local name=$1 pid=$2 dir="$root/$1" veth addr gw
  veth=$(veth_of "$name") addr=$(address_of "$name") gw=$(gateway_of "$name")
  in_ns "$pid" sh -c "
    set -e
    mount -t tmpfs -o mode=0755 tmpfs /run
    mkdir -p /run/libvirt /run/sshd /run/lock
    ln -s '$dir/sock/libvirt-sock' /run/libvirt/libvirt-sock
    ln -s '$dir/sock/libvirt-sock-ro' /run/libvirt/libvirt-sock-ro
    mount -t sysfs sysfs /sys
    mount --bind '$dir/etc' /etc/libvirt
    mount --bind '$dir/lib' /var/lib/libvirt
    mount --bind '$dir/cache' /var/cache/libvirt
    mount --bind '$dir/log' /var/log/libvirt
    hostname '$(hostname_of "$name")'
  "
  ip link del "$veth" 2>/dev/null || true
  ip link add "$veth" type veth peer name eth0 netns "$pid"
  ip addr add "$gw/30" dev "$veth"
  ip link set "$veth" up
  in_ns "$pid" sh -c "
    set -e
    ip link set lo up
    ip addr add '$addr/30' dev eth0
    ip link set eth0 up
    ip route add 10.77.0.0/16 via '$gw'
  "
}

start_daemons() {
  local name=$1 pid=$2 dir="$root/$1"
  in_ns "$pid" virtlogd -d
  in_ns "$pid" libvirtd -d -l -f "$dir/etc/libvirtd.conf"
  # Its log shows tests what a client sent (a refused host key must leave no authentication attempt there).
  in_ns "$pid" /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/log/sshd.log"
}

libvirtd_ready() { virsh -q -c "qemu+unix:///system?socket=$root/$1/sock/libvirt-sock" version >/dev/null 2>&1; }
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
host_ready() { libvirtd_ready "$1" && port_open "$(address_of "$1")" 22 && port_open "$(address_of "$1")" "$tls_port"; }

wait_ready() {
  local name=$1
  for _ in $(seq 1 150); do
    host_ready "$name" && return 0
    sleep 0.1
  done
  tail -n 20 "$root/$name/log/libvirtd.log" >&2 2>/dev/null || true
  die "$name: libvirtd, sshd or the TLS listener did not come up within 15 s (log: $root/$name/log/libvirtd.log)"
}

stop_host() {
  local name=$1 pid
  if pid=$(init_pid "$name"); then
    # pid 1 of the namespace exits; the kernel kills everything else in it (daemons and guests).
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [[ -d "/proc/$pid" ]] || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$root/$name/init.pid"
  ip link del "$(veth_of "$name")" 2>/dev/null || true
}

# The namespace's init: the child of unshare (setsid may or may not have forked before unshare), once it is python.
find_init() {
  local p=$1 child
  for _ in $(seq 1 100); do
    if [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == unshare ]]; then
      child=$(awk '{print $1}' "/proc/$p/task/$p/children" 2>/dev/null)
      if [[ -n "$child" && "$(cat "/proc/$child/comm" 2>/dev/null)" == python3 ]]; then echo "$child"; return 0; fi
    else
      child=$(awk '{print $1}' "/proc/$p/task/$p/children" 2>/dev/null)
      [[ -n "$child" ]] && p=$child
    fi
    sleep 0.05
  done
  return 1
}

start_host() {
  local name=$1 dir="$root/$1" pid
  if init_pid "$name" >/dev/null && host_ready "$name"; then
    copy_fixtures "$name"
    return 0
  fi
  stop_host "$name"
  make_host_credentials "$name"
  write_config "$name"
  setsid unshare --mount --net --uts --pid --fork --mount-proc --propagation private \
    /usr/bin/python3 -c "$reaper" </dev/null >/dev/null 2>"$dir/init.log" &
  pid=$(find_init $!) || die "$name: the namespace did not start: $(cat "$dir/init.log" 2>/dev/null)"
  echo "$pid" > "$dir/init.pid"
  # The init must be in its namespaces (python running) before we enter them.
  for _ in $(seq 1 50); do
    [[ "$(readlink "/proc/$pid/ns/net")" != "$(readlink /proc/self/ns/net)" ]] && break
    sleep 0.05
  done
  setup_namespace "$name" "$pid" || { stop_host "$name"; die "$name: setting up the namespace failed"; }
  start_daemons "$name" "$pid" || { stop_host "$name"; die "$name: starting the daemons failed"; }
  wait_ready "$name"
}

host_json() {
  local name=$1 dir="$root/$1" fp
  fp=$(ssh-keygen -l -E sha256 -f "$dir/ssh/ssh_host_ed25519_key.pub" | awk '{print $2}')
  printf '{"name":"%s","hostname":"%s","address":"%s","gateway":"%s","sshPort":22,"tlsPort":%d,' \
    "$name" "$(hostname_of "$name")" "$(address_of "$name")" "$(gateway_of "$name")" "$tls_port"
  printf '"socket":"%s","hostKeyFingerprint":"%s","hostUuid":"%s","dir":"%s"}' \
    "$dir/sock/libvirt-sock" "$fp" "$(cat "$dir/host_uuid")" "$dir"
}

write_manifest() {
  local name sep='' known="$root/client/known_hosts"
  : > "$known"
  {
    printf '{"root":"%s","clientDn":"%s","hosts":[' "$root" "$client_dn"
    for name in $(names); do
      printf '%s%s' "$sep" "$(host_json "$name")"
      sep=,
      printf '%s %s\n' "$(address_of "$name")" "$(cut -d' ' -f1,2 "$root/$name/ssh/ssh_host_ed25519_key.pub")" >> "$known"
    done
    printf ']}\n'
  } > "$root/hosts.json.tmp"
  mv "$root/hosts.json.tmp" "$root/hosts.json"
}

start() {
  [[ $(id -u) == 0 ]] || die "start must run as root (it makes namespaces)"
  local tool
  for tool in unshare nsenter ip openssl ssh-keygen /usr/bin/python3 libvirtd virtlogd virsh /usr/sbin/sshd; do
    command -v "$tool" >/dev/null || die "$tool is missing (run scripts/host-setup.sh)"
  done
  [[ -s "$fixtures/vmlinuz" ]] || echo "test-hosts: no guest fixture in $fixtures yet (scripts/build-fixtures.sh); hosts start without it" >&2
  mkdir -p "$root"
  chmod 0755 "$root"
  make_shared_credentials
  # Whatever is sent to 10.77.0.0/16 and is not one of the hosts' /30s dies here rather than leaving the machine.
  ip route del blackhole 10.77.0.0/16 2>/dev/null || true
  ip route replace unreachable 10.77.0.0/16
  local name
  for name in $(names); do start_host "$name"; done
  write_manifest
}

stop() {
  local dir name
  for dir in "$root"/h*; do
    [[ -d "$dir" ]] || continue
    stop_host "$(basename "$dir")"
  done
  for name in $(names); do ip link del "$(veth_of "$name")" 2>/dev/null || true; done
  ip route del unreachable 10.77.0.0/16 2>/dev/null || true
  rm -f "$root/hosts.json"
}

status() {
  local name pid bad=0
  for name in $(names); do
    if pid=$(init_pid "$name") && host_ready "$name"; then
      echo "$name ($(hostname_of "$name")): running at $(address_of "$name") (ssh 22, tls $tls_port), socket $root/$name/sock/libvirt-sock, init pid $pid"
    elif init_pid "$name" >/dev/null; then
      echo "$name ($(hostname_of "$name")): namespace up but not ready (libvirtd, sshd or TLS listener down)"; bad=1
    else
      echo "$name ($(hostname_of "$name")): stopped"; bad=1
    fi
  done
  return $((bad ? 3 : 0))
}

# Test hooks: make a host's libvirtd fail the way a remote daemon can.
libvirtd_ctl() {
  local name=${1:-} action=${2:-} pid
  [[ -n "$name" && -n "$action" ]] || die "usage: $0 libvirtd hN stop|kill|freeze|thaw|start"
  pid=$(init_pid "$name") || die "$name is not running"
  case "$action" in
    stop | kill | freeze | thaw)
      local sig
      case "$action" in stop) sig=TERM ;; kill) sig=KILL ;; freeze) sig=STOP ;; thaw) sig=CONT ;; esac
      in_ns "$pid" sh -c "p=\$(cat /run/libvirtd.pid 2>/dev/null) && kill -$sig \"\$p\"" ||
        die "$name: no libvirtd to $action"
      if [[ $action == stop || $action == kill ]]; then
        for _ in $(seq 1 100); do
          in_ns "$pid" sh -c 'p=$(cat /run/libvirtd.pid 2>/dev/null) && kill -0 "$p" 2>/dev/null' || return 0
          sleep 0.1
        done
        die "$name: libvirtd did not exit"
      fi
      ;;
    start)
      libvirtd_ready "$name" && return 0
      rm -f "$root/$name/sock/"libvirt-sock*
      in_ns "$pid" sh -c 'rm -f /run/libvirtd.pid'
      in_ns "$pid" libvirtd -d -l -f "$root/$name/etc/libvirtd.conf"
      wait_ready "$name"
      ;;
    *) die "unknown libvirtd action: $action" ;;
  esac
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  libvirtd) libvirtd_ctl "${2:-}" "${3:-}" ;;
  *) echo "usage: $0 start|stop|status | libvirtd hN stop|kill|freeze|thaw|start" >&2; exit 2 ;;
esac
