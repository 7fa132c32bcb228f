export * from './backend.ts';
export * from './fire.ts';
export * from './mount.tsx';
