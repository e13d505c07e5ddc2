package com.eucimageupdater.images;

import java.util.List;

/**
 * What the distribute step did for one new image: its copy in each Region listed in {@code copyToRegions}, and the
 * accounts of {@code shareWithAccounts} it is now shared with.
 */
public record Distribution(List<Copy> copies, List<String> sharedWith) {

    public Distribution {
        copies = List.copyOf(copies);
        sharedWith = List.copyOf(sharedWith);
    }

    /** @param image the copy's identifier in its Region (AppStream: its name, the new image's; WorkSpaces: a new id) */
    public record Copy(String region, String image) {}
}
