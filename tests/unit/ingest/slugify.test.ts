import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/ingest/slugify";

describe("slugify", () => {
  it("transliterates accents, ligatures, Cyrillic and Greek", () => {
    expect(slugify("Pêcheurs et élus signent l’accord à Saint-Aubin")).toBe("pecheurs-et-elus-signent-laccord-a-saint-aubin");
    expect(slugify("Straße, Øresund & Łódź")).toBe("strasse-oresund-and-lodz");
    expect(slugify("Депутаты обсудили новый мост")).toBe("deputaty-obsudili-novyy-most");
    expect(slugify("Αθήνα")).toBe("athina");
  });

  it("is stable and caps length at a word boundary", () => {
    const title = "Coastal states agree on joint fisheries patrols after three years of disputes over boarding rights in shared waters";
    const slug = slugify(title);
    expect(slug).toBe(slugify(title));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe("coastal-states-agree-on-joint-fisheries-patrols-after-three-years-of-disputes");
    expect(slugify("abcdefghij".repeat(10), 20)).toBe("abcdefghijabcdefghij");
  });

  it("never returns an empty slug", () => {
    expect(slugify("!!! ???")).toBe("untitled");
    expect(slugify("")).toBe("untitled");
  });
});
