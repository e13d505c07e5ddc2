package com.eucimageupdater.approve;

import java.util.List;

/**
 * The approval mail's part that says how to answer: as deployed, the signed links and the AWS CLI commands
 * ({@link ApprovalLinks#answeredAt}); a local run, which answers from its own command line, says that instead.
 */
@FunctionalInterface
public interface AnswerInstructions {
    /**
     * The mail's lines that give each of {@code answers} to the waiting task (approve and reject; or, when production rolls out
     * after a soak, reject alone); they may carry its token.
     */
    String forMail(List<ApprovalRequest> answers);
}
