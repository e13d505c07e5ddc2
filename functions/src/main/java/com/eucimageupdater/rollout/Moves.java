package com.eucimageupdater.rollout;

import java.util.List;

/** What a move step did, target by target. */
public record Moves(List<TargetMover.Moved> moved) {

    public Moves {
        moved = List.copyOf(moved);
    }
}
