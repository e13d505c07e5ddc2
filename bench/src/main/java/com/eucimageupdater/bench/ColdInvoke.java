package com.eucimageupdater.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation, in the child JVM, the way the Lambda Java runtime makes it: the handler class loaded by its
 * own class loader from the function's jar (the runtime's classes, here only aws-lambda-java-core, on the class
 * path), constructed, then called once. Prints the handler's output, then one {@code BENCH} line with the time from
 * loading the class to the response and the process's peak resident memory.
 *
 * <p>Arguments: the handler's class path, the handler class, the input file, and optionally {@code --prime} to call
 * the handler's {@code beforeCheckpoint} (what SnapStart runs before it takes the snapshot) before the timed call.
 */
public final class ColdInvoke {
    private ColdInvoke() {}

    public static void main(String[] args) throws Exception {
        byte[] input = Files.readAllBytes(Path.of(args[2]));
        String[] entries = args[0].split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = Path.of(entries[i]).toUri().toURL();
        }
        URLClassLoader loader = new URLClassLoader(urls, ColdInvoke.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[1], true, loader).getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        long initNanos = constructed - start;
        long primeNanos = 0;
        if (args.length > 3 && args[3].equals("--prime")) {
            Class.forName("org.crac.Resource", false, loader).getMethod("beforeCheckpoint", Class.forName("org.crac.Context", false, loader))
                    .invoke(handler, (Object) null);
            primeNanos = System.nanoTime() - constructed;
            constructed = System.nanoTime();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), output, new BenchContext());
        long done = System.nanoTime();
        PrintStream out = System.out;
        out.println(output.toString(StandardCharsets.UTF_8));
        out.println("BENCH initMs=" + millis(initNanos) + " invokeMs=" + millis(done - constructed)
                + " primeMs=" + millis(primeNanos) + " hwmKb=" + peakResidentKb());
        out.flush();
    }

    private static String millis(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    /** VmHWM: the resident set's high-water mark, as the kernel counts it (Linux only; -1 elsewhere). */
    private static long peakResidentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException notLinux) {
            // Reported as unknown.
        }
        return -1;
    }

    /** What the runtime hands the handler; log lines go to stderr, which the benchmark keeps for failures. */
    private static final class BenchContext implements Context {
        private static final LambdaLogger STDERR = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.write(message, 0, message.length);
            }
        };

        @Override
        public String getAwsRequestId() {
            return "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + getFunctionName() + ":live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return STDERR;
        }
    }
}
