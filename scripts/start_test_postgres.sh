#!/usr/bin/env bash
# Start a PostgreSQL server for the test suite and print the variable the tests read.
#
# For CI on Debian 12, as root, after `apt-get install -y postgresql`:
#
#     eval "$(bash scripts/start_test_postgres.sh)"; export QA_TEST_POSTGRES_URL
#     bash scripts/start_test_postgres.sh >> "$GITHUB_ENV"   # a GitHub Actions step
#
# It uses Debian's cluster tools to run a cluster of its own ("qa_test", port
# QA_TEST_PG_PORT, default 5433), so a "main" cluster on 5432 is left alone. It is
# idempotent: it creates only what is missing and starts the cluster only when it is down.
# The tests create and drop one schema per test in the database `quartiersatlas_test`.
# Progress goes to stderr; stdout is only the QA_TEST_POSTGRES_URL=… line.
set -euo pipefail

CLUSTER=qa_test
PORT="${QA_TEST_PG_PORT:-5433}"
DATABASE=quartiersatlas_test
ROLE=qa_test
PASSWORD=qa_test # a throwaway cluster that listens on localhost only

fail() { echo "start_test_postgres.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root: it creates a cluster with pg_createcluster"
command -v pg_createcluster >/dev/null || fail "install PostgreSQL: apt-get install -y postgresql"
VERSION=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
[ -n "$VERSION" ] || fail "no PostgreSQL server under /usr/lib/postgresql"

cluster_field() { # column $1 of `pg_lsclusters` for our cluster (3: port, 4: status)
    pg_lsclusters --no-header | awk -v v="$VERSION" -v c="$CLUSTER" -v f="$1" \
        '$1 == v && $2 == c { print $f }'
}

if [ -z "$(cluster_field 2)" ]; then
    pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
PORT=$(cluster_field 3) # an existing cluster keeps the port it was created with
if [ "$(cluster_field 4)" != online ]; then
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Peer authentication as the postgres superuser; the tests log in with a password.
runuser -u postgres -- psql --port "$PORT" --dbname postgres --quiet \
    --set ON_ERROR_STOP=1 --set role="$ROLE" --set password="$PASSWORD" \
    --set database="$DATABASE" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL

echo "QA_TEST_POSTGRES_URL=postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
