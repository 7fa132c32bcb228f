import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v2';
/** Sealed before tokens were bound to their row (no additional data); re-sealed at start-up. */
const LEGACY_VERSION = 'v1';

/** The row a sealed token belongs to: its ciphertext does not decrypt anywhere else. */
export const portalTokenAad = (portalId: number) => `portal:${portalId}`;
export const connectionTokenAad = (connectionId: string) => `connection:${connectionId}`;

/**
 * Encrypts secrets at rest with AES-256-GCM: `v2.<iv>.<tag>.<ciphertext>`, each part base64url, with the
 * owning row's identity (`aad`) as additional authenticated data, so a ciphertext copied to another
 * portal's or connection's row fails to decrypt.
 */
export interface TokenVault {
  encrypt(plaintext: string, aad: string): string;
  decrypt(sealed: string, aad: string): string;
  /** True for a ciphertext sealed without its row's identity (to be re-sealed). */
  isLegacy(sealed: string): boolean;
  /** Opens a legacy ciphertext, once, to re-seal it bound to its row. */
  decryptLegacy(sealed: string): string;
}

export function createTokenVault(key: Buffer): TokenVault {
  if (key.length !== 32) throw new Error('token encryption key must be 32 bytes');
  const open = (sealed: string, version: string, aad: string | null) => {
    const [given, iv, tag, ciphertext] = sealed.split('.');
    if (given !== version || !iv || !tag || ciphertext === undefined) throw new Error('unrecognised sealed token');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    if (aad !== null) decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  };
  return {
    encrypt(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt: (sealed, aad) => open(sealed, VERSION, aad),
    isLegacy: (sealed) => sealed.startsWith(`${LEGACY_VERSION}.`),
    decryptLegacy: (sealed) => open(sealed, LEGACY_VERSION, null),
  };
}
