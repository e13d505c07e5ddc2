package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Parameter Store in one account and Region: PutParameter (create, or a new version with Overwrite) and GetParameter
 * (by name, or {@code name:version} for the latest only), with the naming rules of PutParameter's documentation that
 * the model leaves out: only {@code a-zA-Z0-9_.-} and {@code /} between levels, a hierarchy's name starts with
 * {@code /} and has at most 15 levels, no {@code aws} or {@code ssm} prefix, at most 1,011 characters with the
 * parameter's ARN; a standard parameter's value is at most 4 KB; Tags and Overwrite never go together.
 */
final class SsmBackend implements ServiceBackend {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final Pattern RESERVED = Pattern.compile("^/?(aws|ssm)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LEVELS = 15;
    /** "The maximum length for a parameter name that you specify is 1011 characters", counting its ARN before it. */
    private static final int MAX_NAME_WITH_ARN = 1011;
    private static final int MAX_STANDARD_VALUE_BYTES = 4096;
    private static final int MAX_ADVANCED_VALUE_BYTES = 8192;
    private static final String STANDARD = "Standard";

    private final ServiceModel model = ServiceModel.of(ServiceModel.SSM);
    private final String account;
    private final String region;
    private final Map<String, SsmParameter> parameters = new ConcurrentHashMap<>();

    SsmBackend(Scenario.Location location) {
        this.account = location.accountId();
        this.region = location.region();
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Set<String> operations() {
        return Set.of("PutParameter", "GetParameter");
    }

    @Override
    public boolean isMutating(String operation, JsonNode request) {
        return "PutParameter".equals(operation);
    }

    @Override
    public void checkRules(String operation, JsonNode request) {
        if (!"PutParameter".equals(operation)) {
            return;
        }
        String name = request.get("Name").asText();
        if (!NAME.matcher(name).matches()) {
            throw validation("Parameter name: can only include the symbols and letters a-zA-Z0-9_.- and / between levels, got " + name);
        }
        if (RESERVED.matcher(name).find()) {
            throw validation("No access to reserved parameter name: " + name + " (a name may not begin with aws or ssm)");
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw validation("Parameter name: a name in a hierarchy must be fully qualified, beginning with /: " + name);
        }
        if (name.split("/", -1).length - (name.startsWith("/") ? 1 : 0) > MAX_LEVELS) {
            throw ServiceError.of(model, "HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of " + MAX_LEVELS
                    + " levels.");
        }
        if (arn(name).length() > MAX_NAME_WITH_ARN) {
            throw validation("Parameter name: with its ARN, at most " + MAX_NAME_WITH_ARN + " characters");
        }
        String tier = request.path("Tier").asText(STANDARD);
        int valueBytes = request.path("Value").asText().getBytes(StandardCharsets.UTF_8).length;
        if (valueBytes > (STANDARD.equals(tier) ? MAX_STANDARD_VALUE_BYTES : MAX_ADVANCED_VALUE_BYTES)) {
            throw validation("Parameter value: " + valueBytes + " bytes is over the " + tier + " tier's limit");
        }
        if (request.path("Overwrite").asBoolean() && !request.path("Tags").isMissingNode()) {
            throw validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please"
                    + " remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or"
                    + " RemoveTagsFromResource.");
        }
    }

    @Override
    public JsonNode handle(String operation, JsonNode request, Caller caller) {
        return "PutParameter".equals(operation) ? put(request) : get(request.get("Name").asText());
    }

    private synchronized JsonNode put(JsonNode request) {
        String name = request.get("Name").asText();
        SsmParameter existing = parameters.get(name);
        String type = request.path("Type").asText(null);
        if (existing == null && type == null) {
            throw validation("A parameter type is required when you create a parameter.");
        }
        if (existing != null && !request.path("Overwrite").asBoolean()) {
            throw ServiceError.of(model, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the"
                    + " overwrite option in the request to true.");
        }
        if (existing != null && type != null && !type.equals(existing.type())) {
            throw ServiceError.of(model, "HierarchyTypeMismatchException", "The parameter type can't be changed from "
                    + existing.type() + " to " + type + ".");
        }
        SsmParameter written = new SsmParameter(name, type != null ? type : existing.type(), request.get("Value").asText(),
                request.path("Description").asText(existing == null ? null : existing.description()),
                existing == null ? 1 : existing.version() + 1, request.path("Tier").asText(STANDARD));
        parameters.put(name, written);
        return Json.object().put("Version", written.version()).put("Tier", written.tier());
    }

    private JsonNode get(String requested) {
        SsmParameter parameter = parameter(requested.replaceFirst(":\\d+$", ""))
                .filter(found -> !requested.matches(".*:\\d+$") || requested.endsWith(":" + found.version()))
                .orElseThrow(() -> ServiceError.of(model, "ParameterNotFound", "Parameter " + requested + " not found."));
        ObjectNode answer = Json.object();
        answer.putObject("Parameter").put("Name", parameter.name()).put("Type", parameter.type()).put("Value", parameter.value())
                .put("Version", parameter.version()).put("ARN", arn(parameter.name())).put("DataType", "text");
        return answer;
    }

    Optional<SsmParameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private String arn(String name) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? "" : "/") + name;
    }

    private ServiceError validation(String message) {
        return ServiceError.of(model, "ValidationException", message);
    }
}
