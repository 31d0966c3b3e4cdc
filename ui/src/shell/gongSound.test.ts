import { forgetGongContext, playGong } from './gongSound';

/** Records what the gong asks of Web Audio: every oscillator and the gain ramps it schedules. */
class FakeAudioContext {
  static made = 0;
  state: AudioContextState = 'suspended';
  currentTime = 10;
  destination = {};
  oscillators: { frequency: number; detune: number; started: number; stopped: number }[] = [];
  ramps: { value: number; at: number }[] = [];
  resumed = 0;

  constructor() {
    FakeAudioContext.made += 1;
  }

  resume() {
    this.resumed += 1;
    this.state = 'running';
    return Promise.resolve();
  }

  createGain() {
    const ramps = this.ramps;
    const node = {
      gain: {
        value: 1,
        setValueAtTime: () => {},
        exponentialRampToValueAtTime: (value: number, at: number) => ramps.push({ value, at }),
      },
      connect: (next: unknown) => next,
    };
    return node;
  }

  createOscillator() {
    const osc = { frequency: 0, detune: 0, started: -1, stopped: -1 };
    this.oscillators.push(osc);
    return {
      type: 'sine',
      frequency: { set value(v: number) { osc.frequency = v; } },
      detune: { set value(v: number) { osc.detune = v; } },
      connect: (next: unknown) => next,
      start: (at: number) => { osc.started = at; },
      stop: (at: number) => { osc.stopped = at; },
    };
  }
}

describe('gong sound', () => {
  let made: FakeAudioContext[];

  beforeEach(() => {
    forgetGongContext();
    made = [];
    FakeAudioContext.made = 0;
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('does nothing where there is no Web Audio', () => {
    expect('AudioContext' in globalThis).toBe(false);
    expect(() => playGong()).not.toThrow();
  });

  it('strikes detuned partials that die out in about two and a half seconds', () => {
    vi.stubGlobal('AudioContext', class extends FakeAudioContext {
      constructor() {
        super();
        made.push(this);
      }
    });
    playGong();

    const ctx = made[0]!;
    expect(ctx.resumed).toBe(1);
    expect(ctx.oscillators.length).toBeGreaterThanOrEqual(3);
    const freqs = ctx.oscillators.map((o) => o.frequency);
    expect(new Set(freqs).size).toBe(freqs.length);
    expect(ctx.oscillators.some((o) => o.detune !== 0)).toBe(true);
    const longest = Math.max(...ctx.oscillators.map((o) => o.stopped - o.started));
    expect(longest).toBeGreaterThan(2);
    expect(longest).toBeLessThan(3);
    // Every partial fades to near silence rather than stopping with a click.
    expect(ctx.ramps.filter((r) => r.value < 0.001)).toHaveLength(ctx.oscillators.length);
  });

  it('makes one context for the whole run', () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    playGong();
    playGong();
    expect(FakeAudioContext.made).toBe(1);
  });
});
