import { useEffect, useState } from 'preact/hooks';

/** Whether a media query matches, kept up to date; false where `matchMedia` is missing. */
export function useMediaQuery(query: string): boolean {
  const read = () => globalThis.matchMedia?.(query).matches === true;
  const [matches, setMatches] = useState(read);
  useEffect(() => {
    const list = globalThis.matchMedia?.(query);
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener?.('change', update);
    return () => list.removeEventListener?.('change', update);
  }, [query]);
  return matches;
}
