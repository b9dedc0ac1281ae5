import { describe, expect, it } from "vitest";
import { MAX_ROW_ID, ZRowId } from "@/lib/api/row-id";

describe("ZRowId", () => {
  it("accepts ids a PostgreSQL integer column can hold", () => {
    expect(ZRowId.parse("1")).toBe(1);
    expect(ZRowId.parse(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
  });

  it("refuses ids past the integer range, and non-numbers, with a message", () => {
    expect(ZRowId.safeParse("2147483648").error?.issues[0]?.message).toBe(`must be at most ${MAX_ROW_ID}`);
    for (const bad of ["abc", "0", "-4", "1.5", "1e40", ""]) expect(ZRowId.safeParse(bad).success).toBe(false);
  });
});
