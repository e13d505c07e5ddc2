package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README is a front page into docs/: a link that leads nowhere is a dead end for the newcomer who follows it. */
class DocumentationLinksTest {

    @Test
    @DisplayName("every relative link in the README and docs/ reaches an existing file, and the heading its anchor names")
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        int anchored = 0;
        for (MarkdownPage page : MarkdownPage.documentation()) {
            for (String target : page.linkTargets()) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: and the like: outside the project
                }
                checked++;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path file = path.isEmpty() ? page.file : page.file.getParent().resolve(path).normalize();
                String where = TestStack.PROJECT_ROOT.relativize(page.file) + ": (" + target + ")";
                if (!Files.exists(file)) {
                    broken.add(where + " names a missing file");
                } else if (hash >= 0) {
                    anchored++;
                    String anchor = target.substring(hash + 1);
                    if (!file.toString().endsWith(".md") || !MarkdownPage.read(file).anchors().contains(anchor)) {
                        broken.add(where + " names no heading of " + TestStack.PROJECT_ROOT.relativize(file));
                    }
                }
            }
        }

        assertEquals(List.of(), broken);
        assertTrue(checked > 50 && anchored > 20, "the pages' links were found: " + checked + " links, " + anchored + " with anchors");
    }

    @Test
    @DisplayName("links are read as GitHub reads them: their text may wrap a line, code spans and blocks hold none")
    void linksAreReadAsGitHubReadsThem(@TempDir Path project) throws Exception {
        Path page = Files.writeString(project.resolve("page.md"),
                "See [the whole\nstory](docs/a.md#story) and `[not](b.md)`.\n```\n[nor](c.md)\n```\n[last](#here)\n");

        assertEquals(List.of("docs/a.md#story", "#here"), MarkdownPage.read(page).linkTargets());
    }

    @Test
    @DisplayName("anchors are made as GitHub makes them: punctuation and backticks dropped, spaces as -, repeats numbered")
    void anchorsFollowGitHub(@TempDir Path project) throws Exception {
        Path page = Files.writeString(project.resolve("page.md"), "# Notes\n## Notes\n```\n# not a heading\n```\n## Notes\n");
        MarkdownPage limits = MarkdownPage.read(TestStack.PROJECT_ROOT.resolve("docs/limits-and-errors.md"));
        MarkdownPage localRuns = MarkdownPage.read(TestStack.PROJECT_ROOT.resolve("docs/local-runs.md"));
        MarkdownPage performance = MarkdownPage.read(TestStack.PROJECT_ROOT.resolve("docs/performance.md"));

        assertEquals(Set.of("notes", "notes-1", "notes-2"), MarkdownPage.read(page).anchors());
        assertTrue(limits.anchors().contains("every-number"), limits.anchors().toString());
        assertTrue(localRuns.anchors().contains("keeping-the-account-between-runs---state"), localRuns.anchors().toString());
        assertTrue(localRuns.anchors().contains("what-the-local-runners-distributed-maps-cover"), localRuns.anchors().toString());
        assertTrue(performance.anchors().contains("an-organization-run-1000-images"), performance.anchors().toString());
    }
}
