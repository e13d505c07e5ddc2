package com.eucimageupdater.distribute;

import com.eucimageupdater.model.ImageState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the distribute step found and did for one new image, Region by Region of {@code copyToRegions} and account by
 * account of {@code shareWithAccounts}: each entry says whether this step's own call made the copy or the share, or
 * what AWS showed was there already.
 */
public record Distribution(List<Copy> copies, List<Share> shares) {

    public Distribution {
        copies = List.copyOf(copies);
        shares = List.copyOf(shares);
    }

    public enum CopyOutcome {
        /** This step's CopyImage or CopyWorkspaceImage answered: the copy is under way in the destination. */
        COPIED,
        /** The destination holds a copy of this very image that euc-image-updater made earlier (its tags say so). */
        ALREADY_COPIED,
        /** Another image holds the copy's name in the destination: nothing was copied, and that image was not touched. */
        CONFLICT
    }

    /**
     * @param image the copy's identifier in its Region (AppStream: its name, the new image's; WorkSpaces: a new id), or for a
     *              conflict the identifier of the image that holds the name there
     * @param copiedBy for a copy made earlier, the execution its tags name (null when they name none)
     * @param state for a copy made earlier, its state as the destination described it: AVAILABLE, or PENDING while copying
     * @param conflict for a conflict, what holds the name and what to do
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Copy(String region, CopyOutcome outcome, String image, String copiedBy, ImageState state, String conflict) {

        public static Copy copied(String region, String image) {
            return new Copy(region, CopyOutcome.COPIED, image, null, null, null);
        }

        public static Copy alreadyCopied(String region, String image, String copiedBy, ImageState state) {
            return new Copy(region, CopyOutcome.ALREADY_COPIED, image, copiedBy, state, null);
        }

        public static Copy conflict(String region, String image, String conflict) {
            return new Copy(region, CopyOutcome.CONFLICT, image, null, null, conflict);
        }
    }

    public enum ShareOutcome {
        /** This step's UpdateImagePermissions or UpdateWorkspaceImagePermission answered. */
        SHARED,
        /** DescribeImagePermissions or DescribeWorkspaceImagePermissions listed the account with the same permissions: no call made. */
        ALREADY_SHARED
    }

    public record Share(String account, ShareOutcome outcome) {

        /**
         * Shares with each account in turn, unless it is shared with already as this share would make it.
         *
         * @param share the service's call sharing the image with one account
         */
        public static List<Share> each(List<String> accounts, Set<String> sharedAlike, Consumer<String> share) {
            return accounts.stream().map(account -> {
                if (sharedAlike.contains(account)) {
                    return new Share(account, ShareOutcome.ALREADY_SHARED);
                }
                share.accept(account);
                return new Share(account, ShareOutcome.SHARED);
            }).toList();
        }
    }
}
