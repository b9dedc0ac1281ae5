// POST /api/corrections/:id/undo — undoes a correction (admin); the undo is a correction of its own.
import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/app-error";
import { ZRowId } from "@/lib/api/row-id";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { undoCorrection } from "@/lib/review/undo-correction";

const ZParams = z.object({ id: ZRowId });

export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const author = await requireAdmin(request);
    const { id } = ZParams.parse(await context.params);
    const undone = await writeThenExpire("route-handler", () => undoCorrection(getDb(), id, author));
    return NextResponse.json(undone, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
