/**
 * Proof images (R-DEL-3): a receiver's signature drawn on the driver's phone (PNG) and an
 * optional photo from its camera (JPEG). The type is decided by the file's first bytes, never by
 * what the client claims.
 */
export const PROOF_IMAGE_KINDS = ['signature', 'photo'] as const;
export type ProofImageKind = (typeof PROOF_IMAGE_KINDS)[number];

export type ProofImageType = 'image/png' | 'image/jpeg';

/** 2 MB: a phone photo downscaled by the app, or a signature, fits easily. */
export const PROOF_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const ACCEPTED: Record<ProofImageKind, ProofImageType[]> = {
  signature: ['image/png'],
  photo: ['image/jpeg'],
};

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** The image type the bytes really are, or null when they are neither PNG nor JPEG. */
export function sniffImageType(bytes: Uint8Array): ProofImageType | null {
  const starts = (magic: number[]) =>
    bytes.length > magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts(PNG_MAGIC)) return 'image/png';
  if (starts(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

/** Whether an image of this real type is accepted as this kind of proof. */
export function acceptsImage(kind: ProofImageKind, type: ProofImageType | null): boolean {
  return type !== null && ACCEPTED[kind].includes(type);
}

/** A proof reference that names a stored image: `proof-image:<id>`. */
export const PROOF_IMAGE_REF_PREFIX = 'proof-image:';

export function proofImageIdOf(ref: string | undefined): string | null {
  return ref?.startsWith(PROOF_IMAGE_REF_PREFIX) ? ref.slice(PROOF_IMAGE_REF_PREFIX.length) : null;
}
