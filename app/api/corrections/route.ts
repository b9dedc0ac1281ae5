// POST /api/corrections — one editorial correction (admin): body `{"kind": …}` per
// lib/review/correction-types.ts (statement, pair, speaker and article operations).
// GET /api/corrections — the audit log (admin), filtered by ?article=&speaker=&kind=&status=&author=&before=.
import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/app-error";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { readJsonBody } from "@/lib/http/read-body";
import { ZCorrectionRequest } from "@/lib/review/correction-types";
import { ZCorrectionFilters, listCorrections } from "@/lib/review/list-corrections";
import { recordCorrection } from "@/lib/review/record-correction";

const MAX_CORRECTION_BODY_BYTES = 64 * 1024;

export async function POST(request: Request) {
  try {
    const author = await requireAdmin(request);
    const input = ZCorrectionRequest.parse(await readJsonBody(request, MAX_CORRECTION_BODY_BYTES));
    const recorded = await writeThenExpire("route-handler", () => recordCorrection(getDb(), input, author));
    return NextResponse.json(recorded, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function GET(request: Request) {
  try {
    await requireAdmin(request);
    const filters = ZCorrectionFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json(await listCorrections(getDb(), filters));
  } catch (error) {
    return errorResponse(error);
  }
}
