export * from './audit.ts';
export * from './backend.ts';
export * from './fire.ts';
export * from './mount.tsx';
export * from './pages.tsx';
export * from './setup.tsx';
export * from './sync.tsx';
export * from './tables.ts';
