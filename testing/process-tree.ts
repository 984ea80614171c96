import fs from "node:fs";

/**
 * A running app's processes read from /proc (Linux), for the benchmarks: memory as PSS
 * (proportional set size: pages shared between the processes, such as Node's own code, are split
 * between them, so the sum is what the app really holds) beside RSS, and CPU time.
 */

export interface ProcessInfo { pid: number; ppid: number; name: string; command: string }
export interface Memory { pssMb: number; rssMb: number; processes: number }

/** The process and all its descendants. */
export function processTree(root: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const ppid = statFields(pid)?.[1];
    if (ppid !== undefined) children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), pid]);
  }
  const pids: number[] = [];
  const visit = (pid: number) => (pids.push(pid), (children.get(pid) ?? []).forEach(visit));
  visit(root);
  return pids.map(info).filter((p): p is ProcessInfo => p !== null);
}

/** Every process of this machine (this container) whose executable has this name, e.g. "postgres". */
export function processesNamed(name: string): ProcessInfo[] {
  return allPids().map(info).filter((p): p is ProcessInfo => p?.name === name);
}

export function memoryOf(processes: ProcessInfo[]): Memory {
  const kb = (file: string, field: string) => Number(readProc(file)?.match(new RegExp(`^${field}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
  const sum = (f: (pid: number) => number) => Math.round(processes.reduce((s, p) => s + f(p.pid), 0) / 1024);
  return { pssMb: sum((pid) => kb(`/proc/${pid}/smaps_rollup`, "Pss")), rssMb: sum((pid) => kb(`/proc/${pid}/status`, "VmRSS")), processes: processes.length };
}

/**
 * CPU time (user + system) the process has used so far, in ms; 0 once it has ended. With
 * `reapedChildren`, also that of its children that have ended and been waited for (a PostgreSQL
 * server's closed connections), so a total over a run does not lose the processes that ended in it.
 */
export function cpuMsOf(pid: number, { reapedChildren = false } = {}): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // utime, stime, cutime and cstime: fields 14-17 of /proc/<pid>/stat, in clock ticks (USER_HZ, 100 on Linux).
  const ticks = Number(fields[11]) + Number(fields[12]) + (reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks * 10;
}

function allPids(): number[] {
  return fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).map(Number);
}

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, ...]. */
function statFields(pid: number): string[] | null {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : null;
}

function info(pid: number): ProcessInfo | null {
  const stat = readProc(`/proc/${pid}/stat`);
  const command = readProc(`/proc/${pid}/cmdline`);
  if (!stat || command === null) return null;
  const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  return { pid, ppid, name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), command: command.replaceAll("\0", " ").trim() };
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null; // the process ended meanwhile
  }
}
