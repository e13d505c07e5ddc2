package com.eucimageupdater.drift;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When a platform's publisher stops its security updates, for the platforms that AppStream ({@code Platform}) and
 * WorkSpaces ({@code WorkspaceProperties.OperatingSystemName}) report and whose date was found published; any other
 * platform has no row, and the report says nothing of its support. Each row names its publisher's page: Microsoft's
 * lifecycle pages (the end of extended support) and AWS's Amazon Linux 2 FAQ.
 */
public final class EndOfSupport {
    /** A platform's last day of support, and the page that says so. */
    public record Row(LocalDate ends, String source) {}

    private static final Row AMAZON_LINUX_2 = new Row(LocalDate.of(2026, 6, 30),
            "https://aws.amazon.com/amazon-linux-2/faqs/");
    private static final Row WINDOWS_SERVER_2016 = new Row(LocalDate.of(2027, 1, 12),
            "https://learn.microsoft.com/lifecycle/products/windows-server-2016");
    private static final Row WINDOWS_SERVER_2019 = new Row(LocalDate.of(2029, 1, 9),
            "https://learn.microsoft.com/lifecycle/products/windows-server-2019");
    private static final Row WINDOWS_SERVER_2022 = new Row(LocalDate.of(2031, 10, 14),
            "https://learn.microsoft.com/lifecycle/products/windows-server-2022");
    private static final Row WINDOWS_10 = new Row(LocalDate.of(2025, 10, 14),
            "https://learn.microsoft.com/lifecycle/products/windows-10-enterprise-and-education");

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
