package com.eucimageupdater.bench;

import com.eucimageupdater.simulator.AwsSimulator;
import com.eucimageupdater.simulator.Scenario;
import com.eucimageupdater.workflow.FunctionEnvironment;
import com.eucimageupdater.workflow.FunctionJar;
import com.eucimageupdater.workflow.WorkflowStep;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold invocations, each in a fresh JVM with Lambda's flags, of the function jar's handlers and of a newcomer's
 * handler, against a fresh simulated account per round. Rounds interleave every subject, so drift on a shared
 * machine hits them alike; medians, peak RSS and the ratio to the newcomer are printed at the end, then the guard:
 * Check, Start and Poll cold without SnapStart no slower than the newcomer, and their first call after priming.
 *
 * <p>Run it with {@code ./run-benchmark [--rounds N]}; it exits 1 when the guard fails. The figures go into
 * docs/performance.md.
 */
public final class ColdStartBenchmark {
    /** What the Lambda Java runtime starts the JVM with. */
    static final List<String> LAMBDA_JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    /** The steps whose cold invocation, without SnapStart, must be no slower than the newcomer's. */
    static final List<String> GUARDED = List.of("Check", "Start", "Poll");

    private final Path root;
    private final Path functionJar;
    private final Path workDir;
    private final String launcherClasspath;
    private final String newcomerClasspath;
    private final String probesJar;

    private ColdStartBenchmark(Path root, Path workDir, String launcherClasspath, String newcomerClasspath, String probesJar) {
        this.probesJar = probesJar;
        this.root = root;
        this.functionJar = root.resolve(FunctionJar.IMAGE_STEPS.path());
        this.workDir = workDir;
        this.launcherClasspath = launcherClasspath;
        this.newcomerClasspath = newcomerClasspath;
    }

    /**
     * One thing to cold-invoke: a handler on a class path, its input, and a piece its answer must contain. A primed
     * subject stands for a SnapStart restore; a probe is one piece of a cold start alone, for the lever table.
     */
    record Subject(String name, String classpath, String handler, String input, String expected, Kind kind) {
        boolean primed() {
            return kind == Kind.PRIMED;
        }
    }

    enum Kind { HANDLER, PRIMED, PROBE }

    /**
     * One cold invocation: wall time from starting the JVM to the answer; in the JVM, loading and constructing the
     * handler, priming it (SnapStart's checkpoint hook, primed subjects only), the invocation; peak RSS.
     */
    record Sample(long wallMs, long initMs, long primeMs, long invokeMs, long peakKb) {}

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);

                default -> {
                    System.err.println("usage: run-benchmark [--rounds N]");
                    System.exit(2);
                }
            }
        }
        inProject(Path.of("")).run(rounds);
    }

    /** The benchmark of the project at {@code root}, once built (./run-benchmark builds it). */
    static ColdStartBenchmark inProject(Path root) throws IOException {
        Path target = root.resolve("bench").resolve("target");
        String launcher = target.resolve("bench-1.0.0-SNAPSHOT.jar") + File.pathSeparator + read(target.resolve("launcher-classpath.txt"));
        String newcomer = target.resolve("bench-1.0.0-SNAPSHOT-newcomer.jar") + File.pathSeparator + read(target.resolve("newcomer-classpath.txt"));
        return new ColdStartBenchmark(root, Files.createTempDirectory("euc-bench"), launcher, newcomer,
                target.resolve("bench-1.0.0-SNAPSHOT-probes.jar").toAbsolutePath().toString());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private void run(int rounds) throws Exception {
        List<Subject> subjects = subjects();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        subjects.forEach(subject -> samples.put(subject.name(), new ArrayList<>()));
        printMachine(rounds);
        for (int round = 1; round <= rounds; round++) {
            // A fresh account each round: Start creates the image that Poll then reads, the same work every round.
            try (AwsSimulator simulator = AwsSimulator.start(Scenario.defaultScenario())) {
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (Subject subject : subjects) {
                    Sample sample = invoke(subject, simulator);
                    samples.get(subject.name()).add(sample);
                    line.append(' ').append(subject.name()).append('=').append(sample.wallMs());
                }
                System.out.println(line);
            }
        }
        if (!printSummary(subjects, samples)) {
            System.exit(1);
        }
    }

    List<Subject> subjects() throws IOException {
        String jar = functionJar.toAbsolutePath().toString();
        String job = """
                "item": {"service": "APPSTREAM", "image": "Base-Win2022", "tags": {"team": "euc"}},
                "run": {"executionName": "bench", "runDate": "2026-11-10", "account": "123456789012", "region": "us-east-1", "pollIntervalSeconds": 900,
                        "maxPolls": 32, "maxWaitMinutes": 480, "maxWaitText": "8 h", "approval": "required",
                        "approvalTimeoutSeconds": 259200, "dryRun": false}""";
        String check = """
                "check": {"updateAvailable": true, "sourceName": "Base-Win2022", "detail": "updates",
                  "newImageName": "Base-Win2022-2026-11-10", "newImageDescription": "Monthly patch",
                  "newImageDisplayName": "Base (2026-11-10)", "lineage": "Base-Win2022"}""";
        String start = """
                "start": {"newImage": "Base-Win2022-2026-11-10", "newImageName": "Base-Win2022-2026-11-10", "adopted": false}""";
        String plan = """
                {"input": {"images": [{"service": "APPSTREAM", "image": "Base-Win2022"}, {"service": "WORKSPACES", "image": "wsi-0a1b2c3d4"}]},
                 "executionName": "bench", "executionId": "arn:aws:states:us-east-1:123456789012:execution:bench:bench",
                 "startTime": "2026-11-10T06:00:00.123Z", "configuredImages": "[]", "pollIntervalSeconds": "900",
                 "maxWaitMinutes": "480", "maxConcurrency": "5", "timeZone": "UTC", "daysAfterPatchTuesday": "1",
                 "approval": "required", "approvalTimeoutHours": "72", "keepImages": "0"}""";
        String report = """
                {"executionName": "bench", "runDate": "2026-11-10", "problems": [], "builds": [
                  {"account": "123456789012", "region": "us-east-1", "results": [
                    {"service": "APPSTREAM", "image": "Base-Win2022", "outcome": "UPDATED", "newImage": "Base-Win2022-2026-11-10",
                     "state": "AVAILABLE"},
                    {"service": "APPSTREAM", "image": "Finance-Win2022", "outcome": "UP_TO_DATE", "reason": "already has the latest updates"},
                    {"service": "WORKSPACES", "image": "wsi-5e6f7g8h9", "outcome": "FAILED", "reason": "quota"}]}]}""";
        String checkInput = write("check.json", "{" + job + "}");
        String startJob = "{" + job + ",\n" + check + "}";
        String pollJob = "{" + job + ",\n" + check + ",\n" + start + "}";
        String startInput = write("start.json", startJob);
        String pollInput = write("poll.json", pollJob);
        // The primed start makes the next day's image, so that it creates one too rather than adopting this one.
        String nextDay = "2026-11-11";
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("Newcomer", newcomerClasspath, "com.eucimageupdater.bench.newcomer.NewcomerHandler",
                write("newcomer.json", "{}"), "AVAILABLE", Kind.HANDLER));
        subjects.add(step(WorkflowStep.CHECK, checkInput, "\"updateAvailable\":true", Kind.HANDLER));
        subjects.add(step(WorkflowStep.START, startInput, "\"newImage\":\"Base-Win2022-2026-11-10\"", Kind.HANDLER));
        subjects.add(step(WorkflowStep.POLL, pollInput, "\"pollsDone\":1", Kind.HANDLER));
        subjects.add(step(WorkflowStep.PLAN, write("plan.json", plan), "\"maxConcurrency\":5", Kind.HANDLER));
        subjects.add(step(WorkflowStep.REPORT, write("report.json", report), "1 updated, 1 up to date, 1 failed", Kind.HANDLER));
        // What a SnapStart restore runs: the first invocation after the checkpoint hook's priming.
        subjects.add(step(WorkflowStep.CHECK, checkInput, "\"updateAvailable\":true", Kind.PRIMED));
        subjects.add(step(WorkflowStep.START, write("start-next.json", startJob.replace("2026-11-10", nextDay)),
                "\"newImage\":\"Base-Win2022-" + nextDay + "\"", Kind.PRIMED));
        subjects.add(step(WorkflowStep.POLL, write("poll-next.json", pollJob.replace("2026-11-10", nextDay)), "\"pollsDone\":1",
                Kind.PRIMED));
        String probe = "com.eucimageupdater.bench.probe.";
        String withJar = probesJar + File.pathSeparator + jar;
        subjects.add(new Subject("JVM floor", probesJar, probe + "Noop", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("TLS context", probesJar, probe + "Tls", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("jackson-jr", withJar, probe + "JacksonJr", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("StepJson", withJar, "com.eucimageupdater.lambda.StepJsonProbe", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("JSON log line", withJar, "com.eucimageupdater.lambda.StepLogProbe", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("Metadata SDK", probesJar + File.pathSeparator + newcomerClasspath, probe + "ServiceMetadataOfAllServices",
                checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("Metadata ours", withJar, probe + "ServiceMetadataOfAllServices", checkInput, "done", Kind.PROBE));
        subjects.add(new Subject("2 clients dflt", withJar, probe + "Clients", write("both-default.txt", "both default"), "done", Kind.PROBE));
        subjects.add(new Subject("1 client dflt", withJar, probe + "Clients", write("one-default.txt", "one default"), "done", Kind.PROBE));
        subjects.add(new Subject("1 client expl", withJar, probe + "Clients", write("one-explicit.txt", "one explicit"), "done", Kind.PROBE));
        return subjects;
    }

    /** A step's handler from the jar the contract ships it in, named by the step ("Check", "Check primed"). */
    private Subject step(WorkflowStep step, String input, String expected, Kind kind) {
        String name = step.stepName() + (kind == Kind.PRIMED ? " primed" : "");
        return new Subject(name, root.resolve(step.function().jar().path()).toAbsolutePath().toString(), step.function().handlerClass(),
                input, expected, kind);
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(workDir.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    /** One cold invocation; fails unless the answer holds what the subject expects. */
    Sample invoke(Subject subject, AwsSimulator simulator) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", launcherClasspath, ColdInvoke.class.getName(), subject.classpath(), subject.handler(), subject.input()));
        if (subject.primed()) {
            command.add("--prime");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(workDir.resolve("stderr.txt").toFile());
        lambdaEnvironment(builder.environment(), subject, simulator);
        long started = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        String bench = null;
        long answered = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("BENCH ")) {
                    answered = System.nanoTime();
                    bench = line;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || bench == null || !output.toString().contains(subject.expected())) {
            throw new IllegalStateException(subject.name() + " failed (exit " + exit + "), expected " + subject.expected() + " in:\n" + output
                    + Files.readString(workDir.resolve("stderr.txt")));
        }
        return new Sample((answered - started) / 1_000_000, field(bench, "initMs"), field(bench, "primeMs"), field(bench, "invokeMs"),
                field(bench, "hwmKb"));
    }

    /** What Lambda's environment holds that the SDK reads, and nothing of this machine's AWS set-up. */
    private void lambdaEnvironment(Map<String, String> environment, Subject subject, AwsSimulator simulator) {
        String path = environment.get("PATH");
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", workDir.toString());
        environment.put("TZ", ":UTC");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("AWS_REGION", simulator.scenario().region());
        environment.put("AWS_DEFAULT_REGION", simulator.scenario().region());
        environment.put("AWS_ACCESS_KEY_ID", "AKIASIMULATED");
        environment.put("AWS_SECRET_ACCESS_KEY", "simulated");
        environment.put("AWS_SESSION_TOKEN", "simulated-session");
        environment.put("AWS_ENDPOINT_URL", simulator.endpoint().toString());
        // As the stack sets it for the image steps: other accounts are reached through their member role.
        environment.put(FunctionEnvironment.DEPLOYMENT_ACCOUNT, simulator.scenario().accountId());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "euc-image-updater-" + subject.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        environment.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        environment.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        environment.put("LAMBDA_TASK_ROOT", workDir.toString());
    }

    private static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + " in " + line);
    }

    private void printMachine(int rounds) throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(cpu);
        }
        System.out.printf(Locale.ROOT, "machine: %s, %d cores, %s %s; Java %s (%s); JVM flags: %s%n", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), String.join(" ", LAMBDA_JVM_FLAGS));
        for (Path jar : shippedJars(functionJar.getParent())) {
            long bytes = Files.size(jar);
            System.out.printf(Locale.ROOT, "function jar: %s, %.2f MB (%d bytes)%n", jar, bytes / 1e6, bytes);
        }
        System.out.println(rounds + " interleaved rounds, each subject a fresh JVM, a fresh simulated account per round; times in ms");
    }

    /** Every function jar the stack deploys: functions-lambda.jar and functions-<kind>-lambda.jar. */
    static List<Path> shippedJars(Path functionsTarget) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(functionsTarget)) {
            return files.filter(file -> file.getFileName().toString().matches("functions(-[a-z-]+)?-lambda\\.jar")).sorted().toList();
        }
    }

    /** @return whether the guard passed */
    private static boolean printSummary(List<Subject> subjects, Map<String, List<Sample>> samples) {
        long newcomer = median(samples.get("Newcomer"), Sample::wallMs);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-14s %9s %7s %7s %8s %8s %8s %9s %7s%n", "subject", "median ms", "min", "max", "init ms",
                "prime ms", "call ms", "peak MB", "ratio");
        for (Subject subject : subjects.stream().filter(subject -> subject.kind() != Kind.PROBE).toList()) {
            List<Sample> list = samples.get(subject.name());
            long median = median(list, Sample::wallMs);
            // A primed subject stands for a SnapStart restore: its figure is the call after priming, not the whole JVM.
            long compared = subject.primed() ? median(list, Sample::invokeMs) : median;
            System.out.printf(Locale.ROOT, "%-14s %9d %7d %7d %8d %8d %8d %9.0f %7.2f%n", subject.name(), median,
                    list.stream().mapToLong(Sample::wallMs).min().orElse(0), list.stream().mapToLong(Sample::wallMs).max().orElse(0),
                    median(list, Sample::initMs), median(list, Sample::primeMs), median(list, Sample::invokeMs),
                    median(list, Sample::peakKb) / 1024.0, (double) compared / newcomer);
        }
        System.out.println();
        System.out.println("ratio: median wall time over the newcomer's; for primed subjects, the call after priming over the newcomer's wall time");
        long floor = median(samples.get("JVM floor"), Sample::wallMs);
        System.out.println();
        System.out.println("pieces of a cold start, each alone in a fresh JVM: median wall ms, and above the JVM floor (" + floor + " ms)");
        for (Subject probe : subjects.stream().filter(subject -> subject.kind() == Kind.PROBE).toList()) {
            long median = median(samples.get(probe.name()), Sample::wallMs);
            System.out.printf(Locale.ROOT, "%-16s %6d %+7d%n", probe.name(), median, median - floor);
        }
        System.out.println();
        List<Guard> guards = GUARDED.stream().map(step -> new Guard(step, median(samples.get(step), Sample::wallMs), newcomer,
                median(samples.get(step + " primed"), Sample::invokeMs))).toList();
        System.out.println("guard: each step's cold invocation without SnapStart (a fresh JVM, median wall ms) no slower than the"
                + " newcomer's handler, and the first invocation after priming (SnapStart's checkpoint hook) beside it");
        System.out.printf(Locale.ROOT, "%-6s %8s %12s %6s %19s %6s  %s%n", "step", "cold ms", "newcomer ms", "ratio", "after priming ms",
                "ratio", "guard");
        guards.forEach(guard -> System.out.println(guard.line()));
        List<String> slower = guards.stream().filter(guard -> !guard.passed()).map(Guard::step).toList();
        System.out.println(slower.isEmpty() ? "guard: PASS" : "guard: FAIL (" + String.join(", ", slower) + " slower than the newcomer's)");
        return slower.isEmpty();
    }

    /**
     * One guarded step: its cold invocation without SnapStart and the first call after priming, each over the newcomer's
     * cold invocation; it passes when the cold invocation is no slower than the newcomer's.
     */
    record Guard(String step, long coldMs, long newcomerMs, long primedCallMs) {
        boolean passed() {
            return coldMs <= newcomerMs;
        }

        String line() {
            return String.format(Locale.ROOT, "%-6s %8d %12d %6.2f %19d %6.2f  %s", step, coldMs, newcomerMs, (double) coldMs / newcomerMs,
                    primedCallMs, (double) primedCallMs / newcomerMs, passed() ? "PASS" : "FAIL");
        }
    }

    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        return median(samples.stream().map(sample -> figure.applyAsLong(sample)).toList());
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
