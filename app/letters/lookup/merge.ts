import type { TargetRole } from "../../../db/schema";

export interface MergeableTarget {
  id: number;
  name: string;
  role: TargetRole;
  /** Chosen for the letter campaign by its organisers, rather than matched by the writer's postcode area. */
  chosen: boolean;
}

/**
 * The writer's recipients once their MP is known from the lookup: the looked-up MP replaces the
 * directory's MPs matched by postcode area (areas do not follow constituency boundaries), while
 * councillors, councils, health bodies, ministers and anyone the campaign chose stay. Without a
 * looked-up MP the directory answers alone, as it always has.
 */
export function mergeRepresentative<T extends MergeableTarget>(directory: T[], representative: T | null): T[] {
  if (!representative) return directory;
  const kept = directory.filter((t) => t.id !== representative.id && (t.chosen || t.role !== "mp"));
  return [...kept, representative].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
}
