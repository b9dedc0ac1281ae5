// Reads with a time limit, so that no page request can hold a connection for minutes: on
// PostgreSQL the server itself cancels a statement that runs past the limit (statement_timeout).
// PGlite has no timers and ignores the limit; there the work bounds of the callers apply alone.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TReadClient = Prisma.TransactionClient;
export type TBoundedRead<T> = { ok: true; value: T } | { ok: false };

const QUERY_CANCELED = "57014";

function isStatementTimeout(error: unknown): boolean {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  return meta?.driverAdapterError?.cause?.originalCode === QUERY_CANCELED;
}

/**
 * Runs `read` in a transaction whose statements may each run `limitMs` at most; a read
 * cancelled for running too long answers `{ ok: false }` (any other error is thrown).
 */
export async function readWithin<T>(limitMs: number, read: (tx: TReadClient) => Promise<T>): Promise<TBoundedRead<T>> {
  const limit = Math.max(1, Math.round(limitMs));
  try {
    const value = await getDb().$transaction(
      async (tx) => {
        // SET cannot take a bind parameter; `limit` is an integer computed here.
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${limit}`);
        return read(tx);
      },
      // A busy pool may make the transaction wait for a connection; it must not be refused for that.
      { maxWait: 30_000, timeout: limit * 4 + 10_000 },
    );
    return { ok: true, value };
  } catch (error) {
    if (isStatementTimeout(error)) return { ok: false };
    throw error;
  }
}
