/**
 * Structured logging: one JSON object per line on stdout, so logs can be searched and shipped
 * without a parser. In development the same lines are printed as readable text.
 */
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

function threshold() {
  const configured = process.env.LOG_LEVEL as Level | "silent" | undefined;
  return order[configured ?? "info"] ?? order.info;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (process.env.NODE_ENV === "production") {
    stream.write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) + "\n");
  } else {
    const extra = fields && Object.keys(fields).length > 0 ? " " + JSON.stringify(fields) : "";
    stream.write(`${level === "info" ? "" : level.toUpperCase() + " "}${message}${extra}\n`);
  }
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
