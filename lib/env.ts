// Every environment variable the product reads, validated once with a message that names it.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const ZBoolean = z
  .enum(["true", "false", "1", "0", ""])
  .transform((value) => value === "true" || value === "1");

const ZPostgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a URL like postgresql://user:password@host:5432/database");

export const ZEnv = z.object({
  DATABASE_URL: ZPostgresUrl.optional(),
  ADMIN_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (generate one with: openssl rand -hex 24)")
    .optional(),
  INGEST_ALLOW_PRIVATE_HOSTS: ZBoolean.default(false),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PGLITE_DATA_DIR: z.string().min(1).default(path.join(process.cwd(), "data", "pglite")),
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  SEED_EXAMPLES: ZBoolean.default(true),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  INGEST_THREADS: z.coerce.number().int().min(1).max(16).default(Math.min(2, os.availableParallelism())),
  INGEST_ITEM_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(20),
  // Read by lib/cache/cache-handler.mjs (plain JavaScript); validated here with the rest.
  CACHE_MAX_MEMORY_MB: z.coerce.number().min(0).max(65536).default(128),
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment; throws EnvError naming each bad variable. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv();
  return cached;
}
