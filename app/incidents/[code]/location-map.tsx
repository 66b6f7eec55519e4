"use client";
// The incident's place on a small map (browser-only Leaflet, loaded lazily).
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { LocationMapProps } from "./location-map-leaflet";

function MapLoading() {
  const t = useTranslations("incident.location");
  return <div className="location-map map-loading">{t("mapLoading")}</div>;
}

const LocationMapLeaflet = dynamic(() => import("./location-map-leaflet"), {
  ssr: false,
  loading: () => <MapLoading />,
});

export function LocationMap(props: LocationMapProps) {
  return <LocationMapLeaflet {...props} />;
}
