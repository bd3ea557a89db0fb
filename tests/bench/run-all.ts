// `npm run bench`: every benchmark in this folder, one after another.
await import("./demand-scale");
