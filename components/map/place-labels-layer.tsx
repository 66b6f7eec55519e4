"use client";
// Country names and capitals over the offline basemap, at the zooms lib/map/place-labels.ts
// chooses. Text only, not interactive and hidden from screen readers (the incidents are what
// the map is for; the names only help the eye find its way).
import L from "leaflet";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import { useI18n } from "@/lib/i18n/use-i18n";
import { placeLabelName } from "@/lib/map/place-label-name";
import { labelsAtZoom, type PlaceLabel } from "@/lib/map/place-labels";

let loading: Promise<PlaceLabel[]> | null = null;
const loadLabels = () =>
  (loading ??= fetch("/basemap/places")
    .then((r) => (r.ok ? (r.json() as Promise<PlaceLabel[]>) : []))
    .catch(() => []));

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function PlaceLabelsLayer() {
  const map = useMap();
  // t is next-intl's memoised translator: stable while the language stays the same.
  const { t, locale } = useI18n();
  const attribution = useTranslations("map.attribution")("placeNames");
  const [labels, setLabels] = useState<PlaceLabel[]>([]);
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  useEffect(() => {
    let live = true;
    void loadLabels().then((all) => live && setLabels(all));
    map.attributionControl?.addAttribution(attribution);
    return () => {
      live = false;
      map.attributionControl?.removeAttribution(attribution);
    };
  }, [map, attribution]);
  useEffect(() => {
    if (!map.getPane("place-labels")) {
      const pane = map.createPane("place-labels");
      // Above the basemap (250), under the incidents (600) and popups.
      pane.style.zIndex = "420";
      pane.style.pointerEvents = "none";
      pane.setAttribute("aria-hidden", "true");
    }
    const group = L.layerGroup(
      labelsAtZoom(labels, Math.round(zoom)).map((label) =>
        L.marker([label.lat, label.lon], {
          pane: "place-labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: `place-label ${label.kind}`,
            html:
              label.kind === "capital"
                ? `<span class="place-dot"></span><span class="place-name">${escapeHtml(label.name)}</span>`
                : `<span class="place-name">${escapeHtml(placeLabelName({ t, locale }, label))}</span>`,
            iconSize: [0, 0],
          }),
        }),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, labels, zoom, t, locale]);
  return null;
}
