/**
 * The nation or English region of each UK postcode area (the letters at the start of a postcode),
 * for "where support comes from". An area that crosses a border (CH, DA, EN, KT, SY, TD and a few
 * more) is given its main region: good enough for a count, not for an address.
 */
const REGIONS = {
  "North East": "DH DL NE SR TS",
  "North West": "BB BL CA CH CW FY L LA M OL PR SK WA WN",
  "Yorkshire and the Humber": "BD DN HD HG HU HX LS S WF YO",
  "East Midlands": "DE LE LN NG NN",
  "West Midlands": "B CV DY HR ST TF WR WS WV",
  "East of England": "AL CB CM CO EN IP LU NR PE SG SS WD",
  London: "BR CR E EC HA IG KT N NW RM SE SM SW TW UB W WC",
  "South East": "BN CT DA GU HP ME MK OX PO RG RH SL SO TN",
  "South West": "BA BH BS DT EX GL PL SN SP TA TQ TR",
  Wales: "CF LD LL NP SA SY",
  Scotland: "AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE",
  "Northern Ireland": "BT",
  "Channel Islands and Isle of Man": "GY JE IM",
} as const;

export type Region = keyof typeof REGIONS;

/** Every area listed, for a check that none is listed twice. */
export const LISTED_AREAS = Object.values(REGIONS).flatMap((areas) => areas.split(" "));

const AREA_TO_REGION = new Map<string, Region>(
  (Object.entries(REGIONS) as Array<[Region, string]>).flatMap(([region, areas]) => areas.split(" ").map((area) => [area, region] as const)),
);

/** The region of an outward code ("LS6" → Yorkshire and the Humber), or null when unknown. */
export function regionOf(outwardCode: string | null | undefined): Region | null {
  const area = /^[A-Z]{1,2}/.exec(outwardCode ?? "")?.[0];
  return area ? (AREA_TO_REGION.get(area) ?? null) : null;
}

/**
 * Counts by postcode area summed into their nations and regions, most first; areas with no known
 * region are "Not given". Done here rather than in SQL so the table stays in one place. Only a real
 * area is looked up: "Not given" would otherwise read as the area "N" (London).
 */
export function regionTotals(byArea: ReadonlyArray<{ area: string; count: number }>): Array<{ region: string; count: number }> {
  const totals = new Map<string, number>();
  for (const a of byArea) {
    const region = (/^[A-Z]{1,2}$/.test(a.area) ? regionOf(a.area) : null) ?? "Not given";
    totals.set(region, (totals.get(region) ?? 0) + a.count);
  }
  return [...totals].map(([region, count]) => ({ region, count })).sort((a, b) => b.count - a.count || a.region.localeCompare(b.region));
}
/** The UK's nations and English regions, in the order above: the regions an event can be in. */
export const REGION_NAMES = Object.keys(REGIONS) as Region[];
export const isRegion = (value: string): value is Region => value in REGIONS;
