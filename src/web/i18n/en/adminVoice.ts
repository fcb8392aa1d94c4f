import type { Dict } from '../dict';
import type * as id from '../id/adminVoice';

/** English: Admin — the displays' announcement voice and recorded clips. */
export const adminVoice: Dict<typeof id.adminVoice> = {
  lead: 'Displays call numbers with audio clips from the server: words synthesised without the internet, or recordings of a staff voice uploaded here (a recording replaces the synthesised voice for that word).',
  setting: 'Display voice',
  mode: { server: 'Server audio clips', browser: "The browser's own voice" },
  modeHelp: {
    server: 'recommended; works on every display PC without the internet.',
    browser:
      "used only where the display's browser has an Indonesian voice; otherwise the server clips play.",
  },
  sampleTicket: 'Sample number',
  sampleCounter: 'Counter',
  playSample: 'Play a sample call',
  badSample: 'Invalid sample number, e.g. B-017.',
  sampleFailed: 'Sound cannot be played in this browser.',
  summary: '{{recorded}} of {{total}} clips are recorded.',
  missingHelp: '{{count}} clips are not recorded yet and are spoken by the synthesised voice.',
  missingHelp_one: '{{count}} clip is not recorded yet and is spoken by the synthesised voice.',
  onlyMissing: 'Show only the clips not recorded yet',
  col: { clip: 'Clip', source: 'Source', listen: 'Listen', upload: 'Recording' },
  chime: '"Ding-dong" chime',
  recorded: 'Recorded ({{kb}} KB)',
  synth: 'Synthesised voice',
  upload: 'Upload…',
  replace: 'Replace…',
  uploadOf: 'Upload a recording for "{{key}}" (WAV, MP3 or OGG)',
  uploaded: 'Recording "{{key}}" saved.',
  removed: 'Recording "{{key}}" removed; the synthesised voice is used again.',
  tooBig: 'File too large: at most {{kb}} KB.',
  displays: {
    column: 'Sound',
    title: 'Sound on the displays',
    none: 'No paired display has reported yet.',
    silent: '{{count}} displays cannot be heard — check the boards below.',
    silent_one: '{{count}} display cannot be heard — check the board below.',
    allOk: 'All {{count}} displays can play sound.',
    allOk_one: 'The display can play sound.',
    stale: 'Not reporting (off or disconnected?)',
    reportedAt: 'last report {{time}}',
    status: {
      ok: 'Sound on',
      blocked: 'Blocked by the browser — touch the screen',
      'clips-failed': 'Audio clips fail to load',
      'no-audio': 'Browser without sound',
    },
  },
};
