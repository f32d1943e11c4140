/**
 * A page of its own for a test: an iframe whose document is `html`, so what the page defines and
 * loads (a CDN file, a server-rendered placement) never mixes with this test's modules.
 */
export async function framePage(html: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 480px; height: 320px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">${html}</html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}
