export * from './errors.js';
export * from './guide.js';
export * from './portal.js';
export * from './sources.js';
export * from './paths.js';
export * from './connect.js';
export * from './jobs.js';
export * from './audit.js';
