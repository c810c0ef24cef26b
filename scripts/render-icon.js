// Renders media/icon.svg to the 128x128 media/icon.png the Marketplace needs, with Debian's Chromium.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  const svg = fs.readFileSync(path.join(__dirname, '../media/icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: path.join(__dirname, '../media/icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  await browser.close();
})();
