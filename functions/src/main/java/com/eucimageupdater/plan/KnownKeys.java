package com.eucimageupdater.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys one object of the execution input or of cdk.json may hold. Any other key is refused, never ignored (a
 * typo such as {@code dryrun} would otherwise run for real), named by its path with the known key it most likely
 * stands for; a key that is known in another place says where it belongs.
 */
public final class KnownKeys {
    /** Keys shown as they are in a path; any other is quoted, so that a blank or dotted key stays readable. */
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final int MAX_EDITS = 3;
    /** A shorter beginning would point at too many keys to be a guess worth making. */
    private static final int MIN_BEGINNING = 4;

    private final String noun;
    private final List<String> keys;
    /** Keys of another place, each with the sentence that says where it belongs. */
    private final Map<String, String> elsewhere;

    private KnownKeys(String noun, List<String> keys, Map<String, String> elsewhere) {
        this.noun = noun;
        this.keys = List.copyOf(keys);
        this.elsewhere = Collections.unmodifiableMap(new LinkedHashMap<>(elsewhere));
    }

    /** The fields of an execution input's object, as its messages call them. */
    public static KnownKeys fields(List<String> keys) {
        return new KnownKeys("field", keys, Map.of());
    }

    /** The keys of cdk.json's context, as its messages call them. */
    public static KnownKeys contextKeys(List<String> keys) {
        return new KnownKeys("key", keys, Map.of());
    }

    /**
     * These keys, and {@code others}, which belong in another place: given here, each is refused with
     * "{@code <key> <where>}", e.g. "dryRun applies to the whole run; put it at the top level".
     */
    public KnownKeys withElsewhere(List<String> others, String where) {
        Map<String, String> more = new LinkedHashMap<>(elsewhere);
        others.stream().filter(other -> !keys.contains(other)).forEach(other -> more.put(other, where));
        return new KnownKeys(noun, keys, more);
    }

    public List<String> keys() {
        return keys;
    }

    public boolean knows(String key) {
        return keys.contains(key);
    }

    /**
     * One problem for each of {@code given} that is not a known key, in their order.
     *
     * @param path the object's path in messages, e.g. {@code images[0]} or {@code input}; empty for cdk.json's context
     */
    public List<String> problems(Iterable<String> given, String path) {
        Problems problems = new Problems();
        refuseUnknown(given, problems.at(path));
        return problems.all();
    }

    /** Each of {@code given} that is not a known key is a problem of the object, named by its path, in their order. */
    public void refuseUnknown(Iterable<String> given, Problems object) {
        for (String key : given) {
            if (!knows(key)) {
                object.at(PLAIN.matcher(key).matches() ? key : "\"" + key + "\"").add(rule(key));
            }
        }
    }

    private String rule(String key) {
        if (elsewhere.containsKey(key)) {
            return key + " " + elsewhere.get(key);
        }
        Optional<String> meant = nearest(key);
        if (meant.isEmpty()) {
            return "unknown " + noun + "; the known " + noun + "s are " + String.join(", ", keys);
        }
        String where = elsewhere.get(meant.get());
        return "unknown " + noun + "; did you mean " + meant.get() + "?" + (where == null ? "" : " " + meant.get() + " " + where);
    }

    /**
     * The known key (here first, then elsewhere) an unknown one most likely stands for: the same letters in another
     * case or with other punctuation; else the fewest edits (a swap of two neighbours counts as one), a third of the
     * key's length at most; else the first that begins with it, or with which it begins (four letters or more).
     */
    public Optional<String> nearest(String key) {
        List<String> candidates = new ArrayList<>(keys);
        candidates.addAll(elsewhere.keySet());
        String spelt = lettersAndDigits(key);
        Optional<String> sameLetters = candidates.stream().filter(known -> lettersAndDigits(known).equals(spelt)).findFirst();
        if (sameLetters.isPresent()) {
            return sameLetters;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(MAX_EDITS, key.length() / 3));
        String best = null;
        int fewest = allowed + 1;
        for (String known : candidates) {
            int edits = edits(lower, known.toLowerCase(Locale.ROOT));
            if (edits < fewest) {
                best = known;
                fewest = edits;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        return candidates.stream().filter(known -> sharesABeginning(lettersAndDigits(known), spelt)).findFirst();
    }

    /** Whether {@code key} spells one of these keys with other case or punctuation, e.g. max-concurrency for maxConcurrency. */
    public boolean spellsOneOf(String key) {
        String spelt = lettersAndDigits(key);
        return keys.stream().anyMatch(known -> lettersAndDigits(known).equals(spelt));
    }

    private static boolean sharesABeginning(String a, String b) {
        return Math.min(a.length(), b.length()) >= MIN_BEGINNING && (a.startsWith(b) || b.startsWith(a));
    }

    private static String lettersAndDigits(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
