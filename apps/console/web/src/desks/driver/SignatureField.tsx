import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

/**
 * The receiver signs on the phone's screen (R-DEL-3). The parent keeps the pad in `padRef` and
 * asks it for the PNG when the hand-over is confirmed.
 */
export function SignatureField({
  padRef,
  onChange,
}: {
  padRef: { current: SignaturePad | null };
  onChange: (signed: boolean) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current!;
    // Sharp strokes on high-density screens: the bitmap is the CSS size times the pixel ratio.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')!.scale(ratio, ratio);
    const pad = new SignaturePad(el, { backgroundColor: 'rgb(255,255,255)' });
    pad.addEventListener('endStroke', () => onChange(!pad.isEmpty()));
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, [padRef, onChange]);
  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        style={{
          width: '100%',
          height: 180,
          border: '1px dashed #999',
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <Button
        size="small"
        onClick={() => {
          padRef.current?.clear();
          onChange(false);
        }}
      >
        {t('driverApp.handOver.clear')}
      </Button>
    </div>
  );
}

/** The signature as a PNG (what the service accepts for a signature), or null when empty. */
export async function signaturePng(pad: SignaturePad | null): Promise<Blob | null> {
  if (!pad || pad.isEmpty()) return null;
  return (await fetch(pad.toDataURL('image/png'))).blob();
}

/** A camera photo as a JPEG of at most 1600 px (the service takes JPEG photos up to 2 MB). */
export async function photoJpeg(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no JPEG'))), 'image/jpeg', 0.8),
  );
}
