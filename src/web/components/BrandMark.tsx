/** The "SA" (Satu Atap) mark beside a screen's title; decorative, so hidden from assistive technology. */
export function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      SA
    </span>
  );
}
