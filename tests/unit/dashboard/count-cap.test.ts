// What a reader sees of a capped count: the figure as counted, or "<cap>+" once the count passed it.
import { describe, expect, it } from "vitest";
import { PAGE_COUNT_CAP, formatCountUpTo } from "@/lib/count-cap";

describe("formatCountUpTo", () => {
  it("prints a count up to the cap as it is, with thousands separated", () => {
    expect(formatCountUpTo(1)).toBe("1");
    expect(formatCountUpTo(PAGE_COUNT_CAP)).toBe("10,000");
  });

  it("prints the cap and a plus once the count went past it", () => {
    expect(formatCountUpTo(PAGE_COUNT_CAP + 1)).toBe("10,000+");
    expect(formatCountUpTo(1_001, 1_000)).toBe("1,000+");
  });
});
