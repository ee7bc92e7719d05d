/**
 * What a journey is: a named walk through the built plugin in the sandbox, as one user role, on a
 * fresh Grafana API double (seeded by `seed`). Adding a journey = adding a file in this folder that
 * default-exports a Journey (or an array of them); tests/sandbox/run.ts picks it up.
 */
import type { Page } from 'playwright-core';
import type { GrafanaApi, SeedOptions } from '../grafanaApi';
import type { Sandbox } from '../server';
import type { SandboxRole } from '../shared/bootData';

export interface JourneyContext {
  page: Page;
  sandbox: Sandbox;
  grafana: GrafanaApi;
  /** Opens a sandbox path (e.g. `/a/fullstack-monitoring-app/home`) and settles. */
  goto(path: string): Promise<void>;
  /** Waits until no request has been in flight for `quietMs` (the page's chunks and first queries are done). */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /**
   * Saves a PNG of the page under docs/screenshots/ and returns its path: the whole page, or with
   * `{ fullPage: false }` only the viewport (1280×900), for pages too long to read as one image.
   */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
}

export interface Journey {
  name: string;
  /** The signed-in user's org role (default Admin). */
  role?: SandboxRole;
  seed?: SeedOptions;
  /** Set when the journey cannot run yet: it is reported as TODO with this reason, not run. */
  todo?: string;
  /** Longer than the default 60 s, for journeys that stop and restart parts of the test stack. */
  timeoutMs?: number;
  /** Console errors the journey provokes on purpose (all others fail it). */
  expectedConsoleErrors?: RegExp[];
  run(context: JourneyContext): Promise<void>;
}

export const APP_PATH = '/a/fullstack-monitoring-app';
