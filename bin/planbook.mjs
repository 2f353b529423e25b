#!/usr/bin/env node
// The `planbook` CLI. The engine is TypeScript shared with the app, so it is loaded through tsx's
// loader rather than a separate build step: a fresh clone works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
