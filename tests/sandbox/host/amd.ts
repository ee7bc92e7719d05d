/**
 * A tiny AMD loader: what Grafana's SystemJS (with its AMD extra) does for plugins, reduced to what
 * a create-plugin bundle needs. module.js calls `define([...deps], factory)`; each dependency is
 * either a shared module registered by the host (the externals Grafana provides) or `module`, whose
 * `uri` webpack uses to compute the public path it loads its lazy chunks from.
 */

type Factory = (...deps: unknown[]) => unknown;

const shared = new Map<string, unknown>();
const loads = new Map<string, Promise<unknown>>();
const waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** Registers a module the host shares with plugins, under the name plugins import it by. */
export function registerSharedModule(name: string, exports: unknown): void {
  shared.set(name, exports);
}

export function sharedModuleNames(): string[] {
  return [...shared.keys()].sort();
}

function resolveDependency(name: string, uri: string): unknown {
  if (name === 'module') {
    return { id: uri, uri };
  }
  if (name === 'exports' || name === 'require') {
    throw new Error(`${uri} uses the AMD "${name}" dependency, which create-plugin bundles never do.`);
  }
  if (!shared.has(name)) {
    throw new Error(
      `${uri} imports "${name}", which the host does not provide. Grafana provides only its shared modules ` +
        `(${sharedModuleNames().join(', ')}); bundle "${name}" into the plugin or remove it from .config/bundler/externals.ts.`
    );
  }
  return shared.get(name);
}

function define(...args: unknown[]): void {
  const factory = args[args.length - 1];
  const deps = (Array.isArray(args[args.length - 2]) ? args[args.length - 2] : []) as string[];
  const script = document.currentScript as HTMLScriptElement | null;
  const uri = script?.src ?? '';
  const pending = waiting.get(uri);
  if (!pending) {
    throw new Error(`define() called by ${uri || 'an inline script'}, which the sandbox did not load as a plugin.`);
  }
  waiting.delete(uri);
  try {
    const resolved = deps.map((dep) => resolveDependency(dep, uri));
    pending.resolve(typeof factory === 'function' ? (factory as Factory)(...resolved) : factory);
  } catch (error) {
    pending.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
define.amd = {};

/** Loads an AMD module by URL, once, as Grafana loads a plugin's module.js. */
export function importAmdModule(url: string): Promise<unknown> {
  const absolute = new URL(url, window.location.origin).href;
  const existing = loads.get(absolute);
  if (existing) {
    return existing;
  }
  const load = new Promise<unknown>((resolve, reject) => {
    waiting.set(absolute, { resolve, reject });
    const script = document.createElement('script');
    script.src = absolute;
    script.async = true;
    script.onerror = () => {
      waiting.delete(absolute);
      reject(new Error(`Could not load ${absolute} (network error or HTTP error).`));
    };
    script.onload = () => {
      if (waiting.has(absolute)) {
        waiting.delete(absolute);
        reject(new Error(`${absolute} loaded but never called define(): it is not an AMD module.`));
      }
    };
    document.head.appendChild(script);
  });
  loads.set(absolute, load);
  return load;
}

export function installAmdLoader(): void {
  (window as unknown as { define: typeof define }).define = define;
}
