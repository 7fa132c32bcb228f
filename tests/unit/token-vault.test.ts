import { randomBytes } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { createTokenVault } from '../../backend/src/auth/token-vault.js';

it('seals tokens with AES-256-GCM: round trip, fresh IV each time, tampering detected', () => {
  const vault = createTokenVault(randomBytes(32));
  const token = 'CJT4-access-token-ünïcode';
  const sealedA = vault.encrypt(token, 'portal:1');
  const sealedB = vault.encrypt(token, 'portal:1');
  expect(sealedA).not.toContain(token);
  expect(sealedA).not.toBe(sealedB);
  expect(vault.decrypt(sealedA, 'portal:1')).toBe(token);
  const parts = sealedA.split('.');
  const flipped = Buffer.from(parts[3] as string, 'base64url');
  flipped[0] = (flipped[0] as number) ^ 1;
  parts[3] = flipped.toString('base64url');
  expect(() => vault.decrypt(parts.join('.'), 'portal:1')).toThrow();
  expect(() => createTokenVault(randomBytes(32)).decrypt(sealedA, 'portal:1')).toThrow();
});

it('binds a ciphertext to its row: it does not decrypt as another row', () => {
  const vault = createTokenVault(randomBytes(32));
  const sealed = vault.encrypt('secret', 'connection:a');
  expect(() => vault.decrypt(sealed, 'connection:b')).toThrow();
  expect(() => vault.decrypt(sealed, 'portal:1')).toThrow();
});

it('refuses a key that is not 32 bytes', () => {
  expect(() => createTokenVault(randomBytes(16))).toThrow('32 bytes');
});
