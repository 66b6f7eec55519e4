// What the map's symbols mean. Size, ring style and pattern carry the meaning, not colour alone.
import { useTranslations } from "next-intl";

export function MapLegend() {
  const t = useTranslations("map.legend");
  return (
    <div className="map-legend" role="group" aria-label={t("label")}>
      <span className="legend-item">
        <span className="legend-swatch incident-marker" style={{ width: 16, height: 16 }} aria-hidden="true" />
        {t("incident")}
      </span>
      <span className="legend-item">
        <span className="legend-swatch incident-marker contested" style={{ width: 16, height: 16 }} aria-hidden="true" />
        {t("contested")}
      </span>
      <span className="legend-item">
        <span className="legend-swatch incident-marker no-figure" style={{ width: 12, height: 12 }} aria-hidden="true" />
        {t("hollow")}
      </span>
      <span className="legend-item">
        <span className="legend-swatch cluster-marker" style={{ width: 22, height: 22 }} aria-hidden="true">
          3
        </span>
        {t("group")}
      </span>
    </div>
  );
}
