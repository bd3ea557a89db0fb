/**
 * What people type, made safe to store, show and mail, and comparable when someone tries to dodge a
 * check with characters a reader cannot see or tell apart.
 */

// Characters with no visible form that only hide or reorder text: soft hyphen, zero-width space,
// word joiner and invisible operators, byte-order mark, and the bidirectional overrides and isolates
// ("trojan source"). Zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
const INVISIBLE = /[\u00AD\u180E\u200B\u2060-\u2064\u206A-\u206F\uFEFF\u202A-\u202E\u2066-\u2069]/g;
// Control characters, and the Unicode line and paragraph separators: matching them is the point.
/* eslint-disable no-control-regex */
const CONTROLS_AND_BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/* eslint-enable no-control-regex */

/** A one-line field (a name, a title, a subject): line breaks and tabs become a space, invisible characters go. */
export function cleanSingleLine(text: string): string {
  return text.replace(INVISIBLE, "").replace(CONTROLS_AND_BREAKS, " ");
}

/** A field of several lines: line endings become "\n", other control and invisible characters go. */
export function cleanMultiLine(text: string): string {
  return text.replace(INVISIBLE, "").replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(CONTROLS_BUT_TAB_AND_NEWLINE, "");
}

// Letters from other scripts that look like Latin ones, folded to the Latin letter (after lower-casing).
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "e", з: "3", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", һ: "h", ԛ: "q", ԝ: "w", ӏ: "l", ү: "y", ɡ: "g",
  // Greek
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", μ: "u", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w", ϲ: "c", ϳ: "j",
  // Latin letters that pass for others
  ı: "i", ȷ: "j", ℓ: "l", ſ: "s",
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "gu");

/**
 * Text reduced to the words a reader sees, for comparing two texts (near-duplicate letters): the
 * compatibility form (fullwidth and styled letters become plain ones), without format characters
 * (zero-width spaces, joiners), accents or case, with look-alike letters from other scripts folded
 * to Latin, and punctuation and spacing collapsed to single spaces.
 */
export function comparableWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\p{Cf}\p{Mn}]/gu, "")
    .toLowerCase()
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
