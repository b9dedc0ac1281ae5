import { describe, expect, it } from "vitest";
import { findProseSentence, holdsProse, holdsProseIn } from "@/lib/ingest/prose-sentence";
import { parseHtmlBody, textOfBody } from "@/lib/ingest/sanitize-html";

describe("findProseSentence", () => {
  it("finds a sentence in a short statement or denial", () => {
    expect(findProseSentence("The report is false.")).toBe("The report is false.");
    expect(findProseSentence('Statement\nThe ministry said the depot "will stay open." More to follow')).toBe('The ministry said the depot "will stay open."');
    expect(findProseSentence("AI hasn’t changed anything so far. Deep fake phishing is still rare, L")).toBe("AI hasn’t changed anything so far.");
  });

  it("finds sentences in scripts with other sentence marks", () => {
    expect(findProseSentence("政府は火曜日に新しい規則を発表した。詳細は後日。")).toBe("政府は火曜日に新しい規則を発表した。");
    expect(findProseSentence("هل ستغلق الوزارة الميناء هذا الأسبوع؟")).not.toBeNull();
  });

  it("finds none in labels, headings, stubs or prompts too short to say anything", () => {
    for (const text of ["Test", "abc def ghi", "Test Case 1\nTest Case 2", "Home\nNews\nSport", "Page not found.", "Latest: 4 of 10.", "1. 2. 3. 4. 5."]) {
      expect(findProseSentence(text), text).toBeNull();
    }
  });
});

describe("holdsProse", () => {
  it("leaves link text out: a menu of headline links is not prose", () => {
    const menu = '<ul><li><a href="/a">Ferry terminal closes after cracks are found in its ramp.</a></li><li><a href="/b">Rovers win the county cup.</a></li></ul>';
    expect(holdsProse(menu)).toBe(false);
    expect(holdsProse(`<p>The terminal closes on Monday, <a href="/s">the ministry said</a> in a statement.</p>`)).toBe(true);
  });

  it("takes a long text written without sentence marks as prose, but not a long link list", () => {
    const thai = `<p>${Array.from({ length: 30 }, (_, i) => `คำ${i}`).join(" ")}</p>`;
    expect(holdsProse(thai)).toBe(true);
    const links = `<ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">Story number ${i} headline</a></li>`).join("")}</ul>`;
    expect(holdsProse(links)).toBe(false);
  });
});

describe("holdsProseIn", () => {
  it("checks a body the reader already parsed, which keeps its links for the article's text", () => {
    const body = parseHtmlBody('<p>Harbour update</p><ul><li><a href="/a">Ferry terminal closes after cracks are found in its ramp.</a></li></ul>');
    expect(body).not.toBeNull();
    expect(holdsProseIn(body!)).toBe(false);
    expect(textOfBody(body)).toBe("Harbour update\n\nFerry terminal closes after cracks are found in its ramp.");
  });
});
