/**
 * base64 of the UTF-8 bytes of "user:password", the value of a Basic Authorization header.
 * The editor computes it on save because Grafana's route templates can insert a secret but not
 * encode one; it is stored in secureJsonData.basicAuthEncoded and never read back.
 */
export function encodeBasicAuth(user: string, password: string): string {
  const utf8 = encodeURIComponent(`${user}:${password}`).replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
  return btoa(utf8);
}
