// Types for eslint.layers.js (plain JavaScript, as ESLint loads its configuration), for the tests.
export type Layer = "db" | "emails" | "utils" | "rules" | "models" | "services" | "access" | "components" | "http" | "routes" | "styles" | "process" | "demo" | "scripts" | "tests";
export function layerOf(file: string): Layer | "app-other" | null;
export const ALLOWED: Record<Exclude<Layer, "tests" | "styles">, Layer[]> & { tests: null };
export const layersPlugin: unknown;
