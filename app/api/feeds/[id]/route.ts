// DELETE /api/feeds/:id — unsubscribe (admin). Articles already ingested stay.
import { NextResponse } from "next/server";
import { z } from "zod";
import { errorResponse } from "@/lib/api/app-error";
import { ZRowId } from "@/lib/api/row-id";
import { requireAdmin } from "@/lib/auth/require-admin";
import { writeThenExpire } from "@/lib/cache/expire-written-content";
import { getDb } from "@/lib/db";

const ZParams = z.object({ id: ZRowId });

export async function DELETE(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    await requireAdmin();
    const { id } = ZParams.parse(await context.params);
    await writeThenExpire("route-handler", () => getDb().feed.delete({ where: { id } }));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
