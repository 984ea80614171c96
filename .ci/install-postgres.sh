#!/usr/bin/env bash
# Installs PostgreSQL 15 with pgvector built from Debian's source package (bookworm ships no
# pgvector binary), starts the cluster and lets root connect. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null || [ ! -d /usr/include/postgresql/15/server ]; then
  apt-get install -y -q postgresql postgresql-server-dev-15 >/dev/null
fi
if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  echo "deb-src http://deb.debian.org/debian trixie main" > /etc/apt/sources.list.d/trixie-src.list
  apt-get update -q >/dev/null
  build=$(mktemp -d)
  (cd "$build" && apt-get source -q pgvector >/dev/null 2>&1 && cd pgvector-*/ && make -s >/dev/null && make -s install >/dev/null)
  rm -rf "$build"
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h /var/run/postgresql && break; sleep 1; done
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='root'\"" | grep -q 1 \
  || su postgres -c "createuser -s root"
