// GET /api/feeds — subscriptions with their health. POST /api/feeds {"url"} — subscribe (admin) to a URL that answers as a feed.
import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/app-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/read-body";
import { listFeedsWithHealth } from "@/lib/queries/feeds";
import { getEnv } from "@/lib/env";
import { subscribeFetchedFeed } from "@/lib/ingest/poll-feed";

/** `{"url": …}` with a URL of at most 2048 characters fits many times over. */
const MAX_SUBSCRIBE_BODY_BYTES = 16_000;

const ZSubscribe = z.object({ url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2048) });

export async function GET() {
  try {
    return NextResponse.json({ feeds: await listFeedsWithHealth(getDb()) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    const { url } = ZSubscribe.parse(await readJsonBody(request, MAX_SUBSCRIBE_BODY_BYTES));
    const { feed } = await writeThenExpire("route-handler", () => subscribeFetchedFeed(getDb(), url, { allowPrivateHosts: getEnv().INGEST_ALLOW_PRIVATE_HOSTS }));
    return NextResponse.json({ feed }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
