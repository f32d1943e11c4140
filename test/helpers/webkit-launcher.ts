/**
 * The browser tests' WebKit: WebKitGTK's MiniBrowser (the engine of Safari, built for Linux) driven
 * through WebKitGTK's own WebDriver server, both from Debian's webkit2gtk-driver package. The
 * launcher owns what it starts: an X display when the machine has none (MiniBrowser has no headless
 * mode; Xvfb draws off screen) and the WebDriver server, both stopped with the browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { TestRunnerCoreConfig } from '@web/test-runner-core';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { findWebKit } from './find-browser.js';

/** The viewport web-test-runner gives the puppeteer engines, so a test sees the same page size in all three. */
const VIEWPORT = { width: 800, height: 600 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** A child process whose last output is kept, to say why it failed when it does. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output: () => output };
}

/** An X server of its own on the first free display; resolves with that display's name. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  // -displayfd: Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    child.once('error', (error) => reject(new Error('Xvfb could not start: install it (Debian/Ubuntu: `sudo apt-get install -y xvfb`) or give a DISPLAY.', { cause: error })));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display.`)));
  });
  return { display: `:${number}`, process: child };
}

async function waitForDriver(url: string, driver: { child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (driver.child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}:\n${driver.output()}`);
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** What of webdriverio's session the launcher uses here. */
interface Driver {
  execute<T>(script: () => T): Promise<T>;
  setWindowSize(width: number, height: number): Promise<unknown>;
}

class WebKitGtkLauncher extends WebdriverLauncher {
  private readonly connection: { port?: number; hostname: string };
  private xvfb?: ChildProcess;
  private webDriver?: ChildProcess;
  private windowSized = false;

  constructor(connection: { port?: number; hostname: string }, browser: string) {
    super(Object.assign(connection, {
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
        // WebKitGTK's driver speaks classic WebDriver; webdriverio would otherwise ask for BiDi.
        'wdio:enforceWebDriverClassic': true,
      },
      logLevel: 'error' as const,
    }));
    this.connection = connection;
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    await super.initialize(config);
    this.name = 'WebKit';
    const { driver } = findWebKit();
    const env = { ...process.env };
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) {
      const xvfb = await startXvfb();
      this.xvfb = xvfb.process;
      env.DISPLAY = xvfb.display;
    }
    const port = await freePort();
    const started = start(driver, [`--port=${port}`, '--host=local'], env);
    this.webDriver = started.child;
    // Should the run end without stopping the launcher (a crash), nothing it started outlives it.
    process.once('exit', () => {
      this.webDriver?.kill();
      this.xvfb?.kill();
    });
    await waitForDriver(`http://${this.connection.hostname}:${port}`, started);
    this.connection.port = port;
  }

  override async startSession(id: string, url: string): Promise<void> {
    if (!this.windowSized) {
      this.windowSized = true;
      await this.sizeWindow();
    }
    return super.startSession(id, url);
  }

  /**
   * MiniBrowser's window is larger than the viewport the puppeteer engines give their pages: makes
   * the page the same size, once, before the first test file loads.
   */
  private async sizeWindow(): Promise<void> {
    const internals = this as unknown as { ensureManagerInitialized(): Promise<void>; driver: Driver };
    await internals.ensureManagerInitialized();
    const { driver } = internals;
    // The window's frame and toolbar, around the page.
    const frame = await driver.execute((): [number, number] => [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]);
    await driver.setWindowSize(VIEWPORT.width + frame[0], VIEWPORT.height + frame[1]);
  }

  override async stop(): Promise<void> {
    await super.stop();
    await stopProcess(this.webDriver);
    await stopProcess(this.xvfb);
  }
}

/** WebKitGTK's MiniBrowser under WebKitWebDriver (and Xvfb where there is no display). */
export function webkitLauncher(): WebdriverLauncher {
  const { browser } = findWebKit();
  return new WebKitGtkLauncher({ hostname: '127.0.0.1' }, browser);
}
