#!/usr/bin/env bash
# Applies deploy/db/roles.sql (roles, schemas, grants) with the passwords from .env. roles.sql is idempotent, so
# this runs on every `docker compose up`: changing a password in .env and running `up` again rotates it.
set -euo pipefail
psql -X -q -v ON_ERROR_STOP=1 -d kmarket -f /kmarket/roles.sql \
  -v scheduler_password="$SCHEDULER_DB_PASSWORD" \
  -v ml_password="$ML_DB_PASSWORD" \
  -v api_password="$API_DB_PASSWORD"
echo "kmarket roles applied"
