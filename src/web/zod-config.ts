/**
 * Imported first by main.tsx, before any module that builds a schema. zod probes `new Function`
 * to compile fast validators; the page's CSP forbids eval, so every page load reported a
 * violation. The interpreted validators are fast enough for forms.
 */
import { z } from 'zod';

z.config({ jitless: true });
