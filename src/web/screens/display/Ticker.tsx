/** Running text along the bottom of the board. */
export function Ticker({ text }: { text: string }) {
  return (
    <footer className="ticker">
      <div className="ticker-track">
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </footer>
  );
}
