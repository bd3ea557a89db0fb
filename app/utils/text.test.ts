import { describe, expect, it } from "vitest";
import { cleanMultiLine, cleanSingleLine, comparableWords } from "./text";

describe("cleanSingleLine", () => {
  it("turns line breaks and control characters into a space, so nothing can start a new header", () => {
    expect(cleanSingleLine("Hello\r\nBcc: victim@example.org")).toBe("Hello Bcc: victim@example.org");
    expect(cleanSingleLine("a\tb\u0007c\u2028d\u0085e")).toBe("a b c d e");
  });

  it("removes invisible characters but keeps emoji sequences and accents", () => {
    expect(cleanSingleLine("C\u200Br\u200Bi\u200Bs\u200Bi\u200Bs\uFEFF")).toBe("Crisis");
    expect(cleanSingleLine("\u202Egnp.exe")).toBe("gnp.exe");
    expect(cleanSingleLine("Zoë 👩‍👩‍👧 café")).toBe("Zoë 👩‍👩‍👧 café");
  });
});

describe("cleanMultiLine", () => {
  it("keeps paragraphs, with one kind of line ending", () => {
    expect(cleanMultiLine("One\r\n\r\nTwo\rThree\u2029Four")).toBe("One\n\nTwo\nThree\nFour");
    expect(cleanMultiLine("tab\there\u0000\u0007\u200B")).toBe("tab\there");
  });
});

describe("comparableWords", () => {
  const letter = "I waited three days for a bed, and what I needed was a quiet room.";

  it("sees through zero-width characters after every letter", () => {
    const hidden = [...letter].join("\u200B");
    expect(comparableWords(hidden)).toBe(comparableWords(letter));
  });

  it("folds Cyrillic and Greek look-alikes, fullwidth letters, accents and case", () => {
    const cyrillic = letter.replace(/a/g, "а").replace(/e/g, "е").replace(/o/g, "о");
    expect(comparableWords(cyrillic)).toBe(comparableWords(letter));
    expect(comparableWords("ＷＡＩＴＥＤ Thréé")).toBe("waited three");
    expect(comparableWords("Ρatient ΟΚ")).toBe("patient ok");
  });

  it("collapses punctuation and spacing", () => {
    expect(comparableWords("  Quiet…room!!  —  please ")).toBe("quiet room please");
  });
});
