"use client";
// The home page's Leaflet map. Loaded only in the browser (see incident-map.tsx). It asks
// /api/map for what the viewport needs whenever the view or the filter changes: the incidents
// themselves when few are in view (grouped on screen with supercluster where they overlap), or
// the server's grid clusters when many are.
import "leaflet/dist/leaflet.css";
import "@/components/map/map.css";
import type L from "leaflet";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from "react-leaflet";
import Supercluster from "supercluster";
import { BasemapLayer } from "@/components/map/basemap-layer";
import { clusterIcon, incidentIcon } from "@/components/map/incident-markers";
import { PlaceLabelsLayer } from "@/components/map/place-labels-layer";
import { PlainAttribution } from "@/components/map/plain-attribution";
import { LocalizedZoomControl } from "@/components/map/zoom-control";
import { formatBbox, type MapView } from "@/lib/filters/filter-url";
import { useI18n } from "@/lib/i18n/use-i18n";
import type { MapData, MapPoint } from "@/lib/map/map-queries";
import { clusterLabel, pointLabel } from "./map-labels";
import { MapPopupContent } from "./map-popup";
import { useSelection, type SelectedIncident } from "./map-selection";

export type IncidentMapProps = {
  /** The filter as a query string, without bbox (the map sends its own viewport). */
  filterQuery: string;
  initialView: MapView | null;
  /** [west, south, east, north] to fit when there is no saved view. */
  initialBounds: [number, number, number, number] | null;
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Called after every move with the viewport, as the `bbox` filter and the `view` parameter. */
  onViewChange: (bbox: string, view: MapView) => void;
  /** Called with how many incidents are in view, or null while loading. */
  onStatus: (status: { total: number; mode: MapData["mode"] } | null) => void;
};

const WORLD_VIEW: MapView = { zoom: 2, lat: 15, lon: 10 };

type PointProps = { code: string; title: string; best: number; contested: number; point: MapPoint };

/** Fetches the viewport's incidents or clusters; refetches on pan/zoom and on filter change. */
function useViewportData(filterQuery: string, onViewChange: IncidentMapProps["onViewChange"], onStatus: IncidentMapProps["onStatus"]) {
  const map = useMap();
  const [data, setData] = useState<MapData | null>(null);
  const [zoom, setZoom] = useState(map.getZoom());
  const fetched = useRef<{ filterQuery: string; zoom: number; bounds: L.LatLngBounds } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    const bounds = map.getBounds();
    const currentZoom = map.getZoom();
    setZoom(currentZoom);
    const center = map.getCenter();
    onViewChange(formatBbox(bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()), {
      zoom: currentZoom,
      lat: center.lat,
      lon: center.lng,
    });
    const last = fetched.current;
    // Panning inside what we already have at the same zoom needs nothing new.
    if (last && last.filterQuery === filterQuery && last.zoom === currentZoom && last.bounds.contains(bounds)) return;
    const padded = bounds.pad(0.25);
    const bbox = formatBbox(padded.getWest(), Math.max(-85, padded.getSouth()), padded.getEast(), Math.min(85, padded.getNorth()));
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    onStatus(null);
    fetch(`/api/map?${filterQuery ? `${filterQuery}&` : ""}bbox=${bbox}&zoom=${currentZoom}`, { signal: current.signal })
      .then((response) => (response.ok ? (response.json() as Promise<MapData>) : Promise.reject(new Error(String(response.status)))))
      .then((result) => {
        fetched.current = { filterQuery, zoom: currentZoom, bounds: padded };
        setData(result);
        onStatus({ total: result.total, mode: result.mode });
      })
      .catch(() => {
        // Aborted by a newer request, or failed: the next move tries again.
        if (!current.signal.aborted) fetched.current = null;
      });
  }, [map, filterQuery, onViewChange, onStatus]);

  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => () => controller.current?.abort(), []);
  useMapEvents({ moveend: load });
  return { data, zoom };
}

function IncidentLayer(props: Pick<IncidentMapProps, "filterQuery" | "onViewChange" | "onStatus">) {
  const map = useMap();
  const i18n = useI18n();
  const { selected, origin, select, clear } = useSelection();
  const { data, zoom } = useViewportData(props.filterQuery, props.onViewChange, props.onStatus);
  const popup = useRef<L.Popup>(null);
  // Which incident is selected right now, for the popup's close handler: when another incident is
  // chosen, the old popup closes too, and that must not clear the new selection.
  const current = useRef(selected);
  current.current = selected;

  // Esc closes the popup wherever focus is in the map (on a marker, in the popup, on the map).
  useEffect(() => {
    const container = map.getContainer();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && current.current) map.closePopup();
    };
    container.addEventListener("keydown", onKey);
    return () => container.removeEventListener("keydown", onKey);
  }, [map]);

  // Overlapping incidents (points mode) are grouped on screen; the server already grouped dense views.
  const index = useMemo(() => {
    if (!data || data.mode !== "points") return null;
    const cluster = new Supercluster<PointProps, { best: number; contested: number }>({
      radius: 36,
      maxZoom: 14,
      map: (p) => ({ best: p.best, contested: p.contested }),
      reduce: (acc, p) => {
        acc.best += p.best;
        acc.contested += p.contested;
      },
    });
    cluster.load(
      data.points.map((point) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [point.lon, point.lat] },
        properties: { code: point.code, title: point.title, best: point.best ?? 0, contested: point.contested ? 1 : 0, point },
      })),
    );
    return cluster;
  }, [data]);

  const markers: React.ReactNode[] = [];
  if (data && index) {
    for (const feature of index.getClusters([-180, -85, 180, 85], Math.round(zoom))) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number } & Partial<PointProps> & {
          best: number;
          contested: number;
        };
      if (props.cluster) {
        const clusterId = props.cluster_id!;
        markers.push(
          <Marker
            key={`sc-${clusterId}`}
            position={[lat, lon]}
            icon={clusterIcon({
              count: props.point_count!,
              killedBest: props.best,
              contested: props.contested,
              label: clusterLabel(i18n, { count: props.point_count!, killedBest: props.best, contested: props.contested }),
            })}
            eventHandlers={{
              // Straight to the zoom at which the group splits (supercluster's expansion zoom), not one step.
              click: () => map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(clusterId), 14)),
              keypress: (e) => {
                if ((e as L.LeafletKeyboardEvent).originalEvent.key !== "Enter") return;
                focusNearestAfterZoom(map, [lat, lon]);
                map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(clusterId), 14));
              },
            }}
          />,
        );
      } else if (props.point) {
        markers.push(
          <IncidentMarker key={props.point.code} point={props.point} selected={selected?.code === props.point.code} onSelect={select} />,
        );
      }
    }
  } else if (data) {
    for (const c of data.clusters) {
      markers.push(
        <Marker
          key={`gc-${c.lat}-${c.lon}-${c.count}`}
          position={[c.lat, c.lon]}
          icon={clusterIcon({ count: c.count, killedBest: c.killedBest, contested: c.contested, label: clusterLabel(i18n, c) })}
          eventHandlers={{
            click: () => zoomToCluster(map, c.bounds),
            keypress: (e) => {
              if ((e as L.LeafletKeyboardEvent).originalEvent.key !== "Enter") return;
              focusNearestAfterZoom(map, [c.lat, c.lon]);
              zoomToCluster(map, c.bounds);
            },
          }}
        />,
      );
    }
    for (const p of data.points)
      markers.push(<IncidentMarker key={p.code} point={p} selected={selected?.code === p.code} onSelect={select} />);
  }

  // Bring a selection made in the list into view, close enough to see it on its own rather than
  // inside a group. (A selection from a shared URL keeps the link's view: that is what the sharer
  // saw; the popup pans itself in if needed.) Once per selection: zooming out again is the user's call.
  const broughtIntoView = useRef<SelectedIncident | null>(null);
  useEffect(() => {
    if (!selected || origin !== "list" || broughtIntoView.current === selected) return;
    broughtIntoView.current = selected;
    const target: L.LatLngExpression = [selected.lat, selected.lon];
    let zoom = map.getZoom();
    if (!map.getBounds().pad(-0.1).contains(target)) zoom = Math.max(zoom, 5);
    if (index) {
      for (const f of index.getClusters([-180, -85, 180, 85], Math.round(map.getZoom()))) {
        const props = f.properties as { cluster?: boolean; cluster_id?: number };
        if (props.cluster && index.getLeaves(props.cluster_id!, Infinity).some((leaf) => leaf.properties.code === selected.code)) {
          zoom = Math.max(zoom, Math.min(index.getClusterExpansionZoom(props.cluster_id!), 14));
        }
      }
    } else if (data?.mode === "clusters") {
      zoom = Math.max(zoom, 8);
    }
    if (zoom !== map.getZoom() || !map.getBounds().pad(-0.1).contains(target)) map.setView(target, zoom);
  }, [selected, origin, map, index, data]);

  return (
    <>
      {markers}
      {selected ? (
        <Popup
          ref={popup}
          key={selected.code}
          position={[selected.lat, selected.lon]}
          offset={[0, -8]}
          // Fit the map's own width (a phone's map is narrower than any fixed popup).
          maxWidth={Math.min(380, map.getSize().x - 100)}
          minWidth={Math.min(250, map.getSize().x - 100)}
          // Leave room under the popup for the marker it points at.
          maxHeight={Math.max(180, Math.min(440, map.getSize().y - 120))}
          autoPanPadding={[16, 16]}
          // Keep clear of the zoom buttons in the top-left corner.
          autoPanPaddingTopLeft={[52, 12]}
          eventHandlers={{
            // Leaflet names its close button in English: in the reader's language instead.
            add: (event) =>
              (event.target as L.Popup)
                .getElement()
                ?.querySelector(".leaflet-popup-close-button")
                ?.setAttribute("aria-label", i18n.t("map.popup.close")),
            remove: () => {
              if (current.current?.code !== selected.code) return;
              clear();
              // Back to where the keyboard user came from: the list's button, or the incident's marker.
              if (origin === "list") document.getElementById(`show-on-map-${selected.code}`)?.focus();
              else if (map.getContainer().contains(document.activeElement) || document.activeElement === document.body)
                map
                  .getPane("markerPane")
                  ?.querySelector<HTMLElement>(`[data-code="${CSS.escape(selected.code)}"]`)
                  ?.closest<HTMLElement>(".incident-marker-host")
                  ?.focus();
            },
          }}
        >
          <MapPopupContent
            code={selected.code}
            title={selected.title}
            focusOnLoad={origin === "list"}
            onClose={() => map.closePopup()}
            // The claims arrive after the popup opened: let Leaflet re-measure it and pan it into view.
            onLoaded={() => popup.current?.update()}
          />
        </Popup>
      ) : null}
    </>
  );
}

/**
 * After a keyboard user opens a group, the group's marker is gone: focus the marker nearest to
 * where it was (one of the incidents or smaller groups it split into), or else the map itself,
 * never the page's body. Waits for the zoom to end and the new markers to be drawn.
 */
function focusNearestAfterZoom(map: L.Map, [lat, lon]: [number, number]) {
  const before = new Set(map.getPane("markerPane")?.querySelectorAll(".incident-marker-host") ?? []);
  map.once("moveend", () => {
    let tries = 0;
    const attempt = () => {
      const hosts = [...(map.getPane("markerPane")?.querySelectorAll<HTMLElement>(".incident-marker-host") ?? [])];
      const fresh = hosts.filter((h) => !before.has(h));
      if (fresh.length === 0 && ++tries < 30) return void setTimeout(attempt, 100);
      const target = map.latLngToContainerPoint([lat, lon]);
      const box = map.getContainer().getBoundingClientRect();
      const distance = (h: HTMLElement) => {
        const r = h.getBoundingClientRect();
        return Math.hypot(r.left + r.width / 2 - box.left - target.x, r.top + r.height / 2 - box.top - target.y);
      };
      const nearest = (fresh.length ? fresh : hosts).sort((a, b) => distance(a) - distance(b))[0];
      (nearest ?? map.getContainer()).focus();
    };
    setTimeout(attempt, 50);
  });
}

function zoomToCluster(map: L.Map, [west, south, east, north]: [number, number, number, number]) {
  if (west === east && south === north) map.setView([south, west], Math.min(map.getZoom() + 3, 14));
  else
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { padding: [24, 24], maxZoom: 14 },
    );
}

function IncidentMarker({
  point,
  selected,
  onSelect,
}: {
  point: MapPoint;
  selected: boolean;
  onSelect: ReturnType<typeof useSelection>["select"];
}) {
  const i18n = useI18n();
  const choose = () => onSelect({ code: point.code, title: point.title, lat: point.lat, lon: point.lon }, "map");
  return (
    <Marker
      position={[point.lat, point.lon]}
      icon={incidentIcon({ code: point.code, label: pointLabel(i18n, point), best: point.best, contested: point.contested, selected })}
      // Bigger incidents underneath, so small ones stay clickable.
      zIndexOffset={selected ? 10_000 : -(point.best ?? 0)}
      eventHandlers={{
        click: choose,
        keypress: (e) => {
          const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
          if (key === "Enter" || key === " ") choose();
        },
      }}
    />
  );
}

/** Chooses the basemap's detail by zoom: 1:110m for the world, 1:50m closer in. */
function Basemap({ outlinesOnly }: { outlinesOnly: boolean }) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return <BasemapLayer detail={zoom >= 4 ? "50m" : "110m"} outlinesOnly={outlinesOnly} />;
}

/** Leaflet's container is focusable (arrow keys pan, +/− zoom): give it a name and a role. */
function DescribeContainer() {
  const map = useMap();
  const label = useTranslations("map")("containerLabel");
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  }, [map, label]);
  return null;
}

export default function IncidentMapLeaflet(props: IncidentMapProps) {
  const view = props.initialView;
  const bounds = props.initialBounds;
  const start = view ?? (bounds ? null : WORLD_VIEW);
  return (
    <MapContainer
      className="incident-map"
      center={start ? [start.lat, start.lon] : undefined}
      zoom={start ? start.zoom : undefined}
      bounds={
        start || !bounds
          ? undefined
          : [
              [bounds[1], bounds[0]],
              [bounds[3], bounds[2]],
            ]
      }
      minZoom={1}
      maxZoom={props.tileUrl ? 18 : 12}
      worldCopyJump
      scrollWheelZoom
      // Leaflet's own control writes its titles in English: ours, in the reader's language, instead.
      zoomControl={false}
    >
      <LocalizedZoomControl />
      <DescribeContainer />
      <PlainAttribution />
      {props.tileUrl ? <TileLayer url={props.tileUrl} attribution={props.tileAttribution ?? ""} /> : null}
      <Basemap outlinesOnly={Boolean(props.tileUrl)} />
      {props.tileUrl ? null : <PlaceLabelsLayer />}
      <IncidentLayer filterQuery={props.filterQuery} onViewChange={props.onViewChange} onStatus={props.onStatus} />
    </MapContainer>
  );
}
