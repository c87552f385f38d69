// Performance marks for the popup benchmark (scripts/bench-e2e.mjs); test DOMs may lack the API.
export function mark(name: string): void {
  globalThis.performance?.mark?.(`takstvakt:${name}`);
}
