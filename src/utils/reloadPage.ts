/**
 * Grafana reads an app's settings (meta) once per page load; after saving them the page must be
 * reloaded for the app and its config page to see the new values. Kept in its own module so tests
 * can replace it (jsdom cannot navigate).
 */
export function reloadPage(): void {
  window.location.reload();
}
