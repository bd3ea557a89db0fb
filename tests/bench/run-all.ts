// `npm run bench`: every benchmark in this folder, one after another.
export {};
await import("./demand-scale");
