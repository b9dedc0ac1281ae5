// The database for server code in the app; scripts use lib/db/client.ts directly.
import "server-only";

export { getPrisma as getDb } from "@/lib/db/client";
