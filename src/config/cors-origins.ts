/**
 * CORS_ORIGINS → the browser origins allowed to call the API from their pages: a comma-separated
 * list of origins (scheme, host, optional port), or empty for none — then no CORS header is sent.
 */
export function parseCorsOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = originOf(entry);
      if (!origin)
        throw new Error(
          `has "${entry}": use a comma-separated list of origins like https://pos.example.com,http://localhost:5173 (scheme, host and port only)`,
        );
      return origin;
    });
  return [...new Set(origins)];
}

/** The normalised origin an entry names, or null when it is not just an http(s) origin. */
function originOf(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const bare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash;
  return bare && !entry.includes('?') && !entry.includes('#') ? url.origin : null;
}
