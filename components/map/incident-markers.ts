// Marker icons for incidents and clusters. Markers are HTML (divIcon), never Leaflet's default
// PNG icons, which would be fetched from a CDN. Size encodes the headline killed figure (area ∝
// killed); a contested incident gets a dashed ring and a hatched fill, so the difference does
// not depend on seeing colour. Each icon carries a text alternative for screen readers.
import L from "leaflet";

/** Diameter in pixels of an incident marker: area grows with the killed figure, within limits. */
export function markerDiameter(best: number | null): number {
  if (best === null) return 12;
  return Math.round(Math.min(64, 14 + 4 * Math.sqrt(best)));
}

/** Diameter of a cluster marker: grows with the number of incidents, slowly. */
export function clusterDiameter(count: number): number {
  return Math.round(Math.min(72, 28 + 8 * Math.log10(count) * 2));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const icons = new Map<string, L.DivIcon>();

function cached(key: string, make: () => L.DivIcon): L.DivIcon {
  let icon = icons.get(key);
  if (!icon) {
    icon = make();
    if (icons.size > 2000) icons.clear();
    icons.set(key, icon);
  }
  return icon;
}

export function incidentIcon(options: {
  code?: string;
  label: string;
  best: number | null;
  contested: boolean;
  selected: boolean;
}): L.DivIcon {
  const d = markerDiameter(options.best);
  const key = `i|${options.code ?? ""}|${options.label}|${options.best}|${options.contested}|${options.selected}`;
  return cached(key, () => {
    const classes = [
      "incident-marker",
      options.contested ? "contested" : "",
      options.best === null ? "no-figure" : "",
      options.selected ? "selected" : "",
    ]
      .filter(Boolean)
      .join(" ");
    const number = options.best !== null && d >= 24 ? `<span class="marker-number" aria-hidden="true">${options.best}</span>` : "";
    return L.divIcon({
      className: "incident-marker-host",
      html: `<span class="${classes}"${options.code ? ` data-code="${escapeHtml(options.code)}"` : ""} style="width:${d}px;height:${d}px"><span class="sr-only">${escapeHtml(options.label)}</span>${number}</span>`,
      iconSize: [d, d],
      iconAnchor: [d / 2, d / 2],
    });
  });
}

/** `label`: what a screen reader hears, in the reader's language ("12 incidents here, 40 killed in all…"). */
export function clusterIcon(options: { count: number; killedBest: number; contested: number; label: string }): L.DivIcon {
  const d = clusterDiameter(options.count);
  const key = `c|${options.count}|${options.killedBest}|${options.contested}|${options.label}`;
  return cached(key, () => {
    const label = options.label;
    const count = options.count >= 10_000 ? `${Math.round(options.count / 1000)}k` : String(options.count);
    return L.divIcon({
      className: "incident-marker-host",
      html: `<span class="cluster-marker${options.contested ? " has-contested" : ""}" style="width:${d}px;height:${d}px"><span class="sr-only">${escapeHtml(label)}</span><span aria-hidden="true">${count}</span></span>`,
      iconSize: [d, d],
      iconAnchor: [d / 2, d / 2],
    });
  });
}
