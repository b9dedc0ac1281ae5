// GET /api/feeds/opml — export subscriptions. POST (admin, OPML body) — import them.
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/app-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { getDb } from "@/lib/db";
import { readBodyText } from "@/lib/http/read-body";
import { buildOpml } from "@/lib/ingest/build-opml";
import { importOpml } from "@/lib/ingest/import-opml";

const MAX_OPML_BYTES = 1_000_000;

export async function GET() {
  try {
    const feeds = await getDb().feed.findMany({ orderBy: { id: "asc" }, select: { url: true, title: true, siteUrl: true } });
    const opml = buildOpml(feeds.map((feed) => ({ xmlUrl: feed.url, htmlUrl: feed.siteUrl, title: feed.title, category: null })), { title: "Counterpoint subscriptions" });
    return new NextResponse(opml, { headers: { "content-type": "text/x-opml; charset=utf-8", "content-disposition": 'attachment; filename="counterpoint-feeds.opml"' } });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    const body = await readBodyText(request, MAX_OPML_BYTES, "the OPML file");
    return NextResponse.json(await writeThenExpire("route-handler", () => importOpml(getDb(), body)));
  } catch (error) {
    return errorResponse(error);
  }
}
