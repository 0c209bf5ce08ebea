/** Written by the build (vite.config.ts) from the knowledge: the loader's own words and links. */
declare module 'virtual:kapchat-fallback' {
  const strings: import('./fallbackStrings').FallbackStrings;
  export default strings;
}
