/** Median, min and max of the rounds of one measurement (and the rounds, in order). */
export function summarize(samples) {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

/**
 * The ratio a/b round by round (each round's a over the b measured next to it
 * in the same round of {@link alternate}), summarized. On a shared machine the
 * load of other work drifts over seconds: a round's two variants share most of
 * it, so these ratios spread less than the variants' own rounds do.
 */
export function pairedRatio(a, b) {
  if (a.samples.length !== b.samples.length) throw new Error('pairedRatio: rounds differ');
  return summarize(a.samples.map((value, round) => value / b.samples[round]));
}

/**
 * Runs `variants` (name → async function resolving to one sample, an object of
 * numbers) in alternating rounds after two unmeasured warm-ups each
 * (`warmup(name)`, skipped when null), so drift of the machine (heat, other
 * load) falls on every variant alike. The order turns round every other round
 * (a b, b a, a b…): going first or second in a round must not favour a variant
 * (and with an even number of rounds neither goes first more often; options.mjs
 * asks for one). The warm-ups turn round too (a b b a): on this VM a process that starts
 * working after sitting idle runs slowly for several seconds (its heap grows
 * into memory it has not touched yet), and with one warm-up each the first
 * variant's first round still paid for it.
 * Resolves to name → field → { median, min, max, samples } (the rounds in
 * order, so that {@link pairedRatio} can pair each round's variants).
 */
export async function alternate(variants, { rounds, warmup }) {
  const names = Object.keys(variants);
  const reversed = [...names].reverse();
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  if (warmup) for (const name of [...names, ...reversed]) await warmup(name);
  for (let round = 0; round < rounds; round += 1) {
    for (const name of round % 2 === 0 ? names : reversed) {
      samples[name].push(await variants[name]());
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const fields = Object.keys(samples[name][0]);
      return [
        name,
        Object.fromEntries(
          fields.map((field) => [field, summarize(samples[name].map((sample) => sample[field]))]),
        ),
      ];
    }),
  );
}

/**
 * One line of results.json. `ratio` is always "higher is better": ours/baseline
 * for rates, baseline/ours for sizes (where smaller wins). `target` is the ratio
 * the issue asks for, when it asks for one.
 */
export function row({ name, unit, ours, baseline, higherIsBetter = true, target, note }) {
  const value = (summary) => (typeof summary === 'number' ? summary : summary.median);
  const range = (summary) =>
    typeof summary === 'number' ? undefined : [round(summary.min), round(summary.max)];
  const oursValue = value(ours);
  const baselineValue = value(baseline);
  const ratio = higherIsBetter ? oursValue / baselineValue : baselineValue / oursValue;
  return {
    name,
    ours: round(oursValue),
    baseline: round(baselineValue),
    unit,
    ratio: Math.round(ratio * 1000) / 1000,
    higherIsBetter,
    ...(range(ours) ? { oursRange: range(ours), baselineRange: range(baseline) } : {}),
    ...(target === undefined ? {} : { target, met: ratio >= target }),
    ...(note ? { note } : {}),
  };
}

/**
 * One line of results.json for a cost reported as it is (a check's µs), not as
 * a ratio: `ratio` is null, and so is `baseline` unless a hand-written
 * equivalent was timed (`baseline`, a summary like `value`).
 */
export function measurement({ name, unit, value, baseline, note }) {
  return {
    name,
    ours: round(value.median),
    baseline: baseline ? round(baseline.median) : null,
    unit,
    ratio: null,
    higherIsBetter: false,
    oursRange: [round(value.min), round(value.max)],
    ...(baseline ? { baselineRange: [round(baseline.min), round(baseline.max)] } : {}),
    ...(note ? { note } : {}),
  };
}

function round(value) {
  if (Math.abs(value) >= 100) return Math.round(value);
  // Small costs keep three significant digits (0.0312 µs, not 0.03).
  if (Math.abs(value) < 1) return Number(value.toPrecision(3));
  return Math.round(value * 100) / 100;
}
