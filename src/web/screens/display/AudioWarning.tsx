import { useTranslation } from 'react-i18next';
import { unlockAudio, useAudioStatus } from './audio';

/**
 * A visible warning whenever the board cannot be heard: sound held by the browser's autoplay policy
 * (touching it unlocks), announcement clips failing to load, or no audio in this browser at all.
 */
export function AudioWarning() {
  const { t } = useTranslation();
  const status = useAudioStatus();
  if (status === 'ok') return null;
  return (
    <div role="alert">
      <button
        type="button"
        className={`audio-warning audio-${status}`}
        data-testid="audio-warning"
        data-status={status}
        onClick={() => void unlockAudio()}
      >
        {t(`display.audio.${status}`)}
      </button>
    </div>
  );
}
