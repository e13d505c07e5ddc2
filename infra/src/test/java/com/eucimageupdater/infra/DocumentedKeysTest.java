package com.eucimageupdater.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eucimageupdater.config.UpdaterConfig;
import com.eucimageupdater.plan.ImageRequests;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/configuration.md covers every cdk.json key and every field of an image item, so that none is found only in the code. */
class DocumentedKeysTest {
    private static final MarkdownPage CONFIGURATION = MarkdownPage.read(TestStack.PROJECT_ROOT.resolve("docs/configuration.md"));

    @Test
    @DisplayName("the cdk.json table lists every key the app reads, and the shipped cdk.json spells out each of them")
    void everyCdkJsonKeyIsDocumented() {
        List<String> documented = CONFIGURATION.tableUnder("## cdk.json context").stream().map(row -> row.get(0).replace("`", ""))
                .sorted().toList();
        List<String> shipped = TestStack.cdkJsonContext().keySet().stream().filter(key -> !key.startsWith("@")).sorted().toList();

        assertEquals(UpdaterConfig.KEYS.keys().stream().sorted().toList(), documented);
        assertEquals(documented, shipped);
    }

    @Test
    @DisplayName("the execution input's section names every field an image item takes")
    void everyItemFieldIsDocumented() {
        String input = CONFIGURATION.section("## Execution input");

        ImageRequests.ITEM_FIELDS.forEach(field -> assertTrue(input.contains("`" + field + "`"), field));
    }
}
