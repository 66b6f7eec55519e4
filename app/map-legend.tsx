// What the map's symbols mean. Size, ring style and pattern carry the meaning, not colour alone.
export function MapLegend() {
  return (
    <div className="map-legend" role="group" aria-label="Map legend">
      <span className="legend-item">
        <span className="legend-swatch incident-marker" style={{ width: 16, height: 16 }} aria-hidden="true" />
        Incident: the area grows with the people killed (best figure, all categories)
      </span>
      <span className="legend-item">
        <span className="legend-swatch incident-marker contested" style={{ width: 16, height: 16 }} aria-hidden="true" />
        Dashed ring, hatched: contested — sources&apos; figures do not overlap
      </span>
      <span className="legend-item">
        <span className="legend-swatch incident-marker no-figure" style={{ width: 12, height: 12 }} aria-hidden="true" />
        Hollow: no killed figure reported
      </span>
      <span className="legend-item">
        <span className="legend-swatch cluster-marker" style={{ width: 22, height: 22 }} aria-hidden="true">
          3
        </span>
        Group of incidents: the number is how many; select it to zoom in
      </span>
    </div>
  );
}
