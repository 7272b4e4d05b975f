// Screenshots go to e2e/out/ always, and to docs/screenshots/ when UPDATE_SCREENSHOTS=1.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './app.mjs';

export const outDir = join(root, 'e2e', 'out');
const docsDir = join(root, 'docs', 'screenshots');

export function keep(file) {
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(join(outDir, file), join(docsDir, file));
  }
}

// shoot captures the viewport (the header is sticky, so full-page captures repeat it) after
// scrolling focus, when given, into view.
export async function shoot(page, file, focus) {
  mkdirSync(outDir, { recursive: true });
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, file) });
  keep(file);
}
