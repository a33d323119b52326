/**
 * Reads just the `site` block of handbook.yaml for the Astro config, leniently:
 * a broken handbook.yaml is reported, with every other problem, by the content check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface SiteOptions {
  base: string;
  url?: string;
  public: boolean;
}

export function readSiteOptions(dir: string): SiteOptions {
  const path = join(dir, 'handbook.yaml');
  let site: Record<string, unknown> = {};
  try {
    const data: unknown = existsSync(path) ? parse(readFileSync(path, 'utf8')) : undefined;
    const value = data && typeof data === 'object' ? (data as Record<string, unknown>)['site'] : undefined;
    if (value && typeof value === 'object') site = value as Record<string, unknown>;
  } catch {
    // Reported by the content check.
  }
  return {
    base: typeof site['base'] === 'string' ? site['base'] : '/',
    ...(typeof site['url'] === 'string' ? { url: site['url'] } : {}),
    public: site['public'] === true,
  };
}
