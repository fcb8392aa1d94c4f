import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** Renders a QR code as a data: URL image (allowed by the CSP; no canvas needed for printing). */
export function QrCode({
  text,
  size = 160,
  alt,
  onReady,
}: {
  text: string;
  size?: number;
  alt: string;
  onReady?: () => void;
}) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch(() => {
        if (live) setSrc(null);
      });
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!src) return <span className="qr-placeholder" style={{ width: size, height: size }} />;
  // data-text: what the code says, so a browser test can check the address without decoding the image.
  return (
    <img src={src} width={size} height={size} alt={alt} className="qr" data-text={text} onLoad={onReady} />
  );
}
