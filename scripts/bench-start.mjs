// How long ./run-local takes before the run starts: the time from invocation to the run's first line of
// output, against the same run launched straight with java (the baseline, measured in the same session).
// Usage: node scripts/bench-start.mjs [runs]   (any Node >= 18; run ./run-local once first so it is built)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const runs = Number(process.argv[2] ?? 10);
const classpath = "local/target/classes:" + readFileSync("local/target/runtime-classpath.txt", "utf8").trim();
const commands = {
  "./run-local": ["./run-local"],
  "java (baseline)": ["java", "-cp", classpath, "com.eucimageupdater.local.LocalRun"],
};

/** Milliseconds from spawning the command to its first line on stdout; the run is then stopped. */
function timeToFirstLine([file, ...args]) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { detached: true, stdio: ["ignore", "pipe", "ignore"] });
    const lines = createInterface({ input: child.stdout });
    let millis;
    lines.once("line", () => {
      millis = Number(process.hrtime.bigint() - started) / 1e6;
      process.kill(-child.pid, "SIGTERM");
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      millis === undefined ? reject(new Error(`${file} exited (${code}) before printing a line`)) : resolve(millis));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timings = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
// Interleaved so that load from other processes on the machine hits both alike.
for (let run = 0; run < runs; run++) {
  for (const [name, command] of Object.entries(commands)) {
    timings[name].push(await timeToFirstLine(command));
  }
}
for (const [name, values] of Object.entries(timings)) {
  const f = (ms) => (ms / 1000).toFixed(2) + " s";
  console.log(`${name.padEnd(16)} median ${f(median(values))}  min ${f(Math.min(...values))}  max ${f(Math.max(...values))}  (${runs} runs)`);
}
const [wrapper, baseline] = Object.values(timings).map(median);
console.log(`added by ./run-local: ${((wrapper - baseline) / 1000).toFixed(2)} s (ratio ${(wrapper / baseline).toFixed(2)})`);
