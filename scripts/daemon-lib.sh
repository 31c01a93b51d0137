# Shared by the scripts that start daemons (the tests' libvirtds, test hosts, PostgreSQL, host setup): source it.

# True when the pid in $1 belongs to a live process named $2 (pidfiles can outlive a crash).
pid_alive() {
  local pid
  [[ -s "$1" ]] || return 1
  pid=$(tr -dc 0-9 < "$1")
  [[ -n "$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$2" ]]
}

# Stops the process in pid file $1 (named $2): waits up to 10 s for it to exit, then kills it.
stop_pidfile() {
  local file=$1 comm=$2 pid
  pid_alive "$file" "$comm" || return 0
  pid=$(tr -dc 0-9 < "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [[ -d "/proc/$pid" ]] || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# Closes every descriptor this script inherited beyond stdin/out/err. The daemons it starts would otherwise keep
# them for their life: a suite run under `flock /tmp/vireo-libvirt.lock` left the lock held by libvirtd forever.
close_inherited_fds() {
  local fd
  for fd in $(ls "/proc/$$/fd"); do
    if ((fd > 2 && fd < 250)); then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}
