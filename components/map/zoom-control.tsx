"use client";
// Leaflet's zoom buttons with their titles (the buttons' names) in the reader's language: a map
// that shows this sets zoomControl={false} on its MapContainer.
import { useTranslations } from "next-intl";
import { ZoomControl } from "react-leaflet";

export function LocalizedZoomControl() {
  const t = useTranslations("map");
  // A new key when the language changes: react-leaflet does not update a control's options in place.
  return <ZoomControl key={`${t("zoomIn")}|${t("zoomOut")}`} zoomInTitle={t("zoomIn")} zoomOutTitle={t("zoomOut")} />;
}
