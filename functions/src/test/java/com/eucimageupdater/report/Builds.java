package com.eucimageupdater.report;

import com.eucimageupdater.build.BuiltLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Raw results as the build Map's Record states shape them, summarised as one account and Region's child would. */
final class Builds {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Builds() {}

    static List<BuiltLocation> of(String rawResults) throws Exception {
        List<ImageResult> results = new ArrayList<>();
        for (JsonNode raw : JSON.readTree(rawResults)) {
            ((ObjectNode) raw).put("account", ACCOUNT).put("region", REGION);
            results.add(ImageResult.from(raw));
        }
        return List.of(new BuiltLocation(ACCOUNT, REGION, results, List.of()));
    }
}
