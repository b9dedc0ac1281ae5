// Types of cache-handler.mjs (plain JavaScript, because Next imports it unbundled).
import type { CacheHandler } from "next/cache";

export type TCacheUsage = { entries: number; bytes: number; maxBytes: number; tags: number };
export type TCountingCacheHandler = CacheHandler & { usage(): TCacheUsage };

export function createCacheHandler(maxBytes: number): TCountingCacheHandler;
declare const handler: TCountingCacheHandler;
export default handler;
