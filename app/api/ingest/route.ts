// POST /api/ingest — paste text, an article URL or a feed URL. Needs the admin token.
// Body: {"kind":"paste","text":"…","label"?:"…"} | {"kind":"url","url":"…"} | {"kind":"feed","url":"…"}
import { NextResponse } from "next/server";
import { errorResponse, readJson } from "@/lib/api/app-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ZIngestRequest, runIngestRequest } from "@/lib/ingest/ingest-request";

export async function POST(request: Request) {
  try {
    await requireAdmin();
    const input = ZIngestRequest.parse(await readJson(request));
    const summary = await runIngestRequest(getDb(), input, { allowPrivateHosts: getEnv().INGEST_ALLOW_PRIVATE_HOSTS });
    return NextResponse.json(summary, { status: summary.status === "failed" ? 502 : 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
