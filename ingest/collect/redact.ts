/** Keeps credentials out of everything `collect` stores or prints. */

const secretParams = ["access_token", "key", "appsecret_proof"];
const replacement = "REDACTED";

/** A URL without its credential parameters: what the state file and the logs may hold. */
export function stripSecrets(url: string): string {
  const parsed = new URL(url);
  for (const name of secretParams) parsed.searchParams.delete(name);
  return parsed.toString();
}

/**
 * A response body with every credential replaced, and nothing else changed: the literal secrets (plain
 * and URL-encoded) and the value of any `access_token=` parameter, which Meta echoes in `paging.next`.
 */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets.filter((value) => value.length >= 4)) {
    out = out.replaceAll(secret, replacement).replaceAll(encodeURIComponent(secret), replacement);
  }
  return out.replace(/([?&]access_token=)[^&"\\\s]+/g, `$1${replacement}`);
}

/** The same path and query on the configured base's origin, so paging never leaves the configured server. */
export function rebase(url: string, base: string): string {
  const target = new URL(url, base);
  const origin = new URL(base);
  target.protocol = origin.protocol;
  target.host = origin.host;
  return target.toString();
}
