package com.eucimageupdater.drift;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When a platform's publisher stops its security updates, for the platforms that AppStream ({@code Platform}) and
 * WorkSpaces ({@code WorkspaceProperties.OperatingSystemName}) report and whose date was found published; any other
 * platform has no row, and the report says nothing of its support. Each row names the page its date was read from.
 */
public final class EndOfSupport {
    /** A platform's last day of support, and the page that says so. */
    public record Row(LocalDate ends, String source) {}

    private static final Row AMAZON_LINUX_2 = new Row(LocalDate.of(2026, 6, 30),
            // AWS's page, quoted in https://github.com/docker-library/tomcat/pull/340: "reached end-of-support on June 30, 2026".
            "https://aws.amazon.com/amazon-linux-2/");
    private static final Row WINDOWS_SERVER_2016 = new Row(LocalDate.of(2027, 1, 12),
            "https://ora.it.com/server-lifecycle/when-did-server-2016-end-of-life");
    private static final Row WINDOWS_SERVER_2019 = new Row(LocalDate.of(2029, 1, 9),
            "https://windowsforum.com/threads/windows-server-2019-eol-esu-to-2029-and-migration-paths.378735/post-931584");
    private static final Row WINDOWS_SERVER_2022 = new Row(LocalDate.of(2031, 10, 14),
            "https://windowsforum.com/threads/windows-server-2022-end-of-mainstream-support-2026-2031-migration-guide.384314");
    private static final Row WINDOWS_10 = new Row(LocalDate.of(2025, 10, 14),
            "https://report.az/en/ict/microsoft-to-end-windows-10-support-on-october-14-2025");

    /** By the platform names both services use (AppStream's AMAZON_LINUX2, WorkSpaces' AMAZON_LINUX_2). */
    private static final Map<String, Row> ROWS = Map.of(
            "AMAZON_LINUX2", AMAZON_LINUX_2,
            "AMAZON_LINUX_2", AMAZON_LINUX_2,
            "WINDOWS_SERVER_2016", WINDOWS_SERVER_2016,
            "WINDOWS_SERVER_2019", WINDOWS_SERVER_2019,
            "WINDOWS_SERVER_2022", WINDOWS_SERVER_2022,
            "WINDOWS_10", WINDOWS_10);

    private EndOfSupport() {}

    /** The platform's row, if its end of support was found published. */
    public static Optional<Row> of(String platform) {
        return platform == null ? Optional.empty() : Optional.ofNullable(ROWS.get(platform));
    }
}
