import { hash, verify } from '@node-rs/argon2';

// argon2id (the library default) with OWASP's minimum cost: 19 MiB, 2 passes, 1 lane.
const cost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the user does not exist keeps response times from revealing names.
let decoy: Promise<string> | null = null;
export async function burnVerify(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-valid');
  await verifyPassword(await decoy, password);
}
