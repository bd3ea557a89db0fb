/** Shared by the global setup and each file's setup, without importing any app code. */
export const TEMPLATE = "chorus_test_template";

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
