"use client";
// Click the map to place an incident; the marker follows typed coordinates too. Offline basemap.
import "leaflet/dist/leaflet.css";
import { useTranslations } from "next-intl";
import { CircleMarker, MapContainer, useMapEvents } from "react-leaflet";
import { PlainAttribution } from "@/components/map/plain-attribution";
import { BasemapLayer } from "@/components/map/basemap-layer";

function ClickToPlace({ onPick }: { onPick: (lat: number, lon: number) => void }) {
  useMapEvents({
    click(event) {
      onPick(Math.round(event.latlng.lat * 1e5) / 1e5, Math.round(event.latlng.lng * 1e5) / 1e5);
    },
  });
  return null;
}

export default function LocationPicker({
  latitude,
  longitude,
  onPick,
}: {
  latitude: number | null;
  longitude: number | null;
  onPick: (lat: number, lon: number) => void;
}) {
  const t = useTranslations("forms.incident");
  const placed = latitude !== null && longitude !== null && Number.isFinite(latitude) && Number.isFinite(longitude);
  return (
    <MapContainer
      center={placed ? [latitude, longitude] : [15, 0]}
      zoom={placed ? 6 : 2}
      style={{ height: "16rem", borderRadius: 8, border: "1px solid var(--line)", background: "#dfe9f3" }}
      aria-label={t("mapLabel")}
    >
      <PlainAttribution />
      <BasemapLayer detail="50m" />
      <ClickToPlace onPick={onPick} />
      {placed ? (
        <CircleMarker center={[latitude, longitude]} radius={7} pathOptions={{ color: "#0b5cad", weight: 2, fillOpacity: 0.6 }} />
      ) : null}
    </MapContainer>
  );
}
