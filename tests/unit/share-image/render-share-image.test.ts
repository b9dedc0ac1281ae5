// The share image renders emoji, CJK and right-to-left headlines from fonts and pictures shipped in
// node_modules: with every network request made to fail, each still comes back as a full PNG and
// no request is even attempted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emojiImage } from "@/lib/share-image/emoji-images";
import { fontsFor } from "@/lib/share-image/font-library";
import { SHARE_IMAGE_SIZE, renderShareImage, type TShareCard } from "@/lib/share-image/render-share-image";

const attempted: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(() => {
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    attempted.push(String(input instanceof Request ? input.url : input));
    throw new TypeError("network unreachable in this test");
  }) as typeof fetch;
});

afterAll(() => {
  globalThis.fetch = realFetch;
});

function pngDimensions(png: Uint8Array): { width: number; height: number } {
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const cards: Record<string, TShareCard> = {
  emoji: {
    title: "Fishing fleets return 🎣🌊 as the quota row ends 🇳🇴",
    claim: { speaker: "Ingrid Solberg", text: "We kept every boat at sea 💪" },
    response: { speaker: "Tomas Rieck", text: "The quota is still unfair 🙅‍♂️", relation: "rebuts" },
  },
  CJK: {
    title: "日本と米国、安全保障条約の見直しで合意 — 中国外交部は反発",
    claim: { speaker: "石破茂", text: "日本は基地を提供する負担を担っている" },
    response: null,
  },
  RTL: {
    title: "وزير الخارجية: المحادثات ستستأنف يوم الاثنين بعد أسبوع من الخلافات",
    claim: { speaker: "מירב כהן", text: "השיחות יימשכו בשבוע הבא" },
    response: { speaker: "Ayman Safadi", text: "لن نقبل هذا الاتفاق", relation: "rebuts" },
  },
};

// The first render compiles satori's and resvg's WebAssembly, slow on a busy machine.
describe("renderShareImage with the network unreachable", { timeout: 120_000 }, () => {
  it.each(Object.keys(cards))("renders a %s headline as a full-size PNG", async (name) => {
    const png = await renderShareImage(cards[name]!);
    expect(pngDimensions(png)).toEqual(SHARE_IMAGE_SIZE);
    // Text and pictures drawn on the dark card make tens of kilobytes; an empty card is a few.
    expect(png.byteLength).toBeGreaterThan(15_000);
  });

  it("attempted no network request while rendering", () => {
    expect(attempted).toEqual([]);
  });
});

describe("local fonts and emoji", () => {
  const families = (text: string) => new Set(fontsFor(text).map((font) => font.name.replace(/ noto-sans.*$/, "")));

  it("picks the CJK, Arabic and Hebrew faces for their scripts, always with the Latin base", () => {
    expect(families("安全保障")).toEqual(new Set(["Noto Sans", "Noto Sans SC"]));
    expect(families("المحادثات")).toEqual(new Set(["Noto Sans", "Noto Sans Arabic"]));
    expect(families("השיחות")).toEqual(new Set(["Noto Sans", "Noto Sans Hebrew"]));
  });

  it("loads only the subsets a text needs", () => {
    const latin = fontsFor("Talks resume on Monday");
    expect(latin.map((font) => `${font.name}/${font.weight}`)).toEqual(["Noto Sans/400", "Noto Sans/700"]);
    const cjkBytes = fontsFor("安全保障").reduce((sum, font) => sum + font.data.byteLength, 0);
    expect(cjkBytes).toBeLessThan(2_000_000);
  });

  it("finds Twemoji pictures for single emoji, flags and joined sequences", () => {
    for (const emoji of ["🎣", "🇳🇴", "🙅‍♂️", "❤️"]) expect(emojiImage(emoji)).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(emojiImage("x")).toBeNull();
  });
});
