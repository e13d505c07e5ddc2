package com.eucimageupdater.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Some AWS actions a function may call, on every resource of the scopes (IAM requires all of them, as for a move: fleet and image). */
public record Grant(List<Scope> scopes, List<String> actions) {
    public Grant {
        scopes = List.copyOf(scopes);
        actions = List.copyOf(actions);
    }

    static Grant on(Scope scope, String... actions) {
        return new Grant(List.of(scope), List.of(actions));
    }

    static Grant onAny(String... actions) {
        return on(Scope.ANY, actions);
    }

    /** Whether every scope is in the account whose images are patched. */
    public boolean inPatchedAccount() {
        return scopes.stream().allMatch(Scope::inPatchedAccount);
    }

    /** The grants in one list, one grant per set of scopes (in first-seen order), each action once. */
    static List<Grant> union(List<Grant> grants) {
        Map<List<Scope>, Set<String>> actionsByScopes = new LinkedHashMap<>();
        grants.forEach(grant -> actionsByScopes.computeIfAbsent(grant.scopes(), scopes -> new LinkedHashSet<>()).addAll(grant.actions()));
        List<Grant> union = new ArrayList<>();
        actionsByScopes.forEach((scopes, actions) -> union.add(new Grant(scopes, List.copyOf(actions))));
        return union;
    }
}
