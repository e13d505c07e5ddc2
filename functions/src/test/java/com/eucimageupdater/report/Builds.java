package com.eucimageupdater.report;

import com.eucimageupdater.build.BuiltLocation;
import com.eucimageupdater.lambda.JsonValues;
import com.eucimageupdater.lambda.JsonView;
import java.util.ArrayList;
import java.util.List;

/** Raw results as the build Map's Record states shape them, summarised as one account and Region's child would. */
final class Builds {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private Builds() {}

    static List<BuiltLocation> of(String rawResults) throws Exception {
        List<ImageResult> results = new ArrayList<>();
        for (Object raw : JsonValues.list(JsonValues.parse(rawResults))) {
            JsonValues.object(raw).put("account", ACCOUNT);
            JsonValues.object(raw).put("region", REGION);
            results.add(ImageResult.from(JsonView.of(raw)));
        }
        return List.of(new BuiltLocation(ACCOUNT, REGION, results, List.of()));
    }
}
