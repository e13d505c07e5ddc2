package com.eucimageupdater.approve;

import com.eucimageupdater.aws.KmsMacKey;
import com.eucimageupdater.workflow.FunctionEnvironment;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approval links, built by the function that mails them and checked by the approval endpoint:
 * {@code <endpoint>?execution=<execution ARN>&decision=approve|reject&token=<task token>&signature=<HMAC>}.
 *
 * <p>Step Functions' SendTaskSuccess and SendTaskFailure take any task token of the account, and their Service
 * Authorization Reference entries list no resource type, so IAM alone cannot promise that the endpoint answers
 * only this state machine's tasks. The signature does: an HMAC, by a key only this deployment holds, over the
 * execution, the decision and the token. A link for another state machine, or with any field changed, is refused
 * before any call; on top of that the execution must be one of this state machine's.
 */
public final class ApprovalLinks {
    public static final String EXECUTION = "execution";
    public static final String DECISION = "decision";
    public static final String TOKEN = "token";
    public static final String SIGNATURE = "signature";
    /** The fields of a link, in link order: also the form fields that the endpoint's page posts back. */
    public static final List<String> FIELDS = List.of(EXECUTION, DECISION, TOKEN, SIGNATURE);

    /** SendTaskSuccess's and SendTaskFailure's limit on taskToken. */
    static final int MAX_TOKEN_LENGTH = 2048;
    /** Versioned, so that a later link format can never be read as this one. */
    private static final String SIGNED_PREFIX = "euc-image-updater approval link v1\n";
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:(aws[a-z-]*):states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:/\\s]{1,80})");
    private static final Base64.Encoder SIGNATURE_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String stateMachineArn;
    private final String executionArnPrefix;
    private final String region;
    private final MacKey key;

    public ApprovalLinks(String stateMachineArn, MacKey key) {
        Matcher arn = STATE_MACHINE_ARN.matcher(stateMachineArn == null ? "" : stateMachineArn);
        if (!arn.matches()) {
            throw new IllegalArgumentException("stateMachineArn: must be a state machine ARN"
                    + " (arn:<partition>:states:<region>:<account>:stateMachine:<name>), got \"" + stateMachineArn + "\"");
        }
        this.stateMachineArn = stateMachineArn;
        // An execution ARN is the state machine's with "execution" for "stateMachine", then ":<execution name>".
        this.executionArnPrefix = "arn:" + arn.group(1) + ":states:" + arn.group(2) + ":" + arn.group(3) + ":execution:"
                + arn.group(4) + ":";
        this.region = arn.group(2);
        this.key = key;
    }

    /**
     * From {@value FunctionEnvironment#STATE_MACHINE_ARN} and {@value FunctionEnvironment#APPROVAL_KEY_ARN}, with its own KMS
     * client: call it once per container.
     */
    public static ApprovalLinks fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    static ApprovalLinks fromEnvironment(Function<String, String> environment) {
        String stateMachineArn = required(environment, FunctionEnvironment.STATE_MACHINE_ARN);
        String keyArn = required(environment, FunctionEnvironment.APPROVAL_KEY_ARN);
        return new ApprovalLinks(stateMachineArn, KmsMacKey.withOwnClient(keyArn));
    }

    /** The endpoint from {@value FunctionEnvironment#APPROVAL_ENDPOINT_URL}, for {@link #link}. */
    public static URI endpointFromEnvironment() {
        return URI.create(required(System::getenv, FunctionEnvironment.APPROVAL_ENDPOINT_URL));
    }

    private static String required(Function<String, String> environment, String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + ": is required (set by the stack)");
        }
        return value;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    /**
     * The signed link that answers {@code request} (one kms:GenerateMac call). It carries the task token: put it
     * in the mail, never in a log or in the function's result.
     */
    public URI link(URI endpoint, ApprovalRequest request) {
        if (!endpoint.isAbsolute() || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint: must be an absolute URL without query or fragment, got " + endpoint);
        }
        checkExecution(request.executionArn());
        StringBuilder query = new StringBuilder();
        fields(request).forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String base = endpoint.toString();
        return URI.create((endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? base + "/" : base) + query);
    }

    /** The link's fields in link order, signature last. */
    private Map<String, String> fields(ApprovalRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EXECUTION, request.executionArn());
        fields.put(DECISION, request.decision().parameter());
        fields.put(TOKEN, request.taskToken());
        fields.put(SIGNATURE, SIGNATURE_ENCODER.encodeToString(key.sign(signed(request))));
        return fields;
    }

    /**
     * The request that a link's fields (query parameters or form fields) stand for, once they are complete, the
     * execution is one of this state machine's and the signature is this deployment's (one kms:VerifyMac call).
     */
    public ApprovalRequest verify(Map<String, String> fields) throws InvalidLinkException {
        String execution = present(fields, EXECUTION);
        String decisionValue = present(fields, DECISION);
        String token = present(fields, TOKEN);
        String signature = present(fields, SIGNATURE);
        Decision decision = Decision.fromParameter(decisionValue).orElseThrow(() -> new InvalidLinkException(
                InvalidLinkException.Kind.MALFORMED, DECISION + ": must be approve or reject"));
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidLinkException(InvalidLinkException.Kind.MALFORMED,
                    TOKEN + ": must be at most " + MAX_TOKEN_LENGTH + " characters, as Step Functions issues them");
        }
        if (!belongsToStateMachine(execution)) {
            throw new InvalidLinkException(InvalidLinkException.Kind.FORBIDDEN,
                    EXECUTION + ": is not an execution of this deployment's state machine");
        }
        ApprovalRequest request = new ApprovalRequest(execution, token, decision);
        byte[] mac;
        try {
            mac = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidLinkException(InvalidLinkException.Kind.FORBIDDEN, SIGNATURE + ": is not a signature of this deployment");
        }
        if (!key.verify(signed(request), mac)) {
            throw new InvalidLinkException(InvalidLinkException.Kind.FORBIDDEN,
                    SIGNATURE + ": does not match the link: it was not issued by this deployment, or it was changed");
        }
        return request;
    }

    /**
     * The fields of a query string or a form-encoded body ({@code application/x-www-form-urlencoded}); other
     * parameters are ignored. Refuses a field given twice, so that no two readers of a link can see different values.
     */
    public static Map<String, String> parseFields(String formEncoded) throws InvalidLinkException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : formEncoded.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new InvalidLinkException(InvalidLinkException.Kind.MALFORMED,
                        "the link is not correctly URL-encoded; open it from the approval mail exactly as it was sent");
            }
            if (FIELDS.contains(name) && fields.put(name, value) != null) {
                throw new InvalidLinkException(InvalidLinkException.Kind.MALFORMED, name + ": must appear only once");
            }
        }
        return fields;
    }

    /** The mail's links to {@code endpoint} for each answer it offers, and the AWS CLI commands that do the same. */
    public AnswerInstructions answeredAt(URI endpoint) {
        return answers -> {
            StringBuilder lines = new StringBuilder();
            answers.forEach(answer -> lines.append(answer.decision().label()).append(link(endpoint, answer)).append('\n'));
            lines.append(answers.size() == 1 ? "\n(The link opens a page with a button; nothing is decided until you press it.)"
                    : "\n(The links open a page with a button; nothing is decided until you press it.)").append(" Or with the AWS CLI:\n");
            answers.forEach(answer -> lines.append("  ").append(cliCommand(answer)).append('\n'));
            return lines.toString();
        };
    }

    /**
     * The AWS CLI command that gives the same answer as the link, for the mail; it carries the token too. The
     * Region is the state machine's, because a task token is answered in the Region that issued it.
     */
    public String cliCommand(ApprovalRequest request) {
        String token = shellQuoted(request.taskToken());
        String answer = shellQuoted(request.decision().cliAnswer());
        return request.decision().cliCommand() + " --region " + region + " --task-token " + token + switch (request.decision()) {
            case APPROVE -> " --task-output " + answer;
            case REJECT -> " --error " + Decision.REJECTED_ERROR + " --cause " + answer;
        };
    }

    private void checkExecution(String executionArn) {
        if (!belongsToStateMachine(executionArn)) {
            throw new IllegalArgumentException("executionArn: must be an execution of " + stateMachineArn
                    + " (" + executionArnPrefix + "<name>), got \"" + executionArn + "\"");
        }
    }

    private boolean belongsToStateMachine(String executionArn) {
        String name = executionArn.startsWith(executionArnPrefix) ? executionArn.substring(executionArnPrefix.length()) : "";
        return !name.isEmpty() && name.indexOf(':') < 0;
    }

    private static String present(Map<String, String> fields, String name) throws InvalidLinkException {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidLinkException(InvalidLinkException.Kind.MALFORMED,
                    name + ": is missing; open the link from the approval mail exactly as it was sent");
        }
        return value;
    }

    /** Length-prefixed fields, so that no two different requests sign the same bytes. */
    private static byte[] signed(ApprovalRequest request) {
        return (SIGNED_PREFIX
                + request.executionArn().length() + ":" + request.executionArn() + "\n"
                + request.decision().parameter() + "\n"
                + request.taskToken().length() + ":" + request.taskToken())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
