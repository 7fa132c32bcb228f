// generated from shared/src/contracts by scripts/sync-contracts.ts — do not edit
// (change shared/src/contracts, then run `npx tsx scripts/sync-contracts.ts`)

export * from './audit.js';
export * from './connect.js';
export * from './errors.js';
export * from './guide.js';
export * from './hubspot-properties.js';
export * from './jobs.js';
export * from './paths.js';
export * from './portal.js';
export * from './preview.js';
export * from './settings.js';
export * from './setup.js';
export * from './sources.js';
export * from './sync.js';
export * from './transfers.js';
