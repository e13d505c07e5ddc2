package com.eucimageupdater.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** NextToken / MaxResults paging of the describe calls; the token is opaque to callers, as AWS's are. */
final class Paging {
    private static final String TOKEN_PREFIX = "simulator-page:";

    private record Page<T>(List<T> items, String nextToken) {}

    private Paging() {}

    /**
     * One page of {@code all}, its size in the request member {@code sizeMember} (MaxResults, or Limit for
     * DescribeWorkspaces); 0 or absent means {@code defaultSize}.
     */
    private static <T> Page<T> page(List<T> all, JsonNode request, String sizeMember, int defaultSize, Supplier<ServiceError> invalidToken) {
        int start = request.hasNonNull("NextToken") ? offset(request.get("NextToken").asText(), all.size(), invalidToken) : 0;
        int size = request.path(sizeMember).asInt(0) > 0 ? request.get(sizeMember).asInt() : defaultSize;
        int end = Math.min(all.size(), start + size);
        String nextToken = end < all.size() ? token(end) : null;
        return new Page<>(List.copyOf(all.subList(start, end)), nextToken);
    }

    /** The answer for one page: {@code member} with the page's items as JSON, and NextToken when more follow. */
    static <T> ObjectNode answer(List<T> all, JsonNode request, String sizeMember, int defaultSize, String member,
                                 Function<T, ObjectNode> toJson, Supplier<ServiceError> invalidToken) {
        Page<T> page = page(all, request, sizeMember, defaultSize, invalidToken);
        ObjectNode result = Json.object();
        result.set(member, Json.array().addAll(page.items().stream().map(toJson).toList()));
        return Json.putIfPresent(result, "NextToken", page.nextToken());
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
