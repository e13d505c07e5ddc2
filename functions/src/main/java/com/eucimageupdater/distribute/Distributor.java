package com.eucimageupdater.distribute;

import com.eucimageupdater.model.ImageJob;
import com.eucimageupdater.model.ImageUpdateException;
import java.util.List;

/** What the distribute step needs of a service in one account and Region: copies to other Regions, shares with accounts. */
public interface Distributor {

    /**
     * Copies the new image into another Region of its account, tagged as this pipeline's copy of it (its own tags, the
     * execution that copies it, and the account, Region and image it comes from). Idempotent: a copy of this image that
     * the pipeline made earlier is reported as there already; any other image holding the name there is a conflict,
     * left untouched.
     *
     * @param job the new image's job: its image, account, Region and execution
     * @param destination this same service in the destination Region, where the copy is looked for and tagged
     * @throws ImageUpdateException naming the Region, when the copy failed there or AWS refused it
     */
    Distribution.Copy copyToRegion(ImageJob job, String region, Distributor destination);

    /**
     * Shares the new image, in its own Region, with each account, which may then use it: an account the image's
     * permissions already list as this share would make it is left as it is.
     */
    List<Distribution.Share> shareWith(String newImage, List<String> accounts);
}
