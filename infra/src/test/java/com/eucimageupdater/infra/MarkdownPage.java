package com.eucimageupdater.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A markdown page of the project, read as GitHub renders it: its prose (no code), headings' anchors, links and tables. */
final class MarkdownPage {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    /** What GitHub drops from a heading's text to make its anchor: everything but letters, digits, spaces, - and _. */
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N} _-]");

    final Path file;
    /** The page's lines outside fenced code blocks. */
    private final List<String> prose;

    private MarkdownPage(Path file, List<String> prose) {
        this.file = file;
        this.prose = prose;
    }

    static MarkdownPage read(Path file) {
        List<String> prose = new ArrayList<>();
        boolean inFence = false;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                } else if (!inFence) {
                    prose.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MarkdownPage(file, prose);
    }

    /** The project's README and every page in docs/. */
    static List<MarkdownPage> documentation() {
        try (Stream<Path> docs = Files.list(TestStack.PROJECT_ROOT.resolve("docs"))) {
            List<MarkdownPage> pages = new ArrayList<>(List.of(read(TestStack.PROJECT_ROOT.resolve("README.md"))));
            docs.filter(path -> path.toString().endsWith(".md")).sorted().map(MarkdownPage::read).forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every link target in the prose, as written: outside code spans and code blocks; a link's text may wrap a line. */
    List<String> linkTargets() {
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(INLINE_CODE.matcher(String.join("\n", prose)).replaceAll(""));
        while (link.find()) {
            targets.add(link.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as -, repeats numbered. */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : prose) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String text = heading.group(1).strip().replace("`", "").toLowerCase(Locale.ROOT);
                String anchor = NOT_IN_ANCHOR.matcher(text).replaceAll("").replace(' ', '-');
                int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
            }
        }
        return anchors;
    }

    /** The prose from the heading to the next heading of its level or above. */
    String section(String heading) {
        int at = headingAt(heading);
        int level = heading.indexOf(' ');
        int end = at + 1;
        while (end < prose.size() && !(HEADING.matcher(prose.get(end)).matches() && prose.get(end).indexOf(' ') <= level)) {
            end++;
        }
        return String.join("\n", prose.subList(at, end));
    }

    private int headingAt(String heading) {
        int at = prose.indexOf(heading);
        if (at < 0) {
            throw new AssertionError(file + " has no heading \"" + heading + "\"");
        }
        return at;
    }

    /**
     * The rows of the first table under the heading, each as its cells (without the header and separator rows). Cells
     * are split at every |, so the table's cells must not hold one.
     */
    List<List<String>> tableUnder(String heading) {
        int at = headingAt(heading);
        List<List<String>> rows = new ArrayList<>();
        int line = at + 1;
        while (line < prose.size() && !prose.get(line).startsWith("|")) {
            line++;
        }
        for (line += 2; line < prose.size() && prose.get(line).startsWith("|"); line++) {
            String row = prose.get(line).strip();
            rows.add(Stream.of(row.substring(1, row.length() - 1).split("\\|", -1)).map(String::strip).toList());
        }
        return rows;
    }
}
