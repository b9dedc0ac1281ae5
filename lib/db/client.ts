// The one place a PrismaClient is built. Cached on globalThis (in production too: `next start`
// loads pages and route handlers as separate module instances, each would open its own pool).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { OneQueryAtATimeClient } from "./one-query-at-a-time";

type TCache = { prisma?: PrismaClient; url?: string };
const cache = globalThis as typeof globalThis & { __counterpointDb?: TCache };

export function createPrismaClient(url: string, maxConnections = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: maxConnections, Client: OneQueryAtATimeClient });
  return new PrismaClient({ adapter });
}

/** The shared client for DATABASE_URL. */
export function getPrisma(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  const slot = (cache.__counterpointDb ??= {});
  if (!slot.prisma || slot.url !== url) {
    slot.prisma = createPrismaClient(url);
    slot.url = url;
  }
  return slot.prisma;
}

export async function disconnectPrisma(): Promise<void> {
  const slot = cache.__counterpointDb;
  if (slot?.prisma) await slot.prisma.$disconnect();
  if (slot) slot.prisma = undefined;
}
