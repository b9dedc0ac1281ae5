// The share image renders emoji, CJK and right-to-left headlines from fonts and pictures shipped in
// node_modules: with every network request made to fail, each still comes back as a full PNG and
// no request is even attempted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emojiImage } from "@/lib/share-image/emoji-images";
import { fontsFor } from "@/lib/share-image/font-library";
import { SHARE_IMAGE_SIZE, renderShareImage, type TShareCard } from "@/lib/share-image/render-share-image";
import { decodePng } from "../../support/png-pixels";

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
  Korean: {
    title: "한미 외교장관, 방위비 분담금 협상 재개 합의",
    claim: { speaker: "조현", text: "협상은 다음 주에 다시 시작된다" },
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

  it("keeps a long headline and long quotes inside the card's margins", async () => {
    const sentence = "Negotiators described the settlement of the maritime claims as the most comprehensive in a generation, and parliament will review it next week";
    const png = await renderShareImage({
      title: `${sentence} before the final vote on the agreement`,
      claim: { speaker: "Prime Minister Anna Lindqvist", text: sentence },
      response: { speaker: "Opposition leader Tomas Berg", text: `Unacceptablyoverreachingandunaccountablenegotiations ${sentence}`, relation: "rebuts" },
    });
    const { width, height, rgba } = decodePng(png);
    const background = [rgba[0], rgba[1], rgba[2]];
    // The card has 56 px of padding; nothing may be drawn in the outer 40 px on the right or at the bottom.
    const drawnAt: string[] = [];
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        if (x < width - 40 && y < height - 40) continue;
        const at = (y * width + x) * 4;
        if ([rgba[at], rgba[at + 1], rgba[at + 2]].some((c, i) => Math.abs((c ?? 0) - (background[i] ?? 0)) > 8)) drawnAt.push(`${x},${y}`);
      }
    }
    expect(drawnAt.slice(0, 5)).toEqual([]);
  });

  it("attempted no network request while rendering", () => {
    expect(attempted).toEqual([]);
  });
});

describe("local fonts and emoji", () => {
  const families = (text: string) => new Set(fontsFor(text).map((font) => font.name.replace(/ noto-sans.*$/, "")));

  it("picks the CJK, Korean, Arabic, Hebrew and Thai faces for their scripts, always with the Latin base", () => {
    expect(families("한미 안보 협정")).toEqual(new Set(["Noto Sans", "Noto Sans KR"]));
    expect(families("व्यापार समझौता")).toEqual(new Set(["Noto Sans"])); // the base family has Devanagari
    expect(families("การเจรจาการค้า")).toEqual(new Set(["Noto Sans", "Noto Sans Thai"]));
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
