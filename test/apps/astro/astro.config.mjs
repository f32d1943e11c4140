// As `npm create astro` makes it, rendered on request by the Node adapter: the test starts the built server.
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'server', adapter: node({ mode: 'standalone' }) });
