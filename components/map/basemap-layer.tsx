"use client";
// Natural Earth countries drawn as a GeoJSON layer: the map's offline basemap. The TopoJSON is
// fetched once per detail level and converted in the browser (it is ~3× smaller on the wire
// than the GeoJSON it expands to).
import type { FeatureCollection } from "geojson";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { GeoJSON, Pane } from "react-leaflet";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { unwrapFeatures } from "@/lib/map/antimeridian";

export type BasemapDetail = "110m" | "50m";

const loaded = new Map<BasemapDetail, Promise<FeatureCollection | null>>();

function loadCountries(detail: BasemapDetail): Promise<FeatureCollection | null> {
  let pending = loaded.get(detail);
  if (!pending) {
    pending = fetch(`/basemap/countries-${detail}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<Topology<{ countries: GeometryCollection }>>) : null))
      .then((topology) => (topology ? unwrapFeatures(feature(topology, topology.objects.countries) as FeatureCollection) : null))
      // Without a basemap the incidents still show on the plain background: not worth an error.
      .catch(() => null);
    loaded.set(detail, pending);
  }
  return pending;
}

export function BasemapLayer({ detail, outlinesOnly = false }: { detail: BasemapDetail; outlinesOnly?: boolean }) {
  const t = useTranslations("map.attribution");
  const [countries, setCountries] = useState<{ detail: BasemapDetail; data: FeatureCollection } | null>(null);
  useEffect(() => {
    let live = true;
    void loadCountries(detail).then((data) => {
      if (live && data) setCountries({ detail, data });
    });
    return () => {
      live = false;
    };
  }, [detail]);
  if (!countries) return null;
  return (
    // Its own pane under the overlays: the outlines arrive after the incident's shapes and must not cover them.
    <Pane name="basemap" style={{ zIndex: 250 }}>
      <GeoJSON
        // A new key re-creates the layer: react-leaflet does not swap GeoJSON data in place.
        key={`${countries.detail}|${t("borders")}`}
        data={countries.data}
        interactive={false}
        attribution={t("borders")}
        style={() => ({
          color: "#8c97a3",
          weight: 0.8,
          fillColor: "#f1efe8",
          fillOpacity: outlinesOnly ? 0 : 1,
        })}
      />
    </Pane>
  );
}
