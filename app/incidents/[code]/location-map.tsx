"use client";
// The incident's place on a small map (browser-only Leaflet, loaded lazily).
import dynamic from "next/dynamic";
import type { LocationMapProps } from "./location-map-leaflet";

const LocationMapLeaflet = dynamic(() => import("./location-map-leaflet"), {
  ssr: false,
  loading: () => <div className="location-map map-loading">Loading the map…</div>,
});

export function LocationMap(props: LocationMapProps) {
  return <LocationMapLeaflet {...props} />;
}
