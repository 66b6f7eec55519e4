"use client";
// Leaflet's default attribution prefix carries a national flag. A tool read by people on every
// side of a conflict shows no national symbol: the prefix is the plain word.
import { useEffect } from "react";
import { useMap } from "react-leaflet";

export const ATTRIBUTION_PREFIX = '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">Leaflet</a>';

export function PlainAttribution() {
  const map = useMap();
  useEffect(() => {
    map.attributionControl?.setPrefix(ATTRIBUTION_PREFIX);
  }, [map]);
  return null;
}
