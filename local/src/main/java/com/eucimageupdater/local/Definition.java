package com.eucimageupdater.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state machine file with its {@code ${...}} placeholders filled in, as CloudFormation would for CDK. */
final class Definition {
    static final Path DEFAULT_FILE = Path.of("statemachine", "image-updater.asl.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    /** Every function the definition names by a {@code ${<step>FunctionArn}} placeholder. */
    static final List<String> STEPS = List.of("Plan", "Resolve", "Check", "Start", "Poll", "MoveTargets", "Distribute", "Retire",
            "SummarizeBuilds", "PlanRollout", "RequestApproval", "FindRollout", "Report");
    private static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:%s:%s:function:euc-image-updater-";

    private Definition() {}

    /** Local stand-ins for the deployed functions' ARNs, by placeholder name. */
    static Map<String, String> functionArns(String region, String account) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (String step : STEPS) {
            arns.put(step + "FunctionArn", FUNCTION_ARN_PREFIX.formatted(region, account) + step.toLowerCase());
        }
        return arns;
    }

    static String render(Path file, Map<String, String> substitutions) throws IOException {
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = substitutions.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file + " uses ${" + matcher.group(1) + "}, which has no local substitution");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
