package com.eucimageupdater.aws;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A failed image's reason from the service's own fields, each said once, whichever of them are set. */
final class FailureReasons {
    private FailureReasons() {}

    /** "CODE message", leaving out a missing part. */
    static String join(String code, String message) {
        return Stream.of(code, message).filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    static String describe(String headline, Stream<String> details) {
        String joined = details.filter(detail -> !detail.isBlank()).distinct().collect(Collectors.joining("; "));
        return joined.isEmpty() ? headline : headline + ": " + joined;
    }
}
