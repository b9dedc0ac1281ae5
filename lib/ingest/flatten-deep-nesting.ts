// Bounds a parsed page's element depth and size before anything reads it: Readability and CSS
// selectors cost roughly nodes × depth, so a page of thousands of nested <div>s took minutes.
// Whatever sits deeper than the limit keeps its text, as one <p> per block.
import { textParagraphs, type TTextNode } from "@/lib/ingest/sanitize-html";

/** Real article pages nest 15–40 elements deep; beyond this the structure is only cost. */
export const MAX_ELEMENT_DEPTH = 64;
/** Large real pages have a few thousand elements; this many is a page built to be expensive. */
export const MAX_ELEMENTS = 100_000;

type TFlattenNode = TTextNode & {
  ownerDocument: { createElement(tag: string): TFlattenNode } | null;
  textContent: string | null;
  appendChild(node: TFlattenNode): unknown;
};

export class PageTooLargeError extends Error {
  readonly code = "page_too_large";
  override name = "PageTooLargeError";
}

/** Replaces each subtree deeper than `maxDepth` by its text paragraphs; throws PageTooLargeError past `maxElements`. */
export function flattenDeepNesting(root: TFlattenNode, maxDepth = MAX_ELEMENT_DEPTH, maxElements = MAX_ELEMENTS): void {
  let elements = 0;
  let node: TFlattenNode = root;
  let depth = 0;
  for (;;) {
    let descend = node.nodeType === 1 || node.nodeType === 9;
    if (node.nodeType === 1) {
      elements += 1;
      if (elements > maxElements) throw new PageTooLargeError(`the page has more than ${maxElements.toLocaleString("en")} elements`);
      if (depth >= maxDepth && node.firstChild) {
        flattenInto(node);
        descend = false;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild as TFlattenNode;
      depth += 1;
      continue;
    }
    while (node !== root && !node.nextSibling && node.parentNode) {
      node = node.parentNode as TFlattenNode;
      depth -= 1;
    }
    if (node === root || !node.nextSibling) return;
    node = node.nextSibling as TFlattenNode;
  }
}

function flattenInto(element: TFlattenNode): void {
  const paragraphs = textParagraphs(element);
  const document = element.ownerDocument;
  element.textContent = "";
  if (!document) return;
  for (const paragraph of paragraphs) {
    const p = document.createElement("p");
    p.textContent = paragraph;
    element.appendChild(p);
  }
}
