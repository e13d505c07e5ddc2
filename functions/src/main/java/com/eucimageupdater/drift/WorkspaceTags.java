package com.eucimageupdater.drift;

import java.util.Map;

/** What the drift report reads of one WorkSpace in one account and Region: its tags. It changes nothing. */
@FunctionalInterface
public interface WorkspaceTags {

    /** The WorkSpace's tags (DescribeTags with its id as ResourceId), by key; none when it has none. */
    Map<String, String> tagsOfWorkspace(String workspaceId);
}
