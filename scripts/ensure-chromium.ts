/**
 * Makes sure a Chromium for the browser tests is on this machine: Debian's package, never a
 * browser download. Run before the tests (`npm test` does). Set KAPCHAT_CHROMIUM to use another
 * binary.
 */
import { execSync } from 'node:child_process';
import { chromiumPath } from '../test/browser/chromium';

if (chromiumPath()) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root) {
  console.error('Chromium is missing. Install it with: sudo apt-get install -y chromium   (or set KAPCHAT_CHROMIUM to a Chromium binary)');
  process.exit(1);
}
console.log('Installing Chromium from Debian packages for the browser tests…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null', { stdio: 'inherit' });
if (!chromiumPath()) {
  console.error('Chromium could not be installed.');
  process.exit(1);
}
