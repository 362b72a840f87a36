# Sourced by the scripts that install what they use (tests/run.sh, scripts/postgres-cluster.sh, scripts/scale-out.sh):
# Debian packages, installed only where missing, as root on a Debian machine; elsewhere a message saying what to install.
#   install_packages PACKAGE...         apt-get install them (apt-get update once per run of the script)
#   require_command COMMAND PACKAGE...  install the packages unless COMMAND is on PATH

debian_packages_updated=0

install_packages() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing $*: install it (Debian: apt-get install -y $*)." >&2
    return 1
  fi
  if [ "$debian_packages_updated" -eq 0 ]; then
    apt-get update -qq
    debian_packages_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

require_command() {
  local command=$1
  shift
  command -v "$command" >/dev/null 2>&1 || install_packages "$@"
}
