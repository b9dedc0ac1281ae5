// POST /api/ingest — paste text, an article URL or a feed URL. Needs the admin token.
// Body: {"kind":"paste","text":"…","label"?:"…"} | {"kind":"url","url":"…"} | {"kind":"feed","url":"…"}
//     | {"kind":"file","name":"…","base64":"…"} (a feed or text file, plain or gzip-compressed)
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/app-error";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { readJsonBody } from "@/lib/http/read-body";
import { MAX_INGEST_BODY_BYTES, ZIngestRequest, runIngestRequest } from "@/lib/ingest/ingest-request";

export async function POST(request: Request) {
  try {
    await requireAdmin(request);
    const input = ZIngestRequest.parse(await readJsonBody(request, MAX_INGEST_BODY_BYTES));
    const summary = await writeThenExpire("route-handler", () => runIngestRequest(getDb(), input, { allowPrivateHosts: getEnv().INGEST_ALLOW_PRIVATE_HOSTS }));
    return NextResponse.json(summary, { status: summary.status === "failed" ? 502 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
