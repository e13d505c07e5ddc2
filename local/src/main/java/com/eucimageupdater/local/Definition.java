package com.eucimageupdater.local;

import com.eucimageupdater.workflow.WorkflowStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state machine file with its {@code ${...}} placeholders filled in, as CloudFormation would for CDK. */
final class Definition {
    static final Path DEFAULT_FILE = Path.of(WorkflowStep.DEFINITION);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:%s:%s:function:euc-image-updater-";

    private Definition() {}

    /** Local stand-ins for the deployed functions' ARNs, by step. */
    static Map<WorkflowStep, String> functionArns(String region, String account) {
        Map<WorkflowStep, String> arns = new EnumMap<>(WorkflowStep.class);
        for (WorkflowStep step : WorkflowStep.values()) {
            arns.put(step, FUNCTION_ARN_PREFIX.formatted(region, account) + step.stepName().toLowerCase());
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
