import { generateToken } from "./tokens.server";

/** A readable address from a title, with a random tail so two never collide ("crisis-houses-k3x9qz"). */
export function slugFor(title: string, fallback: string) {
  const base = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || fallback}-${generateToken().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
}
