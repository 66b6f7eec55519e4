"use client";
// Leaflet's zoom buttons with their titles (the buttons' names) in the reader's language: a map
// that shows this sets zoomControl={false} on its MapContainer.
import { useTranslations } from "next-intl";
import { ZoomControl } from "react-leaflet";

export function LocalizedZoomControl() {
  // Whole keys, so a page needs only these two of the map's messages (lib/i18n/client-messages.ts).
  const t = useTranslations();
  const zoomIn = t("map.zoomIn");
  const zoomOut = t("map.zoomOut");
  // A new key when the language changes: react-leaflet does not update a control's options in place.
  return <ZoomControl key={`${zoomIn}|${zoomOut}`} zoomInTitle={zoomIn} zoomOutTitle={zoomOut} />;
}
