"use client";
// A small offline map of one incident: the point, and a circle whose size says how precisely the
// place is known (UCDP where_prec).
import "leaflet/dist/leaflet.css";
import "@/components/map/map.css";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Circle, CircleMarker, MapContainer, useMap } from "react-leaflet";
import { PlainAttribution } from "@/components/map/plain-attribution";
import { BasemapLayer } from "@/components/map/basemap-layer";
import { LocalizedZoomControl } from "@/components/map/zoom-control";
import { zoomForRadius } from "@/lib/format/location-precision";

export type LocationMapProps = { lat: number; lon: number; radiusKm: number; label: string };

function DescribeContainer({ label }: { label: string }) {
  const map = useMap();
  const t = useTranslations("incident.location");
  const description = t("mapLabel", { place: label });
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", description);
  }, [map, description]);
  return null;
}

export default function LocationMapLeaflet({ lat, lon, radiusKm, label }: LocationMapProps) {
  return (
    <MapContainer
      className="location-map"
      center={[lat, lon]}
      zoom={zoomForRadius(radiusKm)}
      minZoom={2}
      maxZoom={12}
      scrollWheelZoom={false}
      zoomControl={false}
    >
      <LocalizedZoomControl />
      <PlainAttribution />
      <DescribeContainer label={label} />
      <BasemapLayer detail="50m" />
      <Circle
        center={[lat, lon]}
        radius={radiusKm * 1000}
        interactive={false}
        pathOptions={{ color: "#0b5cad", weight: 2, dashArray: "6 4", fillColor: "#0b5cad", fillOpacity: 0.12 }}
      />
      <CircleMarker
        center={[lat, lon]}
        radius={6}
        interactive={false}
        pathOptions={{ color: "#fff", weight: 2, fillColor: "#b42318", fillOpacity: 1 }}
      />
    </MapContainer>
  );
}
