import { describe, expect, it } from "vitest";
import { testI18n } from "@/lib/i18n/test-i18n";
import type { MapPoint } from "@/lib/map/map-queries";
import { clusterLabel, pointLabel } from "./map-labels";

const en = testI18n("en");
const fr = testI18n("fr");
const kobe: MapPoint = {
  code: "MLI-2025-0001",
  title: "Kobé",
  date: "2025-02-07",
  lat: 15,
  lon: 0,
  low: 25,
  best: 34,
  high: 34,
  contested: true,
};

describe("the home map's words for screen readers", () => {
  it("names an incident's marker", () => {
    expect(pointLabel(en, kobe)).toBe("Kobé, 7 Feb 2025: 25–34 killed, contested");
    expect(pointLabel(fr, kobe)).toBe("Kobé, 7 févr. 2025 : 25–34 tués, contesté");
    const plain = { ...kobe, low: 3, best: 3, high: 3, contested: false };
    expect(pointLabel(en, plain)).toBe("Kobé, 7 Feb 2025: 3 killed");
    expect(pointLabel(fr, { ...plain, best: null, low: null, high: null })).toBe("Kobé, 7 févr. 2025 : aucun bilan de tués avancé");
  });

  it("names a group of incidents", () => {
    expect(clusterLabel(en, { count: 2, killedBest: 0, contested: 0 })).toBe(
      "2 incidents here, 0 killed in all (best figures). Zoom in to see them.",
    );
    expect(clusterLabel(en, { count: 12, killedBest: 40, contested: 3 })).toBe(
      "12 incidents here, 40 killed in all (best figures), 3 contested. Zoom in to see them.",
    );
    expect(clusterLabel(fr, { count: 12, killedBest: 40, contested: 1 })).toBe(
      "12 incidents ici, 40 tués au total (meilleures estimations), dont 1 contesté. Zoomez pour les voir.",
    );
  });
});
