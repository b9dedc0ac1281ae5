// One error type for the HTTP edge and one mapper to the JSON error shape
// `{ "error": { "code", "message" } }`; internals never reach the client.
import { unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "@/lib/app-error";

export { AppError };

export type TErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

function prismaCode(error: unknown): string | null {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" && /^P\d{4}$/.test(error.code)
    ? error.code
    : null;
}

export function toErrorBody(error: unknown): { status: number; body: TErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
    return { status: 422, body: { error: { code: "invalid_input", message, issues } } };
  }
  const code = prismaCode(error);
  if (code === "P2025") return { status: 404, body: { error: { code: "not_found", message: "not found" } } };
  if (code === "P2002") return { status: 409, body: { error: { code: "conflict", message: "it already exists" } } };
  console.error("unhandled error at the API edge:", error);
  return { status: 500, body: { error: { code: "internal", message: "internal error" } } };
}

export function errorResponse(error: unknown): NextResponse<TErrorBody> {
  // Next's own signals (a prerender bailing out to request time, notFound, redirect) are not errors.
  unstable_rethrow(error);
  const { status, body } = toErrorBody(error);
  // After a 413 the rest of an oversized body is still on the wire: closing the connection spares
  // the server from reading it.
  return NextResponse.json(body, { status, headers: status === 413 ? { connection: "close" } : undefined });
}
