/** Modules made by the handbook integration (src/integrations/handbook.ts) from handbook.yaml. */
declare module 'virtual:handbook/brand' {
  /** The address of the firm's logo in the built site, when handbook.yaml names one. */
  export const logo: string | undefined;
}
declare module 'virtual:handbook/theme.css';
declare module 'virtual:handbook/base' {
  /** The site's base path as Astro's config resolved it (`/handbook/`, or `/`). */
  export const base: string;
}
