import {
  acceptsImage,
  proofImageIdOf,
  PROOF_IMAGE_REF_PREFIX,
  sniffImageType,
} from './proof-image-type';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('proof image type (R-DEL-3)', () => {
  it('R-DEL-3: recognises PNG and JPEG by their first bytes, nothing else', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(png.slice(0, 8))).toBeNull(); // the signature alone is no image
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('R-DEL-3: a signature is a PNG, a photo a JPEG', () => {
    expect(acceptsImage('signature', 'image/png')).toBe(true);
    expect(acceptsImage('signature', 'image/jpeg')).toBe(false);
    expect(acceptsImage('photo', 'image/jpeg')).toBe(true);
    expect(acceptsImage('photo', 'image/png')).toBe(false);
    expect(acceptsImage('photo', null)).toBe(false);
  });

  it('R-DEL-3: only proof-image references name a stored image', () => {
    expect(proofImageIdOf(`${PROOF_IMAGE_REF_PREFIX}abc`)).toBe('abc');
    expect(proofImageIdOf('paper-slip-12')).toBeNull();
    expect(proofImageIdOf(undefined)).toBeNull();
  });
});
