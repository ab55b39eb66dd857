#!/bin/sh
# PRISMA_SCHEMA_ENGINE_BINARY for `prisma generate --sql`: see schema-engine-rpc.ts.
exec node --import tsx "$(dirname "$0")/schema-engine-rpc.ts" "$@"
