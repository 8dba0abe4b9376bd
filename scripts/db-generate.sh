#!/bin/sh
# Generates both Prisma clients (lib/generated/{sqlite,postgres}) without the schema-engine binary.
set -e
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/schema-engine-stub"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
node node_modules/prisma/build/index.js generate --schema prisma/sqlite/schema.prisma
node node_modules/prisma/build/index.js generate --schema prisma/postgres/schema.prisma
