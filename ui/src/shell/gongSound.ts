// A gong synthesised on the spot, so the app ships no audio file and needs no codec.

/** Partials of a struck metal plate: inharmonic ratios, each a little detuned, the high ones brief. */
const PARTIALS = [
  { ratio: 1, gain: 0.5, decay: 2.5, detune: 0 },
  { ratio: 1.48, gain: 0.3, decay: 1.8, detune: 7 },
  { ratio: 2.03, gain: 0.22, decay: 1.3, detune: -5 },
  { ratio: 2.74, gain: 0.14, decay: 0.9, detune: 11 },
  { ratio: 3.9, gain: 0.08, decay: 0.6, detune: -9 },
];
const BASE_HZ = 196;
const VOLUME = 0.35;

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audioContextClass(): AudioContextClass | undefined {
  const w = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

/**
 * Strikes the gong once. The context is made on the first strike, not at load: browsers keep a
 * context made before any user gesture suspended, and resume() lets it sound once allowed.
 * Without Web Audio (tests, a stripped webview) nothing happens.
 */
export function playGong(): void {
  const Ctx = audioContextClass();
  if (!Ctx) return;
  try {
    context ??= new Ctx();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.01;
    const master = ctx.createGain();
    master.gain.value = VOLUME;
    master.connect(ctx.destination);
    for (const p of PARTIALS) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = BASE_HZ * p.ratio;
      osc.detune.value = p.detune;
      // A hard strike: a few milliseconds up, then an exponential ring-out (it cannot reach 0).
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(p.gain, start + 0.008);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + p.decay);
      osc.connect(gain).connect(master);
      osc.start(start);
      osc.stop(start + p.decay + 0.05);
    }
  } catch {
    // A sound is a courtesy: an audio device that refuses must not break the feed.
  }
}

/** For tests: forget the context so the next strike makes a new one. */
export function forgetGongContext(): void {
  context = null;
}
