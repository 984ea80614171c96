/** Pass rates per behaviour, and what the candidate does worse than the active model. */
export interface ResultLike {
  caseId: string;
  behaviour: string;
  question: string;
  expected: string;
  output: string;
  status: "pass" | "fail" | "skipped";
  reason?: string | null;
}

export interface BehaviourStats {
  behaviour: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Passed over decided cases; null when every case was skipped. */
  rate: number | null;
}

export function behaviourStats(results: ResultLike[]): BehaviourStats[] {
  const by = new Map<string, BehaviourStats>();
  for (const r of results) {
    const s = by.get(r.behaviour) ?? { behaviour: r.behaviour, passed: 0, failed: 0, skipped: 0, rate: null };
    if (r.status === "pass") s.passed++;
    else if (r.status === "fail") s.failed++;
    else s.skipped++;
    by.set(r.behaviour, s);
  }
  return [...by.values()].map((s) => ({ ...s, rate: s.passed + s.failed > 0 ? s.passed / (s.passed + s.failed) : null }));
}

export interface Comparison {
  behaviours: { behaviour: string; candidate: BehaviourStats | null; active: BehaviourStats | null; regressed: boolean }[];
  /** Behaviours where the candidate's pass rate is below the active model's. */
  regressed: string[];
  /** The candidate's failed cases in regressed behaviours, with what was expected and what it said. */
  regressions: ResultLike[];
}

export function compareRuns(candidate: ResultLike[], active: ResultLike[]): Comparison {
  const c = new Map(behaviourStats(candidate).map((s) => [s.behaviour, s]));
  const a = new Map(behaviourStats(active).map((s) => [s.behaviour, s]));
  const names = [...new Set([...a.keys(), ...c.keys()])].sort();
  const behaviours = names.map((behaviour) => {
    const cs = c.get(behaviour) ?? null;
    const as = a.get(behaviour) ?? null;
    // A behaviour the active model was checked on and the candidate passes less often (or was never checked on).
    const regressed = as?.rate != null && (cs?.rate == null ? cs === null : cs.rate < as.rate);
    return { behaviour, candidate: cs, active: as, regressed };
  });
  const regressed = behaviours.filter((b) => b.regressed).map((b) => b.behaviour);
  const regressions = candidate.filter((r) => r.status === "fail" && regressed.includes(r.behaviour));
  return { behaviours, regressed, regressions };
}
