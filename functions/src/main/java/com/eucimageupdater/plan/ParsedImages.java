package com.eucimageupdater.plan;

import com.eucimageupdater.model.ImageRequest;
import java.util.List;

/**
 * The images that passed validation, and every problem found, each naming its field and rule.
 *
 * @param path how the list is named in messages, e.g. {@code images} or {@code configuredImages}
 */
public record ParsedImages(String path, List<ImageRequest> requests, List<String> problems) {

    public ParsedImages {
        requests = List.copyOf(requests);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
