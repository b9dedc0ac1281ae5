// Turns the Prisma schema into SQL with the WASM schema engine. The engine only needs a live
// adapter to exist; diffs between two datamodels never touch the database.
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { getSchemaEngineClass, lastSchemaEnginePanic } from "./schema-engine";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

export async function readSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, "utf8");
}

/** SQL that takes a database from the `from` datamodel (or nothing) to the `to` datamodel. */
export async function diffDatamodels(from: string | null, to: string): Promise<string> {
  const Engine = await getSchemaEngineClass();
  const adapter = bindMigrationAwareSqlAdapterFactory(offlineAdapterFactory);
  try {
    const engine = await Engine.new({ datamodels: [["schema.prisma", to]] }, () => undefined, adapter);
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    engine.free();
    return result.stdout ?? "";
  } catch (error) {
    throw new Error(`schema engine: ${describeEngineError(error, adapter.errorRegistry)}`);
  }
}

// The engine reports adapter failures as "External error id#N", keeping the real error aside.
function describeEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): string {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const external = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (external !== undefined) return external instanceof Error ? external.message : JSON.stringify(external);
  return lastSchemaEnginePanic() || message;
}

/** True when a diff script contains statements (the engine prints a comment for "no change"). */
export function hasChanges(script: string): boolean {
  return script
    .split("\n")
    .some((line) => line.trim() !== "" && !line.trim().startsWith("--") && !/^CREATE SCHEMA IF NOT EXISTS/.test(line.trim()));
}

// Datamodel-to-datamodel diffs run no SQL; this adapter answers the engine's start-up calls
// and fails loudly if the engine ever tries to reach a database.
function offlineAdapter(): SqlDriverAdapter {
  const refuse = (): never => {
    throw new Error("the offline schema engine tried to query a database");
  };
  return {
    provider: "postgres",
    adapterName: "counterpoint-offline",
    // The engine asks which server it talks to before any diff; any answer for PG 15+ will do.
    queryRaw: async (query) =>
      query.sql.includes("server_version_num")
        ? {
            columnNames: ["exists", "version", "numeric_version"],
            columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
            rows: [[true, "PostgreSQL 15.0", 150000]],
          }
        : refuse(),
    executeRaw: async () => refuse(),
    executeScript: async () => refuse(),
    startTransaction: async () => refuse(),
    getConnectionInfo: () => ({ schemaName: "public", supportsRelationJoins: true }),
    dispose: async () => undefined,
  };
}

const offlineAdapterFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "counterpoint-offline",
  connect: async () => offlineAdapter(),
  connectToShadowDb: async () => offlineAdapter(),
};
