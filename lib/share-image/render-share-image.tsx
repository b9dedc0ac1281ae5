// Draws an article's share image (headline, main claim, first response) as a PNG with satori and
// resvg, entirely from files in node_modules: the fonts and emoji pictures are local, and the asset
// loader satori calls for missing glyphs answers from them too, so rendering never touches the network.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import satori from "satori";
import { emojiImage } from "@/lib/share-image/emoji-images";
import { BASE_FAMILY, fontsFor } from "@/lib/share-image/font-library";

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

export type TShareCard = {
  title: string;
  claim: { speaker: string; text: string } | null;
  response: { speaker: string; text: string; relation: string } | null;
};

/** At most `max` characters, cut at a word boundary when one is near, so the card never ends mid-word. */
const clip = (text: string, max: number) => {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const lastSpace = head.lastIndexOf(" ");
  return `${(lastSpace > head.length * 0.6 ? head.slice(0, lastSpace) : head).trimEnd()}…`;
};

// Right-to-left when the first letter with a strong direction is Hebrew or Arabic.
const isRightToLeft = (text: string) => /^[^\p{L}]*[\p{Script=Hebrew}\p{Script=Arabic}]/u.test(text);

// satori pushes wrapped right-to-left lines past the right edge by about the card's padding and
// more; the extra right padding keeps a two-line Arabic or Hebrew headline inside the card.
function directionOf(text: string) {
  return isRightToLeft(text) ? ({ direction: "rtl", textAlign: "right", justifyContent: "flex-end", paddingRight: 150 } as const) : {};
}

// satori wraps text only within an explicit width; without one a long quote runs off the right edge.
const PADDING = 56;
const CONTENT_WIDTH = SHARE_IMAGE_SIZE.width - 2 * PADDING;
const QUOTE_WIDTH = CONTENT_WIDTH - 8 - 20; // minus the coloured border and its gap

function ShareCard({ card }: { card: TShareCard }) {
  const quote = { display: "flex", fontSize: 27, width: QUOTE_WIDTH, wordBreak: "break-word" } as const;
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#0f172a", color: "#f8fafc", padding: PADDING, fontSize: 28, fontFamily: BASE_FAMILY }}>
      <div style={{ display: "flex", fontSize: 26, color: "#7dd3fc", marginBottom: 14 }}>Counterpoint</div>
      <div style={{ display: "flex", fontSize: 42, fontWeight: 700, lineHeight: 1.15, marginBottom: 24, width: CONTENT_WIDTH, wordBreak: "break-word", ...directionOf(card.title) }}>{clip(card.title, 100)}</div>
      {card.claim ? (
        <div style={{ display: "flex", flexDirection: "column", borderLeft: "8px solid #fbbf24", paddingLeft: 20, marginBottom: 22 }}>
          <div style={{ display: "flex", color: "#fcd34d", fontSize: 24 }}>{card.claim.speaker} claimed</div>
          <div style={{ ...quote, ...directionOf(card.claim.text) }}>“{clip(card.claim.text, 140)}”</div>
        </div>
      ) : null}
      {card.response ? (
        <div style={{ display: "flex", flexDirection: "column", borderLeft: "8px solid #38bdf8", paddingLeft: 20 }}>
          <div style={{ display: "flex", color: "#7dd3fc", fontSize: 24 }}>
            {card.response.speaker} {card.response.relation}
          </div>
          <div style={{ ...quote, ...directionOf(card.response.text) }}>“{clip(card.response.text, 140)}”</div>
        </div>
      ) : null}
    </div>
  );
}

// resvg's WebAssembly module may be initialized once per process; Next can load this module twice.
const RESVG_READY = Symbol.for("counterpoint.resvgReady");
type TGlobalWithResvg = typeof globalThis & { [RESVG_READY]?: Promise<void> };

function resvgReady(): Promise<void> {
  const store = globalThis as TGlobalWithResvg;
  store[RESVG_READY] ??= initWasm(readFileSync(path.join(process.cwd(), "node_modules", "@resvg", "resvg-wasm", "index_bg.wasm")));
  return store[RESVG_READY];
}

/** Asked by satori for glyphs the given fonts lack: answers from the local emoji set and font subsets, or with nothing. */
async function loadLocalAsset(code: string, segment: string) {
  if (code === "emoji") return emojiImage(segment) ?? [];
  return fontsFor(segment);
}

export async function renderShareImage(card: TShareCard): Promise<Uint8Array> {
  const allText = [card.title, card.claim?.speaker, card.claim?.text, card.response?.speaker, card.response?.relation, card.response?.text, "Counterpoint claimed “”…"].join(" ");
  const svg = await satori(<ShareCard card={card} />, { ...SHARE_IMAGE_SIZE, fonts: fontsFor(allText), loadAdditionalAsset: loadLocalAsset });
  await resvgReady();
  const resvg = new Resvg(svg, { fitTo: { mode: "width", value: SHARE_IMAGE_SIZE.width } });
  const rendered = resvg.render();
  const png = rendered.asPng();
  rendered.free();
  resvg.free();
  return png;
}
