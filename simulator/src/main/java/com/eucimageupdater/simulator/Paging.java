package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** NextToken / MaxResults paging of the describe calls; the token is opaque to callers, as AWS's are. */
final class Paging {
    private static final String TOKEN_PREFIX = "simulator-page:";

    record Page<T>(List<T> items, String nextToken) {}

    private Paging() {}

    /** One page of {@code all}; MaxResults 0 or absent means {@code defaultSize}. */
    static <T> Page<T> page(List<T> all, JsonNode request, int defaultSize, Supplier<ServiceError> invalidToken) {
        int start = request.hasNonNull("NextToken") ? offset(request.get("NextToken").asText(), all.size(), invalidToken) : 0;
        int size = request.path("MaxResults").asInt(0) > 0 ? request.get("MaxResults").asInt() : defaultSize;
        int end = Math.min(all.size(), start + size);
        String nextToken = end < all.size() ? token(end) : null;
        return new Page<>(List.copyOf(all.subList(start, end)), nextToken);
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, int total, Supplier<ServiceError> invalidToken) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
                if (offset >= 0 && offset <= total) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // Answered below like any other token this simulator did not hand out.
        }
        throw invalidToken.get();
    }
}
