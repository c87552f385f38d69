// The host permission and content-script match pattern for a site origin. Firefox's match patterns hold
// no port (Firefox grants `http://host:8443/*` but the pattern then matches no page), so there the
// pattern names the host on every port and the background keeps to the site's own port
// (frameWanted in src/background/content-scripts.ts). Chrome and Edge honour the port.

/** `https://epj.example.no:8443` -> `https://epj.example.no` (origins without a port are unchanged). */
export function withoutPort(origin: string): string {
  return origin.replace(/\/+$/, '').replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:]+):\d+$/i, '$1');
}

/** True in Firefox: its extension pages and workers live under moz-extension://. */
export function isGeckoUrl(extensionUrl: string): boolean {
  return extensionUrl.startsWith('moz-extension:');
}

/** The pattern to request and register for a site origin in this browser. */
export function sitePattern(origin: string, gecko: boolean): string {
  const o = origin.replace(/\/+$/, '');
  return `${gecko ? withoutPort(o) : o}/*`;
}
